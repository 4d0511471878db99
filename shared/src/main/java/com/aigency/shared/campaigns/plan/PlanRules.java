package com.aigency.shared.campaigns.plan;

import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.Targeting;
import com.aigency.shared.domain.ProjectBrief;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The business rules every plan must pass before anyone sees it (see {@link PlanRule} for the list;
 * docs/agents-planning.md for the table). Checks never throw: each returns every violation found,
 * in a stable order, so a model can be told all that is wrong at once. Lengths count characters
 * (Unicode code points) as Meta does, not UTF-16 units.
 */
public final class PlanRules {
  public static final int HEADLINE_MAX = 40;
  public static final int PRIMARY_TEXT_MAX = 500;
  public static final int DESCRIPTION_MAX = 30;
  public static final int IMAGE_PROMPT_MAX = 1000;
  public static final int NAME_MAX = 100;
  public static final int EXPLANATION_MAX = 2000;
  public static final int MAX_COUNTRIES = 25;
  public static final int MAX_LIST = 10;
  public static final Set<String> GENDERS = Set.of("ALL", "MALE", "FEMALE");

  private static final Set<String> ISO_COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

  private static final Map<Objective, Set<CallToAction>> CALLS_TO_ACTION = callsToAction();

  private PlanRules() {}

  private static Map<Objective, Set<CallToAction>> callsToAction() {
    Map<Objective, Set<CallToAction>> m = new EnumMap<>(Objective.class);
    m.put(Objective.OUTCOME_LEADS, EnumSet.of(
        CallToAction.SIGN_UP, CallToAction.CONTACT_US, CallToAction.GET_QUOTE, CallToAction.APPLY_NOW,
        CallToAction.SUBSCRIBE, CallToAction.LEARN_MORE, CallToAction.GET_OFFER, CallToAction.BOOK_TRAVEL,
        CallToAction.DOWNLOAD));
    m.put(Objective.OUTCOME_SALES, EnumSet.of(
        CallToAction.SHOP_NOW, CallToAction.ORDER_NOW, CallToAction.GET_OFFER, CallToAction.BOOK_TRAVEL,
        CallToAction.SUBSCRIBE, CallToAction.SIGN_UP, CallToAction.LEARN_MORE));
    m.put(Objective.OUTCOME_TRAFFIC, EnumSet.complementOf(EnumSet.of(CallToAction.INSTALL_MOBILE_APP)));
    m.put(Objective.OUTCOME_APP_PROMOTION, EnumSet.of(
        CallToAction.INSTALL_MOBILE_APP, CallToAction.DOWNLOAD, CallToAction.LEARN_MORE, CallToAction.SIGN_UP));
    return m;
  }

  /** The calls to action that make sense for an objective, in enum order. */
  public static Set<CallToAction> allowedCallsToAction(Objective objective) {
    return EnumSet.copyOf(CALLS_TO_ACTION.get(objective));
  }

  /** Everything: the structure, every ad's copy, and the explanation. */
  public static List<Violation> check(ProjectBrief brief, CampaignPlan plan) {
    List<Violation> out = new ArrayList<>(check(brief, plan.structure()));
    out.addAll(checkExplanation(plan.explanation()));
    return out;
  }

  /** The structure and every ad's copy. */
  public static List<Violation> check(ProjectBrief brief, CampaignStructure structure) {
    List<Violation> out = new ArrayList<>(checkLayout(brief, structure));
    for (AdPlan ad : structure.ads()) {
      out.addAll(checkCopy(brief, structure.objective(), ad));
    }
    return out;
  }

