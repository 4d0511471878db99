package com.aigency.shared.campaigns.plan;

import static com.aigency.shared.campaigns.plan.Fixtures.ad;
import static com.aigency.shared.campaigns.plan.Fixtures.bakery;
import static com.aigency.shared.campaigns.plan.Fixtures.targeting;
import static com.aigency.shared.campaigns.plan.Fixtures.validStructure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.Targeting;
import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.ProjectBrief;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PlanRulesTest {
  private final ProjectBrief brief = bakery();

  private List<PlanRule> broken(CampaignStructure structure) {
    return PlanRules.check(brief, structure).stream().map(Violation::rule).distinct().toList();
  }

  private static CampaignStructure budget(long daily) {
    CampaignStructure s = validStructure();
    return new CampaignStructure(s.name(), s.objective(), daily, s.currency(), s.adSets());
  }

  private static CampaignStructure adSets(List<AdSetPlan> sets) {
    CampaignStructure s = validStructure();
    return new CampaignStructure(s.name(), s.objective(), s.dailyBudget(), s.currency(), sets);
  }

  private static CampaignStructure firstSet(UnaryOperator<AdSetPlan> change) {
    List<AdSetPlan> sets = new ArrayList<>(validStructure().adSets());
    sets.set(0, change.apply(sets.get(0)));
    return adSets(sets);
  }

  private static CampaignStructure targeted(Targeting t) {
    return firstSet(s -> new AdSetPlan(s.key(), s.name(), t, s.ads()));
  }

  private static CampaignStructure firstAd(UnaryOperator<AdPlan> change) {
    return firstSet(s -> {
      List<AdPlan> ads = new ArrayList<>(s.ads());
      ads.set(0, change.apply(ads.get(0)));
      return new AdSetPlan(s.key(), s.name(), s.targeting(), ads);
    });
  }

  private static AdPlan copy(AdPlan a, String headline, String primary, String description, CallToAction cta, String image, String link) {
    return new AdPlan(a.key(), a.name(), headline, primary, description, cta, image, link);
  }

  @Test
  void aGoodPlanPassesEveryRule() {
    assertThat(PlanRules.check(brief, validStructure())).isEmpty();
    assertThat(PlanRules.check(brief, new CampaignPlan(validStructure(), "Why this plan.", null))).isEmpty();
  }

  @Test
  void theDailyBudgetMustFitTheMonthlyBudgetOver30point4Days() {
    // EUR 1,500.00 a month: 4934 x 30.4 = 149,993.6 fits, 4935 x 30.4 = 150,024 does not
    assertThat(broken(budget(4_934))).isEmpty();
    assertThat(broken(budget(4_935))).containsExactly(PlanRule.BUDGET_WITHIN_MONTHLY);
    assertThat(PlanRules.check(brief, budget(4_935)).getFirst().message()).contains("at most EUR 49.34 a day");
  }

  @Test
  void theDailyBudgetMustReachMetasMinimumForEachAdSet() {
    assertThat(broken(budget(200))).isEmpty(); // EUR 1.00 for each of the two ad sets
    assertThat(broken(budget(199))).containsExactly(PlanRule.BUDGET_MINIMUM);
    assertThat(broken(budget(-5))).contains(PlanRule.BUDGET_MINIMUM, PlanRule.BUDGET_WITHIN_MONTHLY);
  }

  @Test
  void theMinimumFollowsTheCurrency() {
    ProjectBrief yen = Fixtures.withBudget(brief, 150_000, "JPY");
    CampaignStructure s = validStructure();
    CampaignStructure inYen = new CampaignStructure(s.name(), s.objective(), 299, "JPY", s.adSets());
    assertThat(PlanRules.check(yen, inYen)).extracting(Violation::rule).containsExactly(PlanRule.BUDGET_MINIMUM);
    assertThat(PlanRules.check(yen, new CampaignStructure(s.name(), s.objective(), 300, "JPY", s.adSets()))).isEmpty();
  }

  @Test
  void theDailyBudgetIsAWholeNumberOfMetasUnitsForTheCurrency() {
    // Meta takes forints in whole units while ISO 4217 gives HUF two decimals
    ProjectBrief forints = Fixtures.withBudget(brief, 30_000_000, "HUF");
    CampaignStructure s = validStructure();
    assertThat(PlanRules.check(forints, new CampaignStructure(s.name(), s.objective(), 500_050, "HUF", s.adSets())))
        .extracting(Violation::rule).containsExactly(PlanRule.BUDGET_UNIT);
    assertThat(PlanRules.check(forints, new CampaignStructure(s.name(), s.objective(), 500_000, "HUF", s.adSets()))).isEmpty();
    assertThat(PlanLimits.budgetStep("HUF")).isEqualTo(100);
    assertThat(PlanLimits.budgetStep("BHD")).isEqualTo(10);
    assertThat(PlanLimits.budgetStep("EUR")).isEqualTo(1);
    assertThat(PlanLimits.budgetStep("JPY")).isEqualTo(1);
    assertThat(PlanLimits.of(forints).maxDailyBudget()).isEqualTo(986_800); // 986,842 rounded down to whole forints
  }

  @Test
  void thePlanIsInTheBriefsCurrency() {
    CampaignStructure s = validStructure();
    assertThat(broken(new CampaignStructure(s.name(), s.objective(), s.dailyBudget(), "USD", s.adSets()))).containsExactly(PlanRule.CURRENCY);
  }

  @Test
  void theObjectiveMustMatchTheGoal() {
    CampaignStructure s = validStructure();
    CampaignStructure traffic = new CampaignStructure(s.name(), Objective.OUTCOME_TRAFFIC, s.dailyBudget(), s.currency(), s.adSets());
    assertThat(PlanRules.checkLayout(brief, traffic)).extracting(Violation::rule).containsExactly(PlanRule.OBJECTIVE);
    assertThat(PlanRules.checkLayout(Fixtures.withGoal(brief, Goal.TRAFFIC), traffic)).isEmpty();
  }

  @Test
  void oneToThreeAdSets() {
    AdSetPlan set = validStructure().adSets().getFirst();
    assertThat(broken(adSets(List.of()))).contains(PlanRule.AD_SET_COUNT);
    List<AdSetPlan> four = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      String k = "s" + i;
      four.add(new AdSetPlan(k, "Set " + i, targeting(), List.of(ad(k + "a1", "Ad " + i))));
    }
    assertThat(broken(adSets(four))).contains(PlanRule.AD_SET_COUNT);
    assertThat(broken(adSets(List.of(set)))).isEmpty();
  }

  @Test
  void oneToThreeAdsInEachAdSet() {
    assertThat(broken(firstSet(s -> new AdSetPlan(s.key(), s.name(), s.targeting(), List.of())))).containsExactly(PlanRule.AD_COUNT);
    List<AdPlan> four = List.of(ad("s1a1", "A"), ad("s1a2", "B"), ad("s1a3", "C"), ad("s1a4", "D"));
    assertThat(broken(firstSet(s -> new AdSetPlan(s.key(), s.name(), s.targeting(), four)))).contains(PlanRule.AD_COUNT);
  }

  @Test
  void keysRunInOrder() {
    assertThat(broken(firstSet(s -> new AdSetPlan("s2", s.name(), s.targeting(), s.ads())))).contains(PlanRule.KEYS);
    assertThat(broken(firstAd(a -> ad("s1a3", a.name())))).containsExactly(PlanRule.KEYS);
    assertThat(broken(firstAd(a -> ad("x", a.name())))).containsExactly(PlanRule.KEYS);
  }

  @Test
  void namesArePresentShortAndUnique() {
    CampaignStructure s = validStructure();
    assertThat(broken(new CampaignStructure(" ", s.objective(), s.dailyBudget(), s.currency(), s.adSets()))).containsExactly(PlanRule.NAMES);
    assertThat(broken(firstAd(a -> ad(a.key(), "x".repeat(101))))).containsExactly(PlanRule.NAMES);
    assertThat(broken(firstSet(set -> new AdSetPlan(set.key(), "broad AUDIENCE", set.targeting(), set.ads()))))
        .containsExactly(PlanRule.UNIQUE_NAMES);
    assertThat(broken(firstAd(a -> ad(a.key(), "Broad - Benefit")))).containsExactly(PlanRule.UNIQUE_NAMES);
  }

  @Test
  void agesAreARangeFrom18To65() {
    assertThat(broken(targeted(new Targeting(18, 65, "ALL", List.of("PT"), List.of(), List.of())))).isEmpty();
    assertThat(broken(targeted(new Targeting(17, 40, "ALL", List.of("PT"), List.of(), List.of())))).containsExactly(PlanRule.AGE_RANGE);
    assertThat(broken(targeted(new Targeting(30, 66, "ALL", List.of("PT"), List.of(), List.of())))).containsExactly(PlanRule.AGE_RANGE);
    assertThat(broken(targeted(new Targeting(50, 30, "ALL", List.of("PT"), List.of(), List.of())))).containsExactly(PlanRule.AGE_RANGE);
  }

  @Test
  void gendersAreAllMaleOrFemale() {
    assertThat(broken(targeted(new Targeting(25, 45, "FEMALE", List.of("PT"), List.of(), List.of())))).isEmpty();
    assertThat(broken(targeted(new Targeting(25, 45, "women", List.of("PT"), List.of(), List.of())))).containsExactly(PlanRule.GENDERS);
  }

  @Test
  void countriesAreDistinctIsoAlpha2Codes() {
    assertThat(broken(targeted(new Targeting(25, 45, "ALL", List.of(), List.of(), List.of())))).containsExactly(PlanRule.COUNTRIES);
    assertThat(broken(targeted(new Targeting(25, 45, "ALL", List.of("PRT"), List.of(), List.of())))).containsExactly(PlanRule.COUNTRIES);
    assertThat(broken(targeted(new Targeting(25, 45, "ALL", List.of("pt"), List.of(), List.of())))).containsExactly(PlanRule.COUNTRIES);
    assertThat(broken(targeted(new Targeting(25, 45, "ALL", List.of("XX"), List.of(), List.of())))).containsExactly(PlanRule.COUNTRIES);
    assertThat(broken(targeted(new Targeting(25, 45, "ALL", List.of("PT", "PT"), List.of(), List.of())))).containsExactly(PlanRule.COUNTRIES);
    assertThat(broken(targeted(new Targeting(25, 45, "ALL", List.of("PT", "ES", "GB"), List.of(), List.of())))).isEmpty();
  }

  @Test
  void citiesAndInterestsAreShortLists() {
    List<String> eleven = Arrays.asList("a b c d e f g h i j k".split(" "));
    assertThat(broken(targeted(new Targeting(25, 45, "ALL", List.of("PT"), List.of(), eleven)))).containsExactly(PlanRule.TARGETING_LISTS);
    assertThat(broken(targeted(new Targeting(25, 45, "ALL", List.of("PT"), List.of(" "), List.of())))).containsExactly(PlanRule.TARGETING_LISTS);
  }

  @Test
  void headlinesHaveAtMost40Characters() {
    assertThat(broken(firstAd(a -> copy(a, "h".repeat(40), a.primaryText(), a.description(), a.callToAction(), a.imagePrompt(), a.linkUrl()))))
        .isEmpty();
    assertThat(broken(firstAd(a -> copy(a, "h".repeat(41), a.primaryText(), a.description(), a.callToAction(), a.imagePrompt(), a.linkUrl()))))
        .containsExactly(PlanRule.HEADLINE);
    assertThat(broken(firstAd(a -> copy(a, "", a.primaryText(), a.description(), a.callToAction(), a.imagePrompt(), a.linkUrl()))))
        .containsExactly(PlanRule.HEADLINE);
    // characters, not UTF-16 units: 20 emoji are 20 characters
    assertThat(broken(firstAd(a -> copy(a, "🍞".repeat(40), a.primaryText(), a.description(), a.callToAction(), a.imagePrompt(), a.linkUrl()))))
        .isEmpty();
  }

  @Test
  void primaryTextHasAtMost500Characters() {
    assertThat(broken(firstAd(a -> copy(a, a.headline(), "p".repeat(501), a.description(), a.callToAction(), a.imagePrompt(), a.linkUrl()))))
        .containsExactly(PlanRule.PRIMARY_TEXT);
    assertThat(broken(firstAd(a -> copy(a, a.headline(), null, a.description(), a.callToAction(), a.imagePrompt(), a.linkUrl()))))
        .containsExactly(PlanRule.PRIMARY_TEXT);
  }

  @Test
  void descriptionsHaveAtMost30Characters() {
    assertThat(broken(firstAd(a -> copy(a, a.headline(), a.primaryText(), "d".repeat(31), a.callToAction(), a.imagePrompt(), a.linkUrl()))))
        .containsExactly(PlanRule.DESCRIPTION);
  }

  @Test
  void imagePromptsAreNotEmpty() {
    assertThat(broken(firstAd(a -> copy(a, a.headline(), a.primaryText(), a.description(), a.callToAction(), " ", a.linkUrl()))))
        .containsExactly(PlanRule.IMAGE_PROMPT);
  }

  @Test
  void theCallToActionFitsTheObjective() {
    assertThat(broken(firstAd(a -> copy(a, a.headline(), a.primaryText(), a.description(), CallToAction.INSTALL_MOBILE_APP, a.imagePrompt(),
        a.linkUrl())))).containsExactly(PlanRule.CALL_TO_ACTION);
    assertThat(broken(firstAd(a -> copy(a, a.headline(), a.primaryText(), a.description(), null, a.imagePrompt(), a.linkUrl()))))
        .containsExactly(PlanRule.CALL_TO_ACTION);
    assertThat(PlanRules.allowedCallsToAction(Objective.OUTCOME_APP_PROMOTION)).contains(CallToAction.INSTALL_MOBILE_APP);
    for (Objective other : List.of(Objective.OUTCOME_LEADS, Objective.OUTCOME_SALES, Objective.OUTCOME_TRAFFIC)) {
      assertThat(PlanRules.allowedCallsToAction(other)).doesNotContain(CallToAction.INSTALL_MOBILE_APP);
    }
    assertThat(PlanRules.allowedCallsToAction(Objective.OUTCOME_LEADS)).contains(CallToAction.SIGN_UP).doesNotContain(CallToAction.SHOP_NOW);
  }

  @Test
  void everyAdLinksToTheBriefsWebsiteOverHttps() {
    assertThat(broken(firstAd(a -> copy(a, a.headline(), a.primaryText(), a.description(), a.callToAction(), a.imagePrompt(),
        "http://padaria-exemplo.pt")))).containsExactly(PlanRule.LINK_URL);
    assertThat(broken(firstAd(a -> copy(a, a.headline(), a.primaryText(), a.description(), a.callToAction(), a.imagePrompt(),
        "https://elsewhere.example")))).containsExactly(PlanRule.LINK_URL);
    assertThat(broken(firstAd(a -> copy(a, a.headline(), a.primaryText(), a.description(), a.callToAction(), a.imagePrompt(),
        "https://PADARIA-exemplo.pt/")))).isEmpty();
    // a brief with an http site is linked over https
    ProjectBrief http = Fixtures.withWebsite(brief, "http://padaria-exemplo.pt");
    assertThat(PlanRules.check(http, validStructure())).isEmpty();
  }

  @Test
  void theExplanationIsNotEmpty() {
    assertThat(PlanRules.check(brief, new CampaignPlan(validStructure(), "  ", null))).extracting(Violation::rule)
        .containsExactly(PlanRule.EXPLANATION);
    assertThat(PlanRules.check(brief, new CampaignPlan(validStructure(), "x".repeat(2001), null))).extracting(Violation::rule)
        .containsExactly(PlanRule.EXPLANATION);
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    CampaignStructure bad = new CampaignStructure("", Objective.OUTCOME_LEADS, 10_000_000, "EUR", List.of(
        new AdSetPlan("s1", "Only", new Targeting(10, 90, "ANY", List.of("Portugal"), List.of(), List.of()),
            List.of(new AdPlan("s1a1", "Ad", "h".repeat(50), "", "d".repeat(40), CallToAction.INSTALL_MOBILE_APP, "", "ftp://x")))));
    assertThat(broken(bad)).containsExactlyInAnyOrder(PlanRule.OBJECTIVE, PlanRule.BUDGET_WITHIN_MONTHLY, PlanRule.NAMES,
        PlanRule.AGE_RANGE, PlanRule.GENDERS, PlanRule.COUNTRIES, PlanRule.HEADLINE, PlanRule.PRIMARY_TEXT, PlanRule.DESCRIPTION,
        PlanRule.CALL_TO_ACTION, PlanRule.IMAGE_PROMPT, PlanRule.LINK_URL);
  }

  @Test
  void aBriefThatCannotBePlannedIsRefusedUpFront() {
    assertThatThrownBy(() -> PlanLimits.of(Fixtures.withWebsite(brief, null)))
        .isInstanceOf(Plan.Invalid.class)
        .hasMessageContaining("no website");
    assertThatThrownBy(() -> PlanLimits.of(Fixtures.withWebsite(brief, "ftp://padaria.pt"))).isInstanceOf(Plan.Invalid.class);
    assertThatThrownBy(() -> PlanLimits.of(Fixtures.withBudget(brief, 3_000, "EUR")))
        .isInstanceOf(Plan.Invalid.class)
        .hasMessageContaining("EUR 30.00 is below Meta's minimum of EUR 1.00 a day (EUR 30.40 a month)");
    assertThatThrownBy(() -> PlanLimits.of(Fixtures.withBudget(brief, 150_000, "XAU"))).isInstanceOf(Plan.Invalid.class)
        .hasMessageContaining("currency XAU");
    assertThatThrownBy(() -> PlanLimits.of(Fixtures.withGoal(brief, null))).isInstanceOf(Plan.Invalid.class)
        .hasMessageContaining("no goal");

    PlanLimits limits = PlanLimits.of(brief);
    assertThat(limits.objective()).isEqualTo(Objective.OUTCOME_SALES);
    assertThat(limits.minDailyBudget()).isEqualTo(100);
    assertThat(limits.maxDailyBudget()).isEqualTo(4_934);
    assertThat(limits.linkUrl()).isEqualTo("https://padaria-exemplo.pt");
    assertThat(PlanLimits.of(Fixtures.withWebsite(brief, "http://padaria-exemplo.pt/loja?x=1")).linkUrl())
        .isEqualTo("https://padaria-exemplo.pt/loja?x=1");
  }

  @Test
  void monthlySpendAndTheLargestDailyBudgetAgree() {
    for (long monthly : new long[] {0, 1, 29, 30, 31, 3_040, 3_041, 150_000, 999_999, 123_456_789}) {
      long max = PlanLimits.maxDailyBudget(monthly);
      assertThat(PlanLimits.monthlySpend(max)).as("max for %d", monthly).isLessThanOrEqualTo(monthly);
      assertThat(PlanLimits.monthlySpend(max + 1)).as("max+1 for %d", monthly).isGreaterThan(monthly);
    }
    assertThat(PlanLimits.monthlySpend(2_000)).isEqualTo(60_800);
    assertThat(PlanLimits.monthlySpend(4_934)).isEqualTo(149_993);
  }

  @Test
  void metasMinimumDailyBudgetIsAboutOneDollarInEveryCurrency() {
    assertThat(PlanningCurrencies.minimumDailyBudget("USD")).contains(100L);
    assertThat(PlanningCurrencies.minimumDailyBudget("EUR")).contains(100L);
    assertThat(PlanningCurrencies.minimumDailyBudget("GBP")).contains(100L);
    assertThat(PlanningCurrencies.minimumDailyBudget("JPY")).contains(150L);
    assertThat(PlanningCurrencies.minimumDailyBudget("KRW")).contains(1_400L);
    assertThat(PlanningCurrencies.minimumDailyBudget("CAD")).contains(140L);
    assertThat(PlanningCurrencies.minimumDailyBudget("INR")).contains(8_300L);
    assertThat(PlanningCurrencies.minimumDailyBudget("HUF")).contains(36_000L); // HUF 360.00: ISO minor units
    assertThat(PlanningCurrencies.minimumDailyBudget("XAU")).isEmpty();
    for (String currency : PlanningCurrencies.rates().keySet()) {
      assertThat(PlanningCurrencies.minimumDailyBudget(currency)).as(currency).isPresent();
    }
  }
}
