package com.aigency.shared.campaigns.plan;

import static com.aigency.shared.campaigns.plan.Fixtures.bakery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.agents.AgentRun;
import com.aigency.shared.agents.AgentRunStatus;
import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelException;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.agents.offline.OfflineModel;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.json.Json;
import com.aigency.shared.workflow.StepError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignPlannerTest {
  private final AgentPorts ports = new AgentPorts();
  private final ScriptedModel model = new ScriptedModel();
  private final OfflineModel offline = new OfflineModel();

  private CampaignPlanner planner() {
    return new CampaignPlanner(ports.runtime(model));
  }

  private CampaignPlan plan() {
    return planner().plan("t_1", "p_1", bakery(), Optional.empty(), List.of());
  }

  /** What the offline planner would answer to the first planner request: a valid layout to break. */
  private static ObjectNode validLayout() {
    return (ObjectNode) Json.read("""
        {"campaignName":"Sourdough - Sales","objective":"OUTCOME_SALES","dailyBudget":4900,
         "adSets":[{"key":"s1","name":"Core audience","ageMin":25,"ageMax":45,"genders":"ALL","countries":["PT"],"cities":["Lisbon"],
                    "interests":["Baking"],"ads":[{"key":"s1a1","name":"Core - Benefit","angle":"The bread"},
                                                  {"key":"s1a2","name":"Core - Why us","angle":"Organic flour"}]}],
         "explanation":"One ad set around Lisbon, spending what your budget allows.","offline":false}""");
  }

  private static ObjectNode validCopy() {
    return (ObjectNode) Json.read("""
        {"ads":[
          {"key":"s1a1","headline":"Sourdough in Lisbon","primaryText":"Baked overnight. Order yours today.","description":"Order online today",
           "callToAction":"SHOP_NOW","imagePrompt":"Square photo of sourdough loaves","linkUrl":"https://padaria-exemplo.pt"},
          {"key":"s1a2","headline":"Organic flour, slow dough","primaryText":"Why choose us? Organic flour.","description":"Order online today",
           "callToAction":"ORDER_NOW","imagePrompt":"Bakers at work at dawn","linkUrl":"https://padaria-exemplo.pt"}],
         "offline":false}""");
  }

  @Test
  void theOfflineModelPlansAValidCampaignFromTheBrief() {
    CampaignPlanner offlinePlanner = new CampaignPlanner(ports.runtime(offline));

    CampaignPlanner.Drafted drafted = offlinePlanner.draft("t_1", "p_1", bakery(), Optional.empty(), List.of());
    CampaignPlan plan = drafted.plan();

    assertThat(PlanRules.check(bakery(), plan)).isEmpty();
    assertThat(plan.structure().objective()).isEqualTo(Objective.OUTCOME_SALES);
    assertThat(plan.structure().currency()).isEqualTo("EUR");
    assertThat(plan.structure().dailyBudget()).isEqualTo(4_900); // EUR 49.34 allowed, rounded down to whole euros
    assertThat(plan.structure().adSets()).extracting(s -> s.key()).containsExactly("s1", "s2");
    assertThat(plan.structure().ads()).extracting(a -> a.key()).containsExactly("s1a1", "s1a2", "s2a1", "s2a2");
    assertThat(plan.structure().adSets().getFirst().targeting().countries()).containsExactly("PT");
    assertThat(plan.structure().adSets().getFirst().targeting().cities()).containsExactly("Lisbon");
    assertThat(plan.structure().adSets().getFirst().targeting().ageMin()).isEqualTo(25);
    assertThat(plan.structure().adSets().getFirst().targeting().ageMax()).isEqualTo(45);
    assertThat(plan.structure().ads()).allSatisfy(a -> assertThat(a.linkUrl()).isEqualTo("https://padaria-exemplo.pt"));
    assertThat(plan.explanation()).startsWith("Offline plan").contains("EUR 49.00 a day");
    assertThat(plan.projection().monthlySpend()).isEqualTo(148_960);
    assertThat(plan.projection().assumptions()).isNotEmpty();
    assertThat(drafted.offline()).isTrue();
    assertThat(drafted.runs()).extracting(AgentRun::agent).containsExactly("planner", "copywriter");
    assertThat(ports.runs).extracting(AgentRun::status).containsOnly(AgentRunStatus.SUCCESS);
    assertThat(ports.usedMicros).isZero(); // offline answers are free
  }

  @Test
  void aPlanBreakingARuleIsRetriedWithTheViolationsThenAccepted() {
    ObjectNode overBudget = validLayout().put("dailyBudget", 9_900);
    model.replies(overBudget).replies(validLayout()).replies(validCopy());

    CampaignPlanner.Drafted drafted = planner().draft("t_1", "p_1", bakery(), Optional.empty(), List.of());

    assertThat(drafted.plan().structure().dailyBudget()).isEqualTo(4_900);
    assertThat(drafted.runs()).extracting(AgentRun::agent).containsExactly("planner", "planner", "copywriter");
    List<ModelRequest> plannerRequests = model.requestsOf("planner");
    assertThat(plannerRequests).hasSize(2);
    List<ChatMessage> retry = plannerRequests.get(1).messages();
    assertThat(retry).hasSize(3);
    assertThat(retry.get(1).role()).isEqualTo(ChatMessage.Role.ASSISTANT);
    assertThat(retry.get(1).content()).contains("9900");
    assertThat(retry.get(2).content()).contains("BUDGET_WITHIN_MONTHLY", "at most EUR 49.34 a day");
    assertThat(ports.runs).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(AgentRunStatus.SUCCESS));
  }

  @Test
  void copyBreakingARuleIsRetriedToo() {
    ObjectNode longHeadline = validCopy();
    ((ObjectNode) longHeadline.withArray("ads").get(0)).put("headline", "The best sourdough bread you will ever taste in Lisbon");
    ((ObjectNode) longHeadline.withArray("ads").get(1)).put("linkUrl", "https://elsewhere.example");
    model.replies(validLayout()).replies(longHeadline).replies(validCopy());

    CampaignPlan plan = plan();

    assertThat(plan.structure().ads().getFirst().headline()).isEqualTo("Sourdough in Lisbon");
    String feedback = model.requestsOf("copywriter").get(1).messages().getLast().content();
    assertThat(feedback).contains("HEADLINE: s1a1", "LINK_URL: s1a2");
  }

  @Test
  void missingOrExtraAdsAreViolationsOfTheKeys() {
    ObjectNode wrongKeys = validCopy();
    ArrayNode ads = wrongKeys.withArray("ads");
    ((ObjectNode) ads.get(1)).put("key", "s2a1");
    model.replies(validLayout()).replies(wrongKeys).replies(validCopy());

    plan();

    assertThat(model.requestsOf("copywriter").get(1).messages().getLast().content())
        .contains("there is no copy for ad s1a2", "ad s2a1 is not in the plan");
  }

  @Test
  void aSchemaInvalidReplyIsRetriedByTheRuntimeItself() {
    model.replies("{\"campaignName\":\"x\"}").replies(validLayout()).replies(validCopy());

    CampaignPlanner.Drafted drafted = planner().draft("t_1", "p_1", bakery(), Optional.empty(), List.of());

    assertThat(drafted.runs()).hasSize(2); // one planner run with two attempts, one copywriter run
    assertThat(model.requestsOf("planner").get(1).messages().getLast().content()).contains("did not match the JSON schema");
  }

  @Test
  void outputThatKeepsBreakingTheRulesFailsAsPlanInvalid() {
    ObjectNode bad = validLayout().put("objective", "OUTCOME_TRAFFIC");
    model.replies(bad).replies(bad).replies(bad);

    assertThatThrownBy(this::plan)
        .isInstanceOf(Plan.Invalid.class)
        .hasMessageContaining("broke the planning rules 3 times")
        .hasMessageContaining("OBJECTIVE");
    assertThat(ports.runs).hasSize(3);
    assertThat(model.requestsOf("copywriter")).isEmpty();
  }

  @Test
  void aPausedAgentIsAgentPausedAndCallsNoModel() {
    ports.paused.add("copywriter");
    model.replies(validLayout());

    assertThatThrownBy(this::plan).isInstanceOf(Agent.Paused.class).hasMessageContainingAll("copywriter", "operator review");
    assertThat(model.requestsOf("copywriter")).isEmpty();
  }

  @Test
  void anExhaustedBudgetIsAgentBudgetExceeded() {
    ports.limitMicros = 10;

    assertThatThrownBy(this::plan).isInstanceOf(Agent.BudgetExceeded.class).hasMessageContaining("Monthly AI budget");
    assertThat(model.requests).isEmpty();
  }

  @Test
  void outputStillInvalidAfterTheRuntimesRetriesIsAgentInvalidOutput() {
    model.replies("{}").replies("{}").replies("{}");

    assertThatThrownBy(this::plan).isInstanceOf(Agent.InvalidOutput.class).hasMessageContaining("planner_v1");
  }

  @Test
  void otherModelFailuresAreAgentFailedNamingTheCause() {
    model.fails(new ModelException("Agent.RateLimited", "slow down", null));

    assertThatThrownBy(this::plan).isInstanceOf(Agent.Failed.class).hasMessageContainingAll("Agent.RateLimited", "slow down");
  }

  @Test
  void aBriefThatCannotBePlannedFailsBeforeAnyModelCall() {
    assertThatThrownBy(() -> planner().plan("t_1", "p_1", Fixtures.withWebsite(bakery(), null), Optional.empty(), List.of()))
        .isInstanceOf(Plan.Invalid.class);
    assertThat(model.requests).isEmpty();
    assertThat(ports.runs).isEmpty();
  }

  @Test
  void theErrorsAreTheClassesAslMatches() {
    List<StepError> errors = List.of(new Agent.Paused("x"), new Agent.BudgetExceeded("x"), new Agent.InvalidOutput("x"),
        new Agent.Failed("x"), new Plan.Invalid("x"));
    assertThat(errors).extracting(StepError::errorName)
        .containsExactly("Agent.Paused", "Agent.BudgetExceeded", "Agent.InvalidOutput", "Agent.Failed", "Plan.Invalid");
    assertThat(errors).allSatisfy(e -> assertThat(e.getClass().getName()).isEqualTo(e.errorName()));
  }

  @Test
  void theModelSeesTheBriefTheLimitsThePreviousPlanAndTheFeedback() {
    CampaignPlan first = new CampaignPlanner(ports.runtime(offline)).plan("t_1", "p_1", bakery(), Optional.empty(), List.of());
    model.delegates(offline).delegates(offline);

    planner().plan("t_1", "p_1", bakery(), Optional.of(first), List.of("  ", "Make it cheaper", "lower the budget to 20 a day"));

    ModelRequest plannerRequest = model.requestsOf("planner").getFirst();
    assertThat(plannerRequest.schemaName()).isEqualTo("planner_v1");
    assertThat(plannerRequest.outputSchema().path("required").toString()).contains("dailyBudget");
    String message = plannerRequest.messages().getFirst().content();
    assertThat(message).startsWith(CampaignPlanner.PLANNING_CONTEXT_PREFIX);
    JsonNode context = Json.read(message.substring(CampaignPlanner.PLANNING_CONTEXT_PREFIX.length()));
    assertThat(context.at("/brief/websiteUrl").asText()).isEqualTo("https://padaria-exemplo.pt");
    assertThat(context.has("brief") && !context.path("brief").has("updatedAt")).isTrue();
    assertThat(context.at("/limits/maxDailyBudget").asLong()).isEqualTo(4_934);
    assertThat(context.at("/limits/minDailyBudgetPerAdSet").asLong()).isEqualTo(100);
    assertThat(context.at("/previousPlan/adSets/0/ads/0/headline").asText()).isEqualTo(first.structure().ads().getFirst().headline());
    assertThat(context.path("feedback")).hasSize(2);
    assertThat(context.path("round").asInt()).isGreaterThan(1);

    JsonNode copy = Json.read(model.requestsOf("copywriter").getFirst().messages().getFirst().content()
        .substring(CampaignPlanner.COPY_CONTEXT_PREFIX.length()));
    assertThat(copy.path("linkUrl").asText()).isEqualTo("https://padaria-exemplo.pt");
    assertThat(copy.path("allowedCallsToAction").toString()).contains("SHOP_NOW").doesNotContain("INSTALL_MOBILE_APP");
    assertThat(copy.at("/adSets/0/ads/0/angle").asText()).isNotBlank();
    assertThat(copy.path("previousCopy")).hasSize(4);
  }

  @Test
  void theContextPrefixesAreTheOnesTheOfflineAgentsRead() {
    assertThat(CampaignPlanner.PLANNING_CONTEXT_PREFIX).isEqualTo(com.aigency.shared.agents.offline.Planner.CONTEXT_PREFIX);
    assertThat(CampaignPlanner.COPY_CONTEXT_PREFIX).isEqualTo(com.aigency.shared.agents.offline.Copywriter.CONTEXT_PREFIX);
    assertThat(CampaignPlanner.PLANNER).isEqualTo(com.aigency.shared.agents.offline.Planner.AGENT);
    assertThat(CampaignPlanner.COPYWRITER).isEqualTo(com.aigency.shared.agents.offline.Copywriter.AGENT);
  }
}
