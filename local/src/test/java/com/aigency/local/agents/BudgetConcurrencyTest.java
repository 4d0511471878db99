package com.aigency.local.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.agents.AgentResult;
import com.aigency.shared.agents.AgentRunStatus;
import com.aigency.shared.agents.BudgetDecision;
import com.aigency.shared.agents.InputTokenCeiling;
import com.aigency.shared.agents.MonthlyBudget;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.store.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Many calls at once against one tenant's budget in DynamoDB Local: spending never passes the
 * limit, and only calls that held a reservation reach the model.
 */
class BudgetConcurrencyTest {
  private static final int CALLS = 50;

  /**
   * The fake model reports exactly the worst case the runtime reserves (input ceiling, full output
   * allowance), so every call costs what it holds and the outcome does not depend on timing: with
   * a budget of N, exactly floor(N / cost) calls succeed.
   */
  @Test
  void concurrentCallsSpendNoMoreThanTheBudgetAndTheRestAreSkipped() throws Exception {
    var fixtures = new AgentFixtures();
    long cost = fixtures.worstCaseOfOneCall();
    long limit = 7 * cost + cost / 2;
    fixtures.budgets.setMonthlyLimit("t_busy", limit);
    var model = new FixedUsageModel(InputTokenCeiling::of, ModelRequest::maxOutputTokens);

    List<AgentResult> results = runAtOnce(CALLS, i -> fixtures.runtime(model).run(AgentFixtures.call("t_busy", "copywriter")));

    long succeeded = results.stream().filter(r -> r.status() == AgentRunStatus.SUCCESS).count();
    long skipped = results.stream().filter(r -> r.status() == AgentRunStatus.SKIPPED).count();
    assertThat(succeeded).isEqualTo(limit / cost).isEqualTo(7);
    assertThat(skipped).isEqualTo(CALLS - 7);
    assertThat(model.requests.get()).isEqualTo(7);
    MonthlyBudget budget = fixtures.budgets.current("t_busy").orElseThrow();
    assertThat(budget.usedMicros()).isEqualTo(7 * cost).isLessThanOrEqualTo(limit);
    assertThat(budget.reservedMicros()).isZero();
    assertThat(budget.remainingMicros()).isEqualTo(limit - 7 * cost);
    assertThat(fixtures.runs.list("t_busy", PageRequest.first(100)).items()).hasSize(CALLS);
    assertThat(results)
        .filteredOn(r -> r.status() == AgentRunStatus.SKIPPED)
        .allSatisfy(r -> assertThat(r.run().reason()).contains("Monthly AI budget for 2026-11 would be exceeded"));
  }

  /**
   * When calls cost less than their reservation, how many fit depends on how many are in flight
   * together; what never changes: at least floor(N / worst case) succeed, spending stays within N,
   * and only successful calls reached the model.
   */
  @Test
  void cheaperCallsThanReservedStillNeverOverspend() throws Exception {
    var fixtures = new AgentFixtures();
    long worstCase = fixtures.worstCaseOfOneCall();
    long limit = 5 * worstCase;
    fixtures.budgets.setMonthlyLimit("t_thrifty", limit);
    var model = new FixedUsageModel(r -> InputTokenCeiling.of(r) / 2, r -> r.maxOutputTokens() / 2);

    List<AgentResult> results =
        runAtOnce(CALLS, i -> fixtures.runtime(model).run(AgentFixtures.call("t_thrifty", "copywriter")));

    long succeeded = results.stream().filter(r -> r.status() == AgentRunStatus.SUCCESS).count();
    assertThat(succeeded).isGreaterThanOrEqualTo(5);
    assertThat(results).allSatisfy(r -> assertThat(r.status()).isIn(AgentRunStatus.SUCCESS, AgentRunStatus.SKIPPED));
    assertThat(model.requests.get()).isEqualTo((int) succeeded);
    MonthlyBudget budget = fixtures.budgets.current("t_thrifty").orElseThrow();
    assertThat(budget.usedMicros()).isLessThanOrEqualTo(limit);
    assertThat(budget.reservedMicros()).isZero();
  }

  @Test
  void concurrentReservationsHoldExactlyWhatFits() throws Exception {
    var fixtures = new AgentFixtures();
    fixtures.budgets.setMonthlyLimit("t_race", 1_000);

    List<BudgetDecision> decisions = runAtOnce(100, i -> fixtures.budgets.reserve("t_race", 30));

    assertThat(decisions).filteredOn(d -> d instanceof BudgetDecision.Reserved).hasSize(33);
    MonthlyBudget budget = fixtures.budgets.current("t_race").orElseThrow();
    assertThat(budget.reservedMicros()).isEqualTo(990);
    assertThat(budget.remainingMicros()).isEqualTo(10);
  }

  @Test
  void aTenantsFirstReservationCreatesTheMonthFromTheDefaultLimitEvenUnderARace() throws Exception {
    var fixtures = new AgentFixtures();

    List<BudgetDecision> decisions = runAtOnce(20, i -> fixtures.budgets.reserve("t_new", 1_000_000));

    assertThat(decisions).filteredOn(d -> d instanceof BudgetDecision.Reserved).hasSize(5);
    MonthlyBudget budget = fixtures.budgets.current("t_new").orElseThrow();
    assertThat(budget.limitMicros()).isEqualTo(5_000_000);
    assertThat(budget.reservedMicros()).isEqualTo(5_000_000);
  }

  /** Starts every task on its own thread and releases them together. */
  private static <T> List<T> runAtOnce(int tasks, Function<Integer, T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks);
    try {
      CountDownLatch ready = new CountDownLatch(tasks);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        int index = i;
        Callable<T> callable =
            () -> {
              ready.countDown();
              go.await();
              return task.apply(index);
            };
        futures.add(pool.submit(callable));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
