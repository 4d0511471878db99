package com.aigency.shared.campaigns.plan;

/** The business rules {@link PlanRules} checks, each with the sentence docs/agents-planning.md shows. */
public enum PlanRule {
  CURRENCY("The plan is in the brief's currency."),
  OBJECTIVE("The objective is the one the brief's goal calls for: LEADS -> OUTCOME_LEADS, SALES -> OUTCOME_SALES, "
      + "TRAFFIC -> OUTCOME_TRAFFIC, APP_INSTALLS -> OUTCOME_APP_PROMOTION."),
  BUDGET_MINIMUM("The daily budget is at least Meta's minimum for the currency (about 1 USD) for each ad set."),
  BUDGET_UNIT("The daily budget is a whole number of the units Meta takes for the currency (whole forints, rupiahs, pesos "
      + "for HUF, IDR, COP, CRC, TWD)."),
  BUDGET_WITHIN_MONTHLY("floor(daily budget x 30.4) is at most the brief's monthly budget."),
  AD_SET_COUNT("1 to 3 ad sets."),
  AD_COUNT("1 to 3 ads in each ad set."),
  KEYS("Ad sets are keyed s1, s2, s3 in order; the ads of ad set sN are sNa1, sNa2, sNa3 in order."),
  NAMES("Campaign, ad set and ad names are not blank and at most 100 characters."),
  UNIQUE_NAMES("No two ad sets share a name; no two ads share a name."),
  AGE_RANGE("18 <= ageMin <= ageMax <= 65 (65 means 65 and older)."),
  GENDERS("Genders is ALL, MALE or FEMALE."),
  COUNTRIES("1 to 25 distinct ISO 3166-1 alpha-2 country codes, in upper case."),
  TARGETING_LISTS("At most 10 cities and 10 interests per ad set, none blank or longer than 100 characters."),
  HEADLINE("A headline is not blank and at most 40 characters."),
  PRIMARY_TEXT("Primary text is not blank and at most 500 characters."),
  DESCRIPTION("A description is not blank and at most 30 characters."),
  CALL_TO_ACTION("The call to action is one of those allowed for the objective (INSTALL_MOBILE_APP only for app promotion)."),
  IMAGE_PROMPT("An image prompt is not blank and at most 1000 characters."),
  LINK_URL("Every ad links to the brief's website over https."),
  EXPLANATION("The explanation for the owner is not blank and at most 2000 characters.");

  private final String description;

  PlanRule(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
