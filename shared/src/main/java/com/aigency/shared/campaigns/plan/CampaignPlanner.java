package com.aigency.shared.campaigns.plan;

import com.aigency.shared.agents.AgentCall;
import com.aigency.shared.agents.AgentResult;
import com.aigency.shared.agents.AgentRun;
import com.aigency.shared.agents.AgentRuntime;
import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.ProjectedResults;
import com.aigency.shared.campaigns.Targeting;
import com.aigency.shared.conversations.AgentPrompt;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plan step of the campaign launch (SPEC 5.1): from the brief, and on later rounds the previous
 * plan and the owner's feedback, the {@code planner} agent drafts the structure and the {@code
 * copywriter} agent writes every ad, both through the {@link AgentRuntime} (kill switch, budget,
 * schema validation with retries, run records). Each agent's output is then checked against the
 * business rules ({@link PlanRules}); output that breaks one is treated like invalid output: the
 * agent is called again, as a new run, with its reply and the violations as feedback, at most
 * {@code ruleRetries} times. Projections are computed in code ({@link Projections}); the
 * explanation is the planner's, checked non-empty.
 *
 * <p>Failures are thrown as named step errors (decision 0009): {@code Agent.Paused}, {@code
 * Agent.BudgetExceeded}, {@code Agent.InvalidOutput}, {@code Agent.Failed} (see {@link
 * AgentStepErrors}), and {@code Plan.Invalid} for a brief that cannot be planned (checked before
 * any model call) or output still breaking the rules after the retries.
 */
public final class CampaignPlanner {
  public static final String PLANNER = "planner";
  public static final String COPYWRITER = "copywriter";
  public static final int PROMPT_VERSION = 1;
  /** Starts the planner's user message; the JSON context follows. */
  public static final String PLANNING_CONTEXT_PREFIX = "Planning context: ";
  /** Starts the copywriter's user message; the JSON context follows. */
  public static final String COPY_CONTEXT_PREFIX = "Copy context: ";
  public static final int DEFAULT_RULE_RETRIES = 2;
  /** Only the newest feedback entries are sent, each cut to a bounded length. */
  public static final int MAX_FEEDBACK_ENTRIES = 10;
  public static final int MAX_FEEDBACK_CHARS = 2000;
  private static final int PLANNER_MAX_OUTPUT_TOKENS = 2500;
  private static final int COPYWRITER_MAX_OUTPUT_TOKENS = 4000;

  private final AgentRuntime agents;
  private final int ruleRetries;
  private final AgentPrompt plannerPrompt;
  private final AgentPrompt copywriterPrompt;

  public CampaignPlanner(AgentRuntime agents) {
    this(agents, DEFAULT_RULE_RETRIES);
  }

  /** @param ruleRetries how many more runs an agent gets when its output breaks a rule */
  public CampaignPlanner(AgentRuntime agents, int ruleRetries) {
    if (ruleRetries < 0) {
      throw new IllegalArgumentException("ruleRetries must not be negative");
    }
    this.agents = Objects.requireNonNull(agents, "agents");
    this.ruleRetries = ruleRetries;
    this.plannerPrompt = AgentPrompt.load(PLANNER, PROMPT_VERSION);
    this.copywriterPrompt = AgentPrompt.load(COPYWRITER, PROMPT_VERSION);
  }

  /** A validated plan and the agent runs that made it (rule retries included), oldest first. */
  public record Drafted(CampaignPlan plan, List<AgentRun> runs) {
    public Drafted {
      runs = List.copyOf(runs);
    }

    /** Whether the offline model wrote any of it. */
    public boolean offline() {
      return runs.stream().anyMatch(AgentRun::offline);
    }
  }

  /**
   * Plans a campaign for the brief.
   *
   * @param previous the plan the owner reviewed last, on a later round
   * @param feedback everything the owner asked to change so far, oldest first (the last entry is
   *     this round's); empty on the first round
   * @throws com.aigency.shared.workflow.StepError {@code Agent.*} or {@code Plan.Invalid}
   */
  public CampaignPlan plan(
      String tenantId, String projectId, ProjectBrief brief, Optional<CampaignPlan> previous, List<String> feedback) {
    return draft(tenantId, projectId, brief, previous, feedback).plan();
  }

