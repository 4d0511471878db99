package com.aigency.shared.campaigns.plan;

import static com.aigency.shared.campaigns.plan.Fixtures.bakery;
import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.agents.OutputValidator;
import com.aigency.shared.agents.offline.OfflineModel;
import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.conversations.AgentPrompt;
import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.ProjectBrief;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The offline planner and copywriter, through CampaignPlanner and the runtime as the system runs them. */
class OfflinePlanningAgentsTest {
  private final AgentPorts ports = new AgentPorts();
  private final RecordingModel model = new RecordingModel(new OfflineModel());
  private final CampaignPlanner planner = new CampaignPlanner(ports.runtime(model), 0);

  /** Keeps the offline replies, to check them against the schemas. */
  static final class RecordingModel implements com.aigency.shared.agents.ModelClient {
    final OfflineModel offline;
    final List<ModelRequest> requests = new ArrayList<>();
    final List<ModelReply> replies = new ArrayList<>();

    RecordingModel(OfflineModel offline) {
      this.offline = offline;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
      ModelReply reply = offline.complete(request);
      requests.add(request);
      replies.add(reply);
      return reply;
    }
  }

  private CampaignPlan first(ProjectBrief brief) {
    return planner.plan("t_1", "p_1", brief, Optional.empty(), List.of());
  }

  private CampaignPlan next(ProjectBrief brief, CampaignPlan previous, String... feedback) {
    return planner.plan("t_1", "p_1", brief, Optional.of(previous), List.of(feedback));
  }

  private static List<String> primaryTexts(CampaignPlan plan) {
    return plan.structure().ads().stream().map(AdPlan::primaryText).toList();
  }

  @Test
  void repliesMatchTheSchemasAndSayTheyAreOffline() {
    first(bakery());
    OutputValidator validator = new OutputValidator();
    for (int i = 0; i < model.replies.size(); i++) {
      ModelRequest request = model.requests.get(i);
      JsonNode output = model.replies.get(i).output();
      assertThat(validator.problems(request.outputSchema(), output)).as(request.agent()).isEmpty();
      assertThat(output.path("offline").asBoolean()).isTrue();
      assertThat(model.replies.get(i).offline()).isTrue();
    }
    assertThat(model.requests).extracting(ModelRequest::agent).containsExactly("planner", "copywriter");
  }

  @Test
  void theSameBriefGivesTheSamePlan() {
    CampaignPlan a = first(bakery());
    CampaignPlan b = new CampaignPlanner(new AgentPorts().runtime(new OfflineModel())).plan("t_2", "p_2", bakery(), Optional.empty(), List.of());
    assertThat(b).isEqualTo(a);
    assertThat(next(bakery(), a, "more playful")).isEqualTo(next(bakery(), a, "more playful"));
  }

  @Test
  void everyGoalAndBudgetGivesAValidPlan() {
    List<ProjectBrief> briefs = new ArrayList<>();
    for (Goal goal : Goal.values()) {
      briefs.add(Fixtures.withGoal(bakery(), goal));
    }
    briefs.add(Fixtures.withBudget(bakery(), 3_100, "EUR")); // barely more than EUR 1.00 a day
    briefs.add(Fixtures.withBudget(bakery(), 15_000, "EUR")); // EUR 4.93 a day: one ad set
    briefs.add(Fixtures.withBudget(bakery(), 200_000, "JPY"));
    briefs.add(Fixtures.withLocation(Fixtures.withBudget(bakery(), 500_000, "USD"), "New York and New Jersey"));
    briefs.add(new ProjectBrief("A".repeat(2000), "B".repeat(500), "C".repeat(1000), Goal.LEADS, 1_000_000, "GBP", "somewhere nice",
        "D".repeat(500), "http://x.co.uk/page", Fixtures.NOW));
    briefs.add(new ProjectBrief("Yoga studio", null, "women 30 to 60", Goal.LEADS, 60_000, "USD", "Austin, Texas", null,
        "https://yoga.example.com", Fixtures.NOW));
    for (ProjectBrief brief : briefs) {
      CampaignPlan plan = first(brief);
      assertThat(PlanRules.check(brief, plan)).as(brief.toString()).isEmpty();
    }
    CampaignPlan small = first(Fixtures.withBudget(bakery(), 15_000, "EUR"));
    assertThat(small.structure().adSets()).hasSize(1);
    assertThat(small.structure().dailyBudget()).isEqualTo(400); // EUR 4.93 allowed, EUR 4.00 in whole euros
    CampaignPlan us = first(Fixtures.withLocation(Fixtures.withBudget(bakery(), 500_000, "USD"), "New York and New Jersey"));
    assertThat(us.structure().adSets().getFirst().targeting().countries()).containsExactly("US");
    assertThat(us.structure().adSets().getFirst().targeting().cities()).containsExactly("New York");
    CampaignPlan yoga = first(briefs.getLast());
    assertThat(yoga.structure().adSets().getFirst().targeting().genders()).isEqualTo("FEMALE");
    assertThat(yoga.structure().adSets().getFirst().targeting().ageMin()).isEqualTo(30);
    assertThat(yoga.structure().adSets().getFirst().targeting().ageMax()).isEqualTo(60);
    assertThat(yoga.structure().adSets().getFirst().targeting().interests()).contains("Yoga");
    assertThat(yoga.structure().ads()).allSatisfy(a -> assertThat(a.callToAction()).isIn(CallToAction.SIGN_UP, CallToAction.CONTACT_US));
    CampaignPlan app = first(Fixtures.withGoal(bakery(), Goal.APP_INSTALLS));
    assertThat(app.structure().ads()).extracting(AdPlan::callToAction).contains(CallToAction.INSTALL_MOBILE_APP);
  }

