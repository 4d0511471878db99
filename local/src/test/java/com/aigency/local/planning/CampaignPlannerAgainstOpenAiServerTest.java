package com.aigency.local.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.agents.model.OpenAiModelClient;
import com.aigency.agents.model.OpenAiSettings;
import com.aigency.local.openai.OpenAiCompatibleServer;
import com.aigency.local.openai.RecordedRequest;
import com.aigency.local.store.LocalDynamo;
import com.aigency.shared.agents.AgentControlStore;
import com.aigency.shared.agents.AgentRun;
import com.aigency.shared.agents.AgentRunStatus;
import com.aigency.shared.agents.AgentRunStore;
import com.aigency.shared.agents.AgentRuntime;
import com.aigency.shared.agents.BudgetStore;
import com.aigency.shared.agents.MonthlyBudget;
import com.aigency.shared.agents.PriceTable;
import com.aigency.shared.agents.offline.OfflineModel;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.plan.CampaignPlanner;
import com.aigency.shared.campaigns.plan.PlanRules;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.store.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The plan step with a real model transport: the OpenAI SDK client over HTTP to the
 * OpenAI-compatible test server, the agent runtime's runs, kill switch and budgets on DynamoDB
 * Local. Never a mock of the client.
 */
class CampaignPlannerAgainstOpenAiServerTest {
  private static final String LAYOUT =
      """
      {"campaignName":"Sourdough - Sales","objective":"OUTCOME_SALES","dailyBudget":%d,
       "adSets":[{"key":"s1","name":"Core audience","ageMin":25,"ageMax":45,"genders":"ALL","countries":["PT"],"cities":["Lisbon"],
                  "interests":["Baking"],"ads":[{"key":"s1a1","name":"Core - Benefit","angle":"The bread itself"},
                                                {"key":"s1a2","name":"Core - Why us","angle":"Organic flour, baked overnight"}]},
                 {"key":"s2","name":"Broad audience","ageMin":18,"ageMax":65,"genders":"ALL","countries":["PT"],"cities":["Lisbon"],
                  "interests":[],"ads":[{"key":"s2a1","name":"Broad - Benefit","angle":"The bread itself"}]}],
       "explanation":"Two audiences around Lisbon: bread lovers, and everyone Meta finds likely to buy.","offline":false}""";
  private static final String COPY =
      """
      {"ads":[
        {"key":"s1a1","headline":"%s","primaryText":"Baked overnight with organic flour. Order yours today.",
         "description":"Order online today","callToAction":"SHOP_NOW","imagePrompt":"Sourdough loaves at dawn, square, no text",
         "linkUrl":"https://padaria-exemplo.pt"},
        {"key":"s1a2","headline":"Organic flour, slow dough","primaryText":"Why choose us? Organic flour, baked overnight.",
         "description":"Order online today","callToAction":"ORDER_NOW","imagePrompt":"Bakers at work, square, no text",
         "linkUrl":"https://padaria-exemplo.pt"},
        {"key":"s2a1","headline":"Fresh sourdough daily","primaryText":"Real bread, made in Lisbon. Order yours today.",
         "description":"Order online today","callToAction":"SHOP_NOW","imagePrompt":"A family breakfast with sourdough, square",
         "linkUrl":"https://padaria-exemplo.pt"}],
       "offline":false}""";

  private final DynamoDbClient dynamo = LocalDynamo.shared().client;
  private final String table = LocalDynamo.shared().freshTable();
  private final Clock clock = AppClock.system();
  private final AgentControlStore controls = new AgentControlStore(dynamo, table, clock);
  private final AgentRunStore runs = new AgentRunStore(dynamo, table);
  private final BudgetStore budgets = new BudgetStore(dynamo, table, clock, 5_000_000);
  private final String tenant = Ids.newId("t", clock);
  private final ProjectBrief brief =
      new ProjectBrief("Family-run sourdough bakery in Lisbon", "sourdough bread and pastries", "Locals aged 25-45", Goal.SALES, 150_000,
          "EUR", "Lisbon, Portugal", "baked overnight with organic flour", "https://padaria-exemplo.pt", clock.instant());
  private OpenAiCompatibleServer openAi;
  private OpenAiModelClient client;
  private CampaignPlanner planner;

  @BeforeEach
  void start() throws Exception {
    openAi = OpenAiCompatibleServer.start(0);
    client = new OpenAiModelClient(
        new OpenAiSettings(openAi.baseUrl(), "gpt-4o-mini", Duration.ofSeconds(5), 2, Optional.empty()), "sk-test-key");
    planner = new CampaignPlanner(runtime(client));
  }

  private AgentRuntime runtime(com.aigency.shared.agents.ModelClient model) {
    return new AgentRuntime(model, controls, budgets, runs, PriceTable.fromConfig(null), clock,
        AgentRuntime.Settings.withDefaultModel("gpt-4o-mini"));
  }

  @AfterEach
  void stop() {
    client.close();
    openAi.close();
  }