  /**
   * The structure without the ads' copy (what the planner decides): currency, objective, budget,
   * counts, keys, names, targeting.
   */
  public static List<Violation> checkLayout(ProjectBrief brief, CampaignStructure s) {
    List<Violation> out = new ArrayList<>();
    if (!s.currency().equals(brief.currency())) {
      out.add(new Violation(PlanRule.CURRENCY, "the plan is in " + s.currency() + " but the brief's budget is in " + brief.currency()));
    }
    if (brief.goal() == null || s.objective() != Objective.forGoal(brief.goal())) {
      out.add(new Violation(PlanRule.OBJECTIVE, "the objective is " + s.objective() + " but the brief's goal "
          + brief.goal() + " calls for " + (brief.goal() == null ? "a goal first" : Objective.forGoal(brief.goal()))));
    }
    budget(brief, s, out);
    if (s.adSets().isEmpty() || s.adSets().size() > PlanLimits.MAX_AD_SETS) {
      out.add(new Violation(PlanRule.AD_SET_COUNT, "the plan has " + s.adSets().size() + " ad sets; it needs 1 to " + PlanLimits.MAX_AD_SETS));
    }
    name(out, "the campaign", s.name());
    Set<String> adSetNames = new HashSet<>();
    Set<String> adNames = new HashSet<>();
    for (int i = 0; i < s.adSets().size(); i++) {
      AdSetPlan set = s.adSets().get(i);
      String key = "s" + (i + 1);
      String where = set.key() == null ? key : set.key();
      if (!key.equals(set.key())) {
        out.add(new Violation(PlanRule.KEYS, "ad set " + (i + 1) + " is keyed '" + set.key() + "'; it must be '" + key + "'"));
      }
      name(out, where, set.name());
      if (set.name() != null && !adSetNames.add(set.name().strip().toLowerCase(Locale.ROOT))) {
        out.add(new Violation(PlanRule.UNIQUE_NAMES, where + ": another ad set is also named '" + set.name() + "'"));
      }
      targeting(out, where, set.targeting());
      if (set.ads().isEmpty() || set.ads().size() > PlanLimits.MAX_ADS_PER_AD_SET) {
        out.add(new Violation(PlanRule.AD_COUNT, where + " has " + set.ads().size() + " ads; it needs 1 to " + PlanLimits.MAX_ADS_PER_AD_SET));
      }
      for (int j = 0; j < set.ads().size(); j++) {
        AdPlan ad = set.ads().get(j);
        String adKey = key + "a" + (j + 1);
        String adWhere = ad.key() == null ? adKey : ad.key();
        if (!adKey.equals(ad.key())) {
          out.add(new Violation(PlanRule.KEYS, "ad " + (j + 1) + " of " + key + " is keyed '" + ad.key() + "'; it must be '" + adKey + "'"));
        }
        name(out, adWhere, ad.name());
        if (ad.name() != null && !adNames.add(ad.name().strip().toLowerCase(Locale.ROOT))) {
          out.add(new Violation(PlanRule.UNIQUE_NAMES, adWhere + ": another ad is also named '" + ad.name() + "'"));
        }
      }
    }
    return out;
  }

  private static void budget(ProjectBrief brief, CampaignStructure s, List<Violation> out) {
    String currency = brief.currency();
    Optional<Long> minimum = PlanningCurrencies.minimumDailyBudget(currency);
    long daily = s.dailyBudget();
    if (minimum.isEmpty()) {
      out.add(new Violation(PlanRule.CURRENCY, "Meta has no minimum budget known for " + currency + "; it cannot be planned"));
    } else {
      long adSets = Math.max(1, s.adSets().size());
      long needed = minimum.get() * adSets;
      if (daily < needed) {
        out.add(new Violation(PlanRule.BUDGET_MINIMUM, "the daily budget " + money(daily, currency) + " is below Meta's minimum of "
            + money(minimum.get(), currency) + " a day" + (adSets > 1 ? " for each of the " + adSets + " ad sets (" + money(needed, currency) + ")" : "")));
      }
    }
    if (minimum.isPresent() && daily > 0 && daily % PlanLimits.budgetStep(currency) != 0) {
      long step = PlanLimits.budgetStep(currency);
      out.add(new Violation(PlanRule.BUDGET_UNIT, "Meta takes " + currency + " budgets in whole multiples of " + money(step, currency)
          + "; " + money(daily, currency) + " is not one (use " + (daily - daily % step) + " minor units)"));
    }
    if (daily < 0 || PlanLimits.monthlySpend(Math.max(0, daily)) > brief.monthlyBudget()) {
      out.add(new Violation(PlanRule.BUDGET_WITHIN_MONTHLY, "the daily budget " + money(daily, currency) + " spends "
          + money(PlanLimits.monthlySpend(Math.max(0, daily)), currency) + " over 30.4 days, more than the monthly budget of "
          + money(brief.monthlyBudget(), currency) + "; at most " + money(Math.max(0, PlanLimits.maxDailyBudget(brief.monthlyBudget())), currency)
          + " a day (" + Math.max(0, PlanLimits.maxDailyBudget(brief.monthlyBudget())) + " in minor units)"));
    }
  }

  private static String money(long minor, String currency) {
    try {
      return MoneyText.format(minor, currency);
    } catch (IllegalArgumentException unknownCurrency) {
      return minor + " " + currency + " minor units";
    }
  }