  /** As {@link #plan}, with the runs. */
  public Drafted draft(
      String tenantId, String projectId, ProjectBrief brief, Optional<CampaignPlan> previous, List<String> feedback) {
    Objects.requireNonNull(brief, "brief");
    previous = previous == null ? Optional.empty() : previous;
    PlanLimits limits = PlanLimits.of(brief);
    List<String> said = feedback(feedback);
    List<AgentRun> runs = new ArrayList<>();

    ModelRequest plannerRequest = request(PLANNER, plannerPrompt, PLANNING_CONTEXT_PREFIX
        + Json.write(planningContext(brief, limits, previous, said)), PLANNER_MAX_OUTPUT_TOKENS);
    Layout layout = runChecked(tenantId, projectId, PLANNER, "plan-campaign", plannerRequest, runs,
        output -> layout(brief, output));

    ModelRequest copyRequest = request(COPYWRITER, copywriterPrompt, COPY_CONTEXT_PREFIX
        + Json.write(copyContext(brief, limits, layout, previous, said)), COPYWRITER_MAX_OUTPUT_TOKENS);
    CampaignStructure structure = runChecked(tenantId, projectId, COPYWRITER, "write-ad-copy", copyRequest, runs,
        output -> withCopy(brief, layout, output));

    ProjectedResults projection = Projections.project(structure);
    CampaignPlan plan = new CampaignPlan(structure, layout.explanation().strip(), projection);
    List<Violation> left = PlanRules.check(brief, plan);
    if (!left.isEmpty()) {
      throw new Plan.Invalid("The plan breaks the planning rules: " + describe(left));
    }
    return new Drafted(plan, runs);
  }

  // ------------------------------------------------------------------ running with the rules

  /** An agent's output read into a value, or what is wrong with it. */
  private record Checked<T>(T value, List<Violation> violations) {
    static <T> Checked<T> ok(T value) {
      return new Checked<>(value, List.of());
    }

    static <T> Checked<T> broken(List<Violation> violations) {
      return new Checked<>(null, violations);
    }
  }

  private <T> T runChecked(
      String tenantId, String projectId, String agent, String command, ModelRequest first, List<AgentRun> runs,
      Function<JsonNode, Checked<T>> check) {
    ModelRequest request = first;
    List<Violation> violations = List.of();
    for (int attempt = 0; attempt <= ruleRetries; attempt++) {
      AgentResult result = agents.run(new AgentCall(tenantId, projectId, agent, command, request));
      runs.add(result.run());
      JsonNode output = switch (result) {
        case AgentResult.Succeeded ok -> ok.output();
        case AgentResult.NotSucceeded failed -> throw AgentStepErrors.of(agent, failed);
      };
      Checked<T> checked = check.apply(output);
      if (checked.violations().isEmpty()) {
        return checked.value();
      }
      violations = checked.violations();
      List<ChatMessage> messages = new ArrayList<>(request.messages());
      messages.add(ChatMessage.assistant(output.toString()));
      messages.add(ChatMessage.user("Your previous reply broke these planning rules:\n- " + String.join("\n- ",
          violations.stream().map(Violation::toString).toList())
          + "\nReply again with the complete JSON, following every rule and changing only what is needed."));
      request = request.withMessages(messages);
    }
    throw new Plan.Invalid("The " + agent + " agent's output broke the planning rules " + (ruleRetries + 1)
        + " times; the last time: " + describe(violations));
  }

  private static String describe(List<Violation> violations) {
    return String.join("; ", violations.stream().map(Violation::toString).toList());
  }

  private static ModelRequest request(String agent, AgentPrompt prompt, String context, int maxOutputTokens) {
    return new ModelRequest(agent, null, prompt.systemPrompt(), List.of(ChatMessage.user(context)), prompt.outputSchema(),
        prompt.schemaName(), maxOutputTokens);
  }

  private static List<String> feedback(List<String> feedback) {
    if (feedback == null) {
      return List.of();
    }
    List<String> kept = feedback.stream()
        .filter(Objects::nonNull)
        .map(String::strip)
        .filter(f -> !f.isEmpty())
        .map(f -> f.length() > MAX_FEEDBACK_CHARS ? f.substring(0, MAX_FEEDBACK_CHARS) : f)
        .toList();
    return kept.subList(Math.max(0, kept.size() - MAX_FEEDBACK_ENTRIES), kept.size());
  }

  // ------------------------------------------------------------------ planner

