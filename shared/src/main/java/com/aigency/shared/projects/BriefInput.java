package com.aigency.shared.projects;

import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;

/** The body of {@code PUT /projects/{id}/brief}: the whole brief, validated field by field. */
public final class BriefInput {
  /** Upper bound on a monthly budget, in minor units: a guard against typos, not a business rule. */
  public static final long MAX_MONTHLY_BUDGET = 100_000_000_00L;

  private static final Set<String> FIELDS =
      Set.of(
          "businessDescription",
          "product",
          "targetAudience",
          "goal",
          "monthlyBudget",
          "currency",
          "location",
          "uniqueSellingPoint",
          "websiteUrl");

  private BriefInput() {}

  public static ProjectBrief from(JsonNode body, Instant now) {
    JsonFields fields = JsonFields.of(body, FIELDS);
    return new ProjectBrief(
        fields.requiredText("businessDescription", 2000),
        fields.requiredText("product", 500),
        fields.requiredText("targetAudience", 1000),
        fields.requiredEnum("goal", Goal.class),
        fields.requiredWholeNumber("monthlyBudget", 1, MAX_MONTHLY_BUDGET),
        fields.requiredCurrency("currency"),
        fields.requiredText("location", 200),
        fields.optionalText("uniqueSellingPoint", 500).orElse(null),
        fields.optionalHttpUrl("websiteUrl", 500).orElse(null),
        now);
  }
}
