package com.aigency.shared.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * An ad set to create.
 *
 * @param dailyBudget in the ad account's currency; null when the campaign has the budget
 * @param billingEvent e.g. {@code IMPRESSIONS}
 * @param optimizationGoal e.g. {@code LINK_CLICKS}, {@code OFFSITE_CONVERSIONS}
 * @param targeting Meta's targeting spec, at least {@code geo_locations}
 * @param status ACTIVE or PAUSED
 * @param startTime when delivery may start, null for now
 * @param endTime null for no end (required by Meta with a lifetime budget only)
 * @param promotedObject e.g. {@code {"pixel_id": ..., "custom_event_type": "PURCHASE"}}, or null
 */
public record AdSetSpec(
    String campaignId,
    String name,
    Money dailyBudget,
    String billingEvent,
    String optimizationGoal,
    JsonNode targeting,
    MetaStatus status,
    Instant startTime,
    Instant endTime,
    JsonNode promotedObject) {
  public AdSetSpec {
    MetaAds.requireObjectId(campaignId, "campaignId");
    MetaAds.requireName(name);
    requireEnumLike(billingEvent, "billingEvent");
    requireEnumLike(optimizationGoal, "optimizationGoal");
    if (targeting == null || !targeting.isObject()) {
      throw new IllegalArgumentException("targeting must be a JSON object");
    }
    Objects.requireNonNull(status, "status");
    if (!status.allowedOnCreate()) {
      throw new IllegalArgumentException("an ad set is created ACTIVE or PAUSED, not " + status);
    }
    if (startTime != null && endTime != null && !endTime.isAfter(startTime)) {
      throw new IllegalArgumentException("endTime must be after startTime");
    }
    if (promotedObject != null && !promotedObject.isObject()) {
      throw new IllegalArgumentException("promotedObject must be a JSON object");
    }
  }

  /** The common case: no end time, no promoted object. */
  public AdSetSpec(
      String campaignId,
      String name,
      Money dailyBudget,
      String billingEvent,
      String optimizationGoal,
      JsonNode targeting,
      MetaStatus status,
      Instant startTime) {
    this(campaignId, name, dailyBudget, billingEvent, optimizationGoal, targeting, status, startTime, null, null);
  }

  private static void requireEnumLike(String value, String what) {
    if (value == null || !value.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException(what + " must be a Meta enum value such as IMPRESSIONS; got " + value);
    }
  }
}
