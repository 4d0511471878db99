package com.aigency.shared.meta;

import java.util.List;
import java.util.Objects;

/**
 * A campaign to create.
 *
 * @param objective an ODAX objective, {@code OUTCOME_TRAFFIC}, {@code OUTCOME_SALES}, ...
 * @param status ACTIVE or PAUSED
 * @param specialAdCategories e.g. {@code HOUSING}; empty when none applies (Meta requires the field)
 * @param dailyBudget a campaign budget (Advantage campaign budget), or null to budget per ad set
 */
public record CampaignSpec(
    String name, String objective, MetaStatus status, List<String> specialAdCategories, Money dailyBudget) {
  public CampaignSpec {
    MetaAds.requireName(name);
    Objects.requireNonNull(objective, "objective");
    if (!objective.matches("OUTCOME_[A-Z_]+")) {
      throw new IllegalArgumentException("objective must be an OUTCOME_* objective; got " + objective);
    }
    Objects.requireNonNull(status, "status");
    if (!status.allowedOnCreate()) {
      throw new IllegalArgumentException("a campaign is created ACTIVE or PAUSED, not " + status);
    }
    specialAdCategories = List.copyOf(specialAdCategories == null ? List.of() : specialAdCategories);
  }
}