  @Test
  void anUnknownPlaceFallsBackToTheWebsitesCountryAndSaysSo() {
    CampaignPlan plan = first(Fixtures.withLocation(bakery(), "our neighbourhood"));
    assertThat(plan.structure().adSets().getFirst().targeting().countries()).containsExactly("PT");
    assertThat(plan.explanation()).contains("could not tell which country \"our neighbourhood\"", "Portugal", "website");
  }

  @Test
  void aBudgetAskedForPerDayIsUsed() {
    CampaignPlan before = first(bakery());

    CampaignPlan lower = next(bakery(), before, "Looks good, but lower the budget to 20 a day.");
    assertThat(lower.structure().dailyBudget()).isEqualTo(2_000);
    assertThat(lower.explanation()).contains("the daily budget is now EUR 20.00 (it was EUR 49.00)");
    assertThat(lower.projection().monthlySpend()).isEqualTo(60_800);

    CampaignPlan thirty = next(bakery(), lower, "spend 30 EUR per day");
    assertThat(thirty.structure().dailyBudget()).isEqualTo(3_000);

    assertThat(next(bakery(), before, "A daily budget of €12.50 please").structure().dailyBudget()).isEqualTo(1_250);
    assertThat(next(bakery(), before, "Let's spend 600 euros a month").structure().dailyBudget()).isEqualTo(1_973);
    assertThat(next(bakery(), before, "cut the budget by 50%").structure().dailyBudget()).isEqualTo(2_450);
    assertThat(next(bakery(), before, "Can we lower the budget?").structure().dailyBudget()).isEqualTo(3_920);
  }

  @Test
  void theDocumentedPhrasingsAreUnderstood() {
    CampaignPlan before = first(bakery()); // EUR 49.00 a day, two ad sets
    record Budget(String said, long daily) {}
    for (Budget b : List.of(
        new Budget("spend 100 a week", 1_428),
        new Budget("set the budget to 40", 4_000),
        new Budget("set the budget to 500", 1_644), // more than a day allows: read as monthly
        new Budget("raise the budget", 4_934),
        new Budget("halve the budget", 2_450),
        new Budget("double the budget", 4_934),
        new Budget("cut the budget by 25%", 3_675),
        new Budget("spend $30 a day", 3_000))) {
      assertThat(next(bakery(), before, b.said()).structure().dailyBudget()).as(b.said()).isEqualTo(b.daily());
    }
    record Ages(String said, int min, int max) {}
    for (Ages a : List.of(
        new Ages("between 25 and 40 please", 25, 40),
        new Ages("target people 40+", 40, 65),
        new Ages("only people under 35", 18, 35),
        new Ages("target 16-70", 18, 65))) {
      CampaignPlan plan = next(bakery(), before, a.said());
      assertThat(plan.structure().adSets()).as(a.said())
          .allSatisfy(s -> assertThat(List.of(s.targeting().ageMin(), s.targeting().ageMax())).containsExactly(a.min(), a.max()));
    }
    assertThat(next(bakery(), before, "target women").structure().adSets().getFirst().targeting().genders()).isEqualTo("FEMALE");
    assertThat(next(bakery(), before, "only men").structure().adSets().getFirst().targeting().genders()).isEqualTo("MALE");
    CampaignPlan women = next(bakery(), before, "women only");
    assertThat(next(bakery(), women, "show it to everyone").structure().adSets().getFirst().targeting().genders()).isEqualTo("ALL");

    CampaignPlan shorter = next(bakery(), before, "Shorter please");
    for (int i = 0; i < before.structure().ads().size(); i++) {
      assertThat(shorter.structure().ads().get(i).primaryText().length())
          .isLessThanOrEqualTo(before.structure().ads().get(i).primaryText().length());
    }
    assertThat(primaryTexts(next(bakery(), before, "more urgent"))).allSatisfy(t -> assertThat(t).contains("Don't wait"));
    assertThat(primaryTexts(next(bakery(), before, "highlight our vegan options"))).allSatisfy(t -> assertThat(t).contains("Vegan options."));
    CampaignPlan negated = next(bakery(), before, "don't mention prices");
    assertThat(primaryTexts(negated)).noneSatisfy(t -> assertThat(t).containsIgnoringCase("prices"));
    assertThat(negated.explanation()).contains("could not turn that into a change");
  }

