package com.aigency.local.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.agents.AgentResult;
import com.aigency.shared.agents.AgentRunStatus;
import com.aigency.shared.agents.BudgetDecision;
import com.aigency.shared.agents.BudgetReservation;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.agents.MonthlyBudget;
import org.junit.jupiter.api.Test;

/** The kill switch and budgets against DynamoDB Local, and that each stays within its tenant. */
class KillSwitchAndBudgetTest {
  private final AgentFixtures fixtures = new AgentFixtures();
  private final FixedUsageModel model = new FixedUsageModel(r -> 100, ModelRequest::maxOutputTokens);

  @Test
  void aPausedAgentMakesNoRequestUntilResumed() {
    fixtures.controls.pause("t_a", "copywriter", "checking a complaint");

    AgentResult killed = fixtures.runtime(model).run(AgentFixtures.call("t_a", "copywriter"));
    AgentResult otherAgent = fixtures.runtime(model).run(AgentFixtures.call("t_a", "seo"));

    assertThat(killed.status()).isEqualTo(AgentRunStatus.KILLED);
    assertThat(killed.run().reason()).contains("'copywriter' is paused", "checking a complaint");
    assertThat(otherAgent.status()).isEqualTo(AgentRunStatus.SUCCESS);
    assertThat(model.requests.get()).isEqualTo(1);

    fixtures.controls.resume("t_a", "copywriter");

    assertThat(fixtures.runtime(model).run(AgentFixtures.call("t_a", "copywriter")).status())
        .isEqualTo(AgentRunStatus.SUCCESS);
    assertThat(model.requests.get()).isEqualTo(2);
  }

  @Test
  void pausingAllAgentsOfATenantStopsEveryAgentAndOnlyThatTenant() {
    fixtures.controls.pauseAll("t_a", null);
    fixtures.controls.pause("t_a", "seo", null);

    assertThat(fixtures.controls.isPaused("t_a", "copywriter")).isTrue();
    assertThat(fixtures.controls.isPaused("t_b", "copywriter")).isFalse();
    AgentResult killed = fixtures.runtime(model).run(AgentFixtures.call("t_a", "copywriter"));
    assertThat(killed.run().reason()).isEqualTo("All agents of this tenant are paused");
    assertThat(fixtures.runtime(model).run(AgentFixtures.call("t_b", "copywriter")).status())
        .isEqualTo(AgentRunStatus.SUCCESS);
    assertThat(model.requests.get()).isEqualTo(1);

    fixtures.controls.resumeAll("t_a");

    assertThat(fixtures.controls.isPaused("t_a", "copywriter")).isFalse();
    // the agent paused on its own stays paused
    assertThat(fixtures.controls.isPaused("t_a", "seo")).isTrue();
  }

  @Test
  void anExhaustedBudgetSkipsOnlyItsOwnTenant() {
    fixtures.budgets.setMonthlyLimit("t_a", 0);

    AgentResult skipped = fixtures.runtime(model).run(AgentFixtures.call("t_a", "copywriter"));
    AgentResult ran = fixtures.runtime(model).run(AgentFixtures.call("t_b", "copywriter"));

    assertThat(skipped.status()).isEqualTo(AgentRunStatus.SKIPPED);
    assertThat(skipped.run().reason()).contains("only 0 of 0 are left");
    assertThat(ran.status()).isEqualTo(AgentRunStatus.SUCCESS);
    assertThat(model.requests.get()).isEqualTo(1);
    assertThat(fixtures.budgets.current("t_a").orElseThrow().usedMicros()).isZero();
    assertThat(fixtures.budgets.current("t_b").orElseThrow().usedMicros()).isEqualTo(ran.run().costMicros());
  }

  @Test
  void changingTheLimitKeepsWhatIsSpentAndHeld() {
    fixtures.budgets.setMonthlyLimit("t_a", 1_000);
    var held = (BudgetDecision.Reserved) fixtures.budgets.reserve("t_a", 400);
    fixtures.budgets.settle(held.reservation(), 250);
    fixtures.budgets.reserve("t_a", 100);

    fixtures.budgets.setMonthlyLimit("t_a", 600);

    MonthlyBudget budget = fixtures.budgets.current("t_a").orElseThrow();
    assertThat(budget.month()).isEqualTo("2026-11");
    assertThat(budget.limitMicros()).isEqualTo(600);
    assertThat(budget.usedMicros()).isEqualTo(250);
    assertThat(budget.reservedMicros()).isEqualTo(100);
    assertThat(budget.remainingMicros()).isEqualTo(250);
    assertThat(fixtures.budgets.reserve("t_a", 251)).isInstanceOf(BudgetDecision.Exceeded.class);
    assertThat(fixtures.budgets.reserve("t_a", 250)).isInstanceOf(BudgetDecision.Reserved.class);
  }

  @Test
  void settlingReleasesAFailedCallsReservation() {
    fixtures.budgets.setMonthlyLimit("t_a", 1_000);
    BudgetReservation reservation = ((BudgetDecision.Reserved) fixtures.budgets.reserve("t_a", 700)).reservation();
    var extended = (BudgetDecision.Reserved) fixtures.budgets.extend(reservation, 200);

    fixtures.budgets.settle(extended.reservation(), 0);

    MonthlyBudget budget = fixtures.budgets.current("t_a").orElseThrow();
    assertThat(budget.usedMicros()).isZero();
    assertThat(budget.reservedMicros()).isZero();
    assertThat(budget.remainingMicros()).isEqualTo(1_000);
  }
}