  /** The planner's structure: ads carry only key and name until the copywriter writes them. */
  private record Layout(CampaignStructure structure, Map<String, String> angles, String explanation) {}

  private static Checked<Layout> layout(ProjectBrief brief, JsonNode out) {
    List<AdSetPlan> adSets = new ArrayList<>();
    Map<String, String> angles = new HashMap<>();
    for (JsonNode set : out.path("adSets")) {
      List<AdPlan> ads = new ArrayList<>();
      for (JsonNode ad : set.path("ads")) {
        ads.add(new AdPlan(ad.path("key").asText(), ad.path("name").asText(), null, null, null, null, null, null));
        angles.put(ad.path("key").asText(), ad.path("angle").asText());
      }
      Targeting targeting = new Targeting(set.path("ageMin").asInt(), set.path("ageMax").asInt(), set.path("genders").asText("ALL"),
          strings(set.path("countries")), strings(set.path("cities")), strings(set.path("interests")));
      adSets.add(new AdSetPlan(set.path("key").asText(), set.path("name").asText(), targeting, ads));
    }
    CampaignStructure structure = new CampaignStructure(out.path("campaignName").asText(),
        objective(out.path("objective").asText()), out.path("dailyBudget").asLong(), brief.currency(), adSets);
    String explanation = out.path("explanation").asText("");
    List<Violation> violations = new ArrayList<>(PlanRules.checkLayout(brief, structure));
    violations.addAll(PlanRules.checkExplanation(explanation));
    return violations.isEmpty() ? Checked.ok(new Layout(structure, angles, explanation)) : Checked.broken(violations);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  // ------------------------------------------------------------------ copywriter

  private static Checked<CampaignStructure> withCopy(ProjectBrief brief, Layout layout, JsonNode out) {
    List<Violation> violations = new ArrayList<>();
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    for (JsonNode ad : out.path("ads")) {
      String key = ad.path("key").asText();
      if (copy.putIfAbsent(key, ad) != null) {
        violations.add(new Violation(PlanRule.KEYS, "there are two entries for ad " + key + "; write exactly one per ad"));
      }
    }
    CampaignStructure s = layout.structure();
    List<AdSetPlan> adSets = new ArrayList<>();
    for (AdSetPlan set : s.adSets()) {
      List<AdPlan> ads = new ArrayList<>();
      for (AdPlan placeholder : set.ads()) {
        JsonNode c = copy.remove(placeholder.key());
        if (c == null) {
          violations.add(new Violation(PlanRule.KEYS, "there is no copy for ad " + placeholder.key()));
          continue;
        }
        AdPlan ad = new AdPlan(placeholder.key(), placeholder.name(), c.path("headline").asText(), c.path("primaryText").asText(),
            c.path("description").asText(), callToAction(c.path("callToAction").asText()), c.path("imagePrompt").asText(),
            c.path("linkUrl").asText());
        violations.addAll(PlanRules.checkCopy(brief, s.objective(), ad));
        ads.add(ad);
      }
      adSets.add(new AdSetPlan(set.key(), set.name(), set.targeting(), ads));
    }
    for (String extra : copy.keySet()) {
      violations.add(new Violation(PlanRule.KEYS, "ad " + extra + " is not in the plan; the ads are "
          + s.ads().stream().map(AdPlan::key).toList()));
    }
    return violations.isEmpty()
        ? Checked.ok(new CampaignStructure(s.name(), s.objective(), s.dailyBudget(), s.currency(), adSets))
        : Checked.broken(violations);
  }

  private static Objective objective(String name) {
    try {
      return Objective.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null; // reported by the OBJECTIVE rule
    }
  }

  private static CallToAction callToAction(String name) {
    try {
      return CallToAction.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null; // reported by the CALL_TO_ACTION rule
    }
  }

  // ------------------------------------------------------------------ contexts

  static ObjectNode briefJson(ProjectBrief brief) {
    ObjectNode node = Json.MAPPER.valueToTree(brief);
    node.remove("updatedAt");
    return node;
  }

  private static ObjectNode planningContext(ProjectBrief brief, PlanLimits limits, Optional<CampaignPlan> previous, List<String> feedback) {
    ObjectNode context = Json.MAPPER.createObjectNode();
    context.set("brief", briefJson(brief));
    ObjectNode l = context.putObject("limits");
    l.put("objective", limits.objective().name());
    l.put("currency", limits.currency());
    l.put("minDailyBudgetPerAdSet", limits.minDailyBudget());
    l.put("maxDailyBudget", limits.maxDailyBudget());
    l.put("dailyBudgetStep", limits.budgetStep());
    l.put("maxAdSets", PlanLimits.MAX_AD_SETS);
    l.put("maxAdsPerAdSet", PlanLimits.MAX_ADS_PER_AD_SET);
    l.put("minAge", PlanLimits.MIN_AGE);
    l.put("maxAge", PlanLimits.MAX_AGE);
    context.put("round", previous.isPresent() ? Math.max(2, feedback.size() + 1) : 1);
    if (previous.isPresent()) {
      context.set("previousPlan", planJson(previous.get()));
    } else {
      context.putNull("previousPlan");
    }
    ArrayNode f = context.putArray("feedback");
    feedback.forEach(f::add);
    return context;
  }

  /** A plan in the planner's own output shape, with the ads' copy. */
  static ObjectNode planJson(CampaignPlan plan) {
    CampaignStructure s = plan.structure();
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("campaignName", s.name());
    node.put("objective", s.objective() == null ? null : s.objective().name());
    node.put("dailyBudget", s.dailyBudget());
    node.put("currency", s.currency());
    ArrayNode sets = node.putArray("adSets");
    for (AdSetPlan set : s.adSets()) {
      ObjectNode sn = targetingJson(set);
      ArrayNode ads = sn.putArray("ads");
      for (AdPlan ad : set.ads()) {
        ads.addObject()
            .put("key", ad.key())
            .put("name", ad.name())
            .put("headline", ad.headline())
            .put("primaryText", ad.primaryText())
            .put("description", ad.description())
            .put("callToAction", ad.callToAction() == null ? null : ad.callToAction().name())
            .put("imagePrompt", ad.imagePrompt());
      }
      sets.add(sn);
    }
    node.put("explanation", plan.explanation());
    return node;
  }

  private static ObjectNode targetingJson(AdSetPlan set) {
    ObjectNode sn = Json.MAPPER.createObjectNode();
    sn.put("key", set.key());
    sn.put("name", set.name());
    Targeting t = set.targeting();
    if (t != null) {
      sn.put("ageMin", t.ageMin());
      sn.put("ageMax", t.ageMax());
      sn.put("genders", t.genders());
      t.countries().forEach(sn.putArray("countries")::add);
      t.cities().forEach(sn.putArray("cities")::add);
      t.interests().forEach(sn.putArray("interests")::add);
    }
    return sn;
  }

  private static ObjectNode copyContext(
      ProjectBrief brief, PlanLimits limits, Layout layout, Optional<CampaignPlan> previous, List<String> feedback) {
    ObjectNode context = Json.MAPPER.createObjectNode();
    context.set("brief", briefJson(brief));
    context.put("objective", limits.objective().name());
    ArrayNode ctas = context.putArray("allowedCallsToAction");
    PlanRules.allowedCallsToAction(limits.objective()).forEach(c -> ctas.add(c.name()));
    context.put("linkUrl", limits.linkUrl());
    context.putObject("limits")
        .put("headline", PlanRules.HEADLINE_MAX)
        .put("primaryText", PlanRules.PRIMARY_TEXT_MAX)
        .put("description", PlanRules.DESCRIPTION_MAX);
    context.put("campaignName", layout.structure().name());
    ArrayNode sets = context.putArray("adSets");
    for (AdSetPlan set : layout.structure().adSets()) {
      ObjectNode sn = targetingJson(set);
      ArrayNode ads = sn.putArray("ads");
      for (AdPlan ad : set.ads()) {
        ads.addObject().put("key", ad.key()).put("name", ad.name()).put("angle", layout.angles().getOrDefault(ad.key(), ""));
      }
      sets.add(sn);
    }
    ArrayNode before = context.putArray("previousCopy");
    previous.ifPresent(p -> p.structure().ads().forEach(ad -> before.addObject()
        .put("key", ad.key())
        .put("headline", ad.headline())
        .put("primaryText", ad.primaryText())
        .put("description", ad.description())
        .put("callToAction", ad.callToAction() == null ? null : ad.callToAction().name())
        .put("imagePrompt", ad.imagePrompt())));
    ArrayNode f = context.putArray("feedback");
    feedback.forEach(f::add);
    return context;
  }
}