  @Test
  void aBudgetInForintsIsRoundedToWholeForints() {
    ProjectBrief forints = Fixtures.withBudget(bakery(), 30_000_000, "HUF");
    CampaignPlan before = first(forints);
    assertThat(before.structure().dailyBudget()).isEqualTo(986_800);

    CampaignPlan after = next(forints, before, "spend 1234.56 HUF a day");

    assertThat(after.structure().dailyBudget()).isEqualTo(123_400);
    assertThat(PlanRules.check(forints, after)).isEmpty();
  }

  @Test
  void aBudgetOutsideTheLimitsIsClampedAndExplained() {
    CampaignPlan before = first(bakery());

    CampaignPlan tooMuch = next(bakery(), before, "spend 100 EUR per day");
    assertThat(tooMuch.structure().dailyBudget()).isEqualTo(4_934);
    assertThat(tooMuch.explanation()).contains("you asked for EUR 100.00 a day", "allows at most EUR 49.34 a day");

    CampaignPlan tiny = next(bakery(), before, "lower the budget to 1.50 a day");
    assertThat(tiny.structure().dailyBudget()).isEqualTo(150);
    assertThat(tiny.structure().adSets()).hasSize(1);
    assertThat(tiny.explanation()).contains("removed \"Broad audience\"");
    assertThat(PlanRules.check(bakery(), tiny)).isEmpty();
  }

  @Test
  void anAgeRangeAskedForIsUsedInEveryAdSet() {
    CampaignPlan before = first(bakery());

    CampaignPlan target = next(bakery(), before, "target 30-50");
    assertThat(target.structure().adSets()).allSatisfy(s -> {
      assertThat(s.targeting().ageMin()).isEqualTo(30);
      assertThat(s.targeting().ageMax()).isEqualTo(50);
    });
    assertThat(target.explanation()).contains("ages 30-50");
    assertThat(target.structure().dailyBudget()).isEqualTo(before.structure().dailyBudget());

    CampaignPlan ages = next(bakery(), before, "Could you do ages 25 to 40?");
    assertThat(ages.structure().adSets()).allSatisfy(s -> assertThat(List.of(s.targeting().ageMin(), s.targeting().ageMax())).containsExactly(25, 40));

    CampaignPlan older = next(bakery(), before, "only people over 40");
    assertThat(older.structure().adSets()).allSatisfy(s -> assertThat(List.of(s.targeting().ageMin(), s.targeting().ageMax())).containsExactly(40, 65));

    CampaignPlan both = next(bakery(), before, "Target 30-50 and spend 20 a day");
    assertThat(both.structure().dailyBudget()).isEqualTo(2_000);
    assertThat(both.structure().adSets().getFirst().targeting().ageMin()).isEqualTo(30);

    CampaignPlan women = next(bakery(), before, "women only please");
    assertThat(women.structure().adSets()).allSatisfy(s -> assertThat(s.targeting().genders()).isEqualTo("FEMALE"));
  }