  private static void targeting(List<Violation> out, String where, Targeting t) {
    if (t == null) {
      out.add(new Violation(PlanRule.COUNTRIES, where + " has no targeting"));
      return;
    }
    if (t.ageMin() < PlanLimits.MIN_AGE || t.ageMax() > PlanLimits.MAX_AGE || t.ageMin() > t.ageMax()) {
      out.add(new Violation(PlanRule.AGE_RANGE, where + ": ages " + t.ageMin() + "-" + t.ageMax() + " are not a range within "
          + PlanLimits.MIN_AGE + "-" + PlanLimits.MAX_AGE));
    }
    if (!GENDERS.contains(t.genders())) {
      out.add(new Violation(PlanRule.GENDERS, where + ": genders '" + t.genders() + "' is not ALL, MALE or FEMALE"));
    }
    if (t.countries().isEmpty() || t.countries().size() > MAX_COUNTRIES) {
      out.add(new Violation(PlanRule.COUNTRIES, where + " targets " + t.countries().size() + " countries; it needs 1 to " + MAX_COUNTRIES));
    }
    Set<String> seen = new HashSet<>();
    for (String country : t.countries()) {
      if (country == null || !ISO_COUNTRIES.contains(country)) {
        out.add(new Violation(PlanRule.COUNTRIES, where + ": '" + country + "' is not an ISO 3166-1 alpha-2 country code such as PT or US"));
      } else if (!seen.add(country)) {
        out.add(new Violation(PlanRule.COUNTRIES, where + ": " + country + " is listed twice"));
      }
    }
    list(out, where, "cities", t.cities());
    list(out, where, "interests", t.interests());
  }

  private static void list(List<Violation> out, String where, String what, List<String> values) {
    if (values.size() > MAX_LIST) {
      out.add(new Violation(PlanRule.TARGETING_LISTS, where + " has " + values.size() + " " + what + "; at most " + MAX_LIST));
    }
    for (String value : values) {
      if (value == null || value.isBlank() || length(value) > NAME_MAX) {
        out.add(new Violation(PlanRule.TARGETING_LISTS, where + ": " + what + " entry '" + value + "' is blank or longer than " + NAME_MAX + " characters"));
      }
    }
  }

  private static void name(List<Violation> out, String where, String name) {
    if (name == null || name.isBlank()) {
      out.add(new Violation(PlanRule.NAMES, where + " has no name"));
    } else if (length(name) > NAME_MAX) {
      out.add(new Violation(PlanRule.NAMES, where + ": the name has " + length(name) + " characters; at most " + NAME_MAX));
    }
  }

  /** One ad's copy, button and link (what the copywriter decides). */
  public static List<Violation> checkCopy(ProjectBrief brief, Objective objective, AdPlan ad) {
    List<Violation> out = new ArrayList<>();
    String where = ad.key();
    text(out, PlanRule.HEADLINE, where, "headline", ad.headline(), HEADLINE_MAX);
    text(out, PlanRule.PRIMARY_TEXT, where, "primary text", ad.primaryText(), PRIMARY_TEXT_MAX);
    text(out, PlanRule.DESCRIPTION, where, "description", ad.description(), DESCRIPTION_MAX);
    text(out, PlanRule.IMAGE_PROMPT, where, "image prompt", ad.imagePrompt(), IMAGE_PROMPT_MAX);
    if (ad.callToAction() == null) {
      out.add(new Violation(PlanRule.CALL_TO_ACTION, where + " has no call to action"));
    } else if (objective != null && !CALLS_TO_ACTION.get(objective).contains(ad.callToAction())) {
      out.add(new Violation(PlanRule.CALL_TO_ACTION, where + ": " + ad.callToAction() + " does not fit " + objective
          + "; use one of " + CALLS_TO_ACTION.get(objective)));
    }
    Optional<String> expected = PlanLimits.linkUrl(brief.websiteUrl());
    String link = ad.linkUrl();
    if (link == null || !link.regionMatches(true, 0, "https://", 0, 8)) {
      out.add(new Violation(PlanRule.LINK_URL, where + ": the link '" + link + "' is not an https URL"
          + expected.map(e -> "; use " + e).orElse("")));
    } else if (expected.isEmpty()) {
      out.add(new Violation(PlanRule.LINK_URL, where + ": the brief has no website to link to"));
    } else if (!PlanLimits.samePage(link, expected.get())) {
      out.add(new Violation(PlanRule.LINK_URL, where + ": the link '" + link + "' is not the brief's website " + expected.get()));
    }
    return out;
  }

  public static List<Violation> checkExplanation(String explanation) {
    if (explanation == null || explanation.isBlank()) {
      return List.of(new Violation(PlanRule.EXPLANATION, "the explanation for the owner is empty"));
    }
    if (length(explanation) > EXPLANATION_MAX) {
      return List.of(new Violation(PlanRule.EXPLANATION, "the explanation has " + length(explanation) + " characters; at most " + EXPLANATION_MAX));
    }
    return List.of();
  }

  private static void text(List<Violation> out, PlanRule rule, String where, String what, String value, int max) {
    if (value == null || value.isBlank()) {
      out.add(new Violation(rule, where + ": the " + what + " is empty"));
    } else if (length(value) > max) {
      out.add(new Violation(rule, where + ": the " + what + " has " + length(value) + " characters; at most " + max));
    }
  }

  /** Characters as people (and Meta) count them. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
