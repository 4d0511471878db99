package com.aigency.shared.projects;

import static com.aigency.shared.http.ApiErrors.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BriefInputTest {
  private static final Instant NOW = Instant.parse("2025-11-18T09:31:02.417Z");

  /** A complete, valid body; each test changes one thing. */
  static ObjectNode validBody() {
    return (ObjectNode)
        Json.read(
            """
            {
              "businessDescription": "Family-run sourdough bakery in Lisbon",
              "product": "Weekend brunch",
              "targetAudience": "Residents aged 25-45 within 3 km",
              "goal": "LEADS",
              "monthlyBudget": 150000,
              "currency": "EUR",
              "location": "Lisbon, Portugal",
              "uniqueSellingPoint": "48-hour fermented sourdough",
              "websiteUrl": "https://cornerbakery.example.com"
            }
            """);
  }

  @Test
  void aCompleteBodyBecomesTheBriefStampedWithNow() {
    ProjectBrief brief = BriefInput.from(validBody(), NOW);

    assertThat(brief)
        .isEqualTo(
            new ProjectBrief(
                "Family-run sourdough bakery in Lisbon",
                "Weekend brunch",
                "Residents aged 25-45 within 3 km",
                Goal.LEADS,
                150_000L,
                "EUR",
                "Lisbon, Portugal",
                "48-hour fermented sourdough",
                "https://cornerbakery.example.com",
                NOW));
  }

  @Test
  void theOptionalFieldsMayBeLeftOut() {
    ObjectNode body = validBody();
    body.remove("uniqueSellingPoint");
    body.remove("websiteUrl");

    ProjectBrief brief = BriefInput.from(body, NOW);

    assertThat(brief.uniqueSellingPoint()).isNull();
    assertThat(brief.websiteUrl()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"businessDescription", "product", "targetAudience", "goal", "monthlyBudget", "currency", "location"})
  void eachRequiredFieldIsRefusedWhenMissing(String field) {
    ObjectNode body = validBody();
    body.remove(field);

    var e = invalidField(field, () -> BriefInput.from(body, NOW));

    assertThat(e.getMessage()).contains("'" + field + "'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"businessDescription", "product", "targetAudience", "goal", "monthlyBudget", "currency", "location"})
  void eachRequiredFieldIsRefusedWhenNull(String field) {
    ObjectNode body = validBody();
    body.putNull(field);

    invalidField(field, () -> BriefInput.from(body, NOW));
  }

  @Test
  void anUnknownFieldIsRefusedNamingIt() {
    ObjectNode body = validBody().put("budget", 100);

    var e = invalidField("budget", () -> BriefInput.from(body, NOW));

    assertThat(e.getMessage()).contains("'budget'").contains("monthlyBudget");
  }

  @Test
  void theTenantCannotBeSmuggledInThroughTheBody() {
    ObjectNode body = validBody().put("tenantId", "t_01JD3XEXAMPKETENANT0000001");

    invalidField("tenantId", () -> BriefInput.from(body, NOW));
  }

  @ParameterizedTest(name = "{0} at most {1}")
  @CsvSource({
    "businessDescription, 2000",
    "product, 500",
    "targetAudience, 1000",
    "location, 200",
    "uniqueSellingPoint, 500"
  })
  void eachTextFieldHasAMaximumLength(String field, int max) {
    ObjectNode atMax = validBody().put(field, "x".repeat(max));
    ObjectNode overMax = validBody().put(field, "x".repeat(max + 1));

    assertThat(BriefInput.from(atMax, NOW)).isNotNull();
    invalidField(field, () -> BriefInput.from(overMax, NOW));
  }

  @Test
  void theWebsiteUrlHasAMaximumLengthOf500() {
    String prefix = "https://example.com/";
    ObjectNode atMax = validBody().put("websiteUrl", prefix + "a".repeat(500 - prefix.length()));
    ObjectNode overMax = validBody().put("websiteUrl", prefix + "a".repeat(501 - prefix.length()));

    assertThat(BriefInput.from(atMax, NOW).websiteUrl()).hasSize(500);
    invalidField("websiteUrl", () -> BriefInput.from(overMax, NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"businessDescription", "product", "targetAudience", "location", "uniqueSellingPoint"})
  void controlCharactersAreRefusedInEveryTextField(String field) {
    ObjectNode body = validBody().put(field, "bakery\u0000\u001b[2J");

    invalidField(field, () -> BriefInput.from(body, NOW));
  }

  @Test
  void anUnknownGoalIsRefusedListingTheGoals() {
    ObjectNode body = validBody().put("goal", "AWARENESS");

    var e = invalidField("goal", () -> BriefInput.from(body, NOW));

    assertThat(e.getMessage()).contains("LEADS", "SALES", "TRAFFIC", "APP_INSTALLS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "\"100\"", "1e3", "99999999999999999999", "true"})
  void theMonthlyBudgetMustBeAWholeJsonNumber(String json) {
    ObjectNode body = validBody();
    body.set("monthlyBudget", Json.read(json));

    invalidField("monthlyBudget", () -> BriefInput.from(body, NOW));
  }

  @ParameterizedTest
  @ValueSource(longs = {0L, -1L, BriefInput.MAX_MONTHLY_BUDGET + 1})
  void theMonthlyBudgetMustBeInRange(long budget) {
    ObjectNode body = validBody().put("monthlyBudget", budget);

    invalidField("monthlyBudget", () -> BriefInput.from(body, NOW));
  }

  @Test
  void theMonthlyBudgetBoundsAreAccepted() {
    assertThat(BriefInput.from(validBody().put("monthlyBudget", 1), NOW).monthlyBudget()).isEqualTo(1L);
    assertThat(BriefInput.from(validBody().put("monthlyBudget", BriefInput.MAX_MONTHLY_BUDGET), NOW).monthlyBudget())
        .isEqualTo(BriefInput.MAX_MONTHLY_BUDGET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eur", "XXY", "EURO", "E"})
  void theCurrencyMustBeAKnownUpperCaseCode(String currency) {
    ObjectNode body = validBody().put("currency", currency);

    invalidField("currency", () -> BriefInput.from(body, NOW));
  }

  @Test
  void aZeroDecimalCurrencyIsAccepted() {
    assertThat(BriefInput.from(validBody().put("currency", "JPY"), NOW).currency()).isEqualTo("JPY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "/about", "cornerbakery.example.com", "ftp://example.com"})
  void theWebsiteMustBeAnAbsoluteHttpUrl(String url) {
    ObjectNode body = validBody().put("websiteUrl", url);

    invalidField("websiteUrl", () -> BriefInput.from(body, NOW));
  }
}