  @Test
  void aToneAskedForChangesTheCopy() {
    CampaignPlan before = first(bakery());

    CampaignPlan playful = next(bakery(), before, "Make it more playful");

    assertThat(primaryTexts(playful)).doesNotContainAnyElementsOf(primaryTexts(before));
    assertThat(playful.structure().ads()).allSatisfy(a -> assertThat(a.headline()).endsWith("!"));
    assertThat(primaryTexts(playful)).allSatisfy(t -> assertThat(t).containsAnyOf("Good news!", "Psst!"));
    assertThat(playful.explanation()).contains("more playful");
    assertThat(playful.structure().dailyBudget()).isEqualTo(before.structure().dailyBudget());
    assertThat(PlanRules.check(bakery(), playful)).isEmpty();

    CampaignPlan formal = next(bakery(), playful, "Actually, more professional");
    assertThat(formal.structure().ads()).allSatisfy(a -> assertThat(a.headline() + a.primaryText()).doesNotContain("!"));
  }

  @Test
  void somethingToMentionIsInEveryAdAndStaysOnLaterRounds() {
    CampaignPlan before = first(bakery());

    CampaignPlan delivery = next(bakery(), before, "mention free delivery");
    assertThat(primaryTexts(delivery)).allSatisfy(t -> assertThat(t).contains("Free delivery."));
    assertThat(delivery.structure().ads()).allSatisfy(a -> assertThat(a.description()).isEqualTo("Free delivery"));
    assertThat(delivery.explanation()).contains("every ad mentions \"free delivery\"");

    CampaignPlan again = next(bakery(), delivery, "mention free delivery", "lower the budget to 25 a day");
    assertThat(again.structure().dailyBudget()).isEqualTo(2_500);
    assertThat(primaryTexts(again)).allSatisfy(t -> assertThat(t).contains("Free delivery."));

    CampaignPlan combined = next(bakery(), before, "Make it more playful and mention that we open on Sundays");
    assertThat(primaryTexts(combined)).allSatisfy(t -> assertThat(t).contains("We open on Sundays.", "!"));
  }

  @Test
  void feedbackItCannotActOnKeepsThePlanAndIsQuotedInTheExplanation() {
    CampaignPlan before = first(bakery());

    CampaignPlan same = next(bakery(), before, "I don't like the pictures");

    assertThat(same.structure()).isEqualTo(before.structure());
    assertThat(same.explanation()).contains("You said \"I don't like the pictures\"", "could not turn that into a change");
  }

  @Test
  void adKeysAndNamesStayUniqueAcrossRounds() {
    CampaignPlan plan = first(bakery());
    for (String said : List.of("target 30-50", "more playful", "lower the budget to 3 a day", "spend 40 a day", "mention free delivery")) {
      plan = next(bakery(), plan, said);
      assertThat(PlanRules.check(bakery(), plan)).as(said).isEmpty();
      Set<String> names = new HashSet<>();
      for (AdSetPlan set : plan.structure().adSets()) {
        set.ads().forEach(ad -> assertThat(names.add(ad.name())).isTrue());
      }
    }
  }

  @Test
  void theSchemasFollowOpenAiStrictMode() {
    for (String agent : List.of(CampaignPlanner.PLANNER, CampaignPlanner.COPYWRITER)) {
      JsonNode schema = AgentPrompt.load(agent, 1).outputSchema();
      assertThat(strictProblems(schema, "$")).as(agent).isEmpty();
    }
  }

  private static List<String> strictProblems(JsonNode schema, String path) {
    List<String> problems = new ArrayList<>();
    if (schema.has("properties")) {
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      schema.get("properties").properties().forEach(p -> {
        if (!required.contains(p.getKey())) {
          problems.add(path + "." + p.getKey() + " is not required");
        }
        problems.addAll(strictProblems(p.getValue(), path + "." + p.getKey()));
      });
      if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean()) {
        problems.add(path + " allows additional properties");
      }
    }
    if (schema.has("items")) {
      problems.addAll(strictProblems(schema.get("items"), path + "[]"));
    }
    return problems;
  }

  @Test
  void anOfflineAgentWithoutItsContextFailsAsAModelError() {
    ModelRequest bare = new ModelRequest("planner", "offline", "p", List.of(ChatMessage.user("hello")),
        AgentPrompt.load("planner", 1).outputSchema(), "planner_v1", 100);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OfflineModel().complete(bare))
        .isInstanceOf(com.aigency.shared.agents.ModelException.class)
        .hasMessageContaining("Planning context: ");
  }
}
