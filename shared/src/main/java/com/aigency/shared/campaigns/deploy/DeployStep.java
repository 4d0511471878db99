package com.aigency.shared.campaigns.deploy;

import java.util.Locale;

/**
 * The deployment steps, one Step Functions Task each (so an ASL Retry backs off per step), in the
 * order they must run. Every step builds on what the previous ones recorded.
 */
public enum DeployStep {
  /** The campaign, PAUSED, with the plan's daily budget (after checking plan, currency and Page). */
  CAMPAIGN,
  /** One ad set per planned ad set, PAUSED, under the campaign. */
  AD_SETS,
  /** One placeholder image per ad, uploaded to the ad account's image library. */
  IMAGES,
  /** One link-ad creative per ad, as the account's Page, with the ad's copy and image. */
  CREATIVES,
  /** One ad per planned ad, PAUSED, in its ad set with its creative. */
  ADS,
  /** Ads, then ad sets, then the campaign switched ACTIVE; the campaign last. */
  ACTIVATE;

  /** {@code "AD_SETS"}, {@code "ad_sets"}, {@code "adSets"}, {@code "ad-sets"} all name AD_SETS. */
  public static DeployStep parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("step is required: one of CAMPAIGN, AD_SETS, IMAGES, CREATIVES, ADS, ACTIVATE");
    }
    String v = value.trim().replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
    try {
      return valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown step '" + value + "': one of CAMPAIGN, AD_SETS, IMAGES, CREATIVES, ADS, ACTIVATE");
    }
  }
}