  @Test
  void aPlanOverTheBudgetIsSentBackWithTheViolationsAndTheCorrectedPlanIsValidated() {
    openAi.replyJson(LAYOUT.formatted(9_900), 1_500, 400)
        .replyJson(LAYOUT.formatted(4_900), 1_900, 400)
        .replyJson(COPY.formatted("Sourdough in Lisbon"), 1_200, 600);

    CampaignPlan plan = planner.plan(tenant, "p_1", brief, Optional.empty(), List.of());

    assertThat(PlanRules.check(brief, plan)).isEmpty();
    assertThat(plan.structure().objective()).isEqualTo(Objective.OUTCOME_SALES);
    assertThat(plan.structure().dailyBudget()).isEqualTo(4_900);
    assertThat(plan.structure().ads()).hasSize(3);
    assertThat(plan.explanation()).startsWith("Two audiences");
    assertThat(plan.projection().monthlySpend()).isEqualTo(148_960);

    List<RecordedRequest> requests = openAi.requests();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0).header("authorization")).contains("Bearer sk-test-key");
    assertThat(requests.get(0).body().at("/response_format/json_schema/name").asText()).isEqualTo("planner_v1");
    assertThat(requests.get(0).body().at("/response_format/json_schema/strict").asBoolean()).isTrue();
    assertThat(requests.get(0).body().path("messages").toString()).contains(CampaignPlanner.PLANNING_CONTEXT_PREFIX, "maxDailyBudget");
    String retry = requests.get(1).body().path("messages").toString();
    assertThat(retry).contains("BUDGET_WITHIN_MONTHLY", "at most EUR 49.34 a day");
    assertThat(requests.get(1).body().path("messages").size()).isEqualTo(requests.get(0).body().path("messages").size() + 2);
    assertThat(requests.get(2).body().at("/response_format/json_schema/name").asText()).isEqualTo("copywriter_v1");

    List<AgentRun> recorded = tenantRuns();
    assertThat(recorded).extracting(AgentRun::agent).containsExactly("planner", "planner", "copywriter");
    assertThat(recorded).allSatisfy(run -> {
      assertThat(run.status()).isEqualTo(AgentRunStatus.SUCCESS);
      assertThat(run.projectId()).isEqualTo("p_1");
      assertThat(run.costMicros()).isPositive();
      assertThat(run.offline()).isFalse();
    });
    assertThat(recorded.get(0).inputTokens()).isEqualTo(1_500);
    MonthlyBudget budget = budgets.current(tenant).orElseThrow();
    assertThat(budget.usedMicros()).isEqualTo(recorded.stream().mapToLong(AgentRun::costMicros).sum());
    assertThat(budget.reservedMicros()).isZero();
  }

  @Test
  void copyThatKeepsBreakingTheRulesFailsAsPlanInvalidAfterThreeRuns() {
    String tooLong = "The best sourdough bread you will ever taste in all of Lisbon";
    openAi.replyJson(LAYOUT.formatted(4_900), 1_000, 300);
    for (int i = 0; i < 3; i++) {
      openAi.replyJson(COPY.formatted(tooLong), 1_000, 300);
    }

    assertThatThrownBy(() -> planner.plan(tenant, "p_1", brief, Optional.empty(), List.of()))
        .isInstanceOf(Plan.Invalid.class)
        .hasMessageContaining("copywriter agent's output broke the planning rules 3 times")
        .hasMessageContaining("HEADLINE: s1a1");
    assertThat(tenantRuns()).extracting(AgentRun::agent).containsExactly("planner", "copywriter", "copywriter", "copywriter");
  }

  @Test
  void aPausedPlannerIsAgentPausedWithoutAnyModelRequest() {
    controls.pause(tenant, CampaignPlanner.PLANNER, "reviewing plans");

    assertThatThrownBy(() -> planner.plan(tenant, "p_1", brief, Optional.empty(), List.of()))
        .isInstanceOf(Agent.Paused.class)
        .hasMessageContaining("reviewing plans");
    assertThat(openAi.requestCount()).isZero();
    assertThat(tenantRuns()).singleElement().satisfies(run -> assertThat(run.status()).isEqualTo(AgentRunStatus.KILLED));
  }

  @Test
  void anExhaustedBudgetIsAgentBudgetExceededWithoutAnyModelRequest() {
    budgets.setMonthlyLimit(tenant, 10);

    assertThatThrownBy(() -> planner.plan(tenant, "p_1", brief, Optional.empty(), List.of()))
        .isInstanceOf(Agent.BudgetExceeded.class);
    assertThat(openAi.requestCount()).isZero();
    assertThat(tenantRuns()).singleElement().satisfies(run -> assertThat(run.status()).isEqualTo(AgentRunStatus.SKIPPED));
  }

  @Test
  void theOfflineModelPlansFreeOfChargeOnTheSameStoresAndFollowsFeedback() {
    CampaignPlanner offline = new CampaignPlanner(runtime(new OfflineModel()));

    CampaignPlan first = offline.plan(tenant, "p_1", brief, Optional.empty(), List.of());
    CampaignPlan second = offline.plan(tenant, "p_1", brief, Optional.of(first), List.of("lower the budget to 20 a day and mention free delivery"));

    assertThat(second.structure().dailyBudget()).isEqualTo(2_000);
    assertThat(second.structure().ads()).allSatisfy(ad -> assertThat(ad.primaryText()).contains("Free delivery."));
    assertThat(PlanRules.check(brief, second)).isEmpty();
    assertThat(openAi.requestCount()).isZero();
    assertThat(tenantRuns()).hasSize(4).allSatisfy(run -> {
      assertThat(run.offline()).isTrue();
      assertThat(run.costMicros()).isZero();
    });
  }

  private List<AgentRun> tenantRuns() {
    return runs.list(tenant, PageRequest.first(50)).items().stream()
        .sorted(Comparator.comparing(AgentRun::createdAt).thenComparing(AgentRun::runId))
        .toList();
  }
}
