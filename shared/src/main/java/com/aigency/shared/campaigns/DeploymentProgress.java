package com.aigency.shared.campaigns;

import java.util.Map;
import java.util.Optional;

/**
 * What a deployment has created at Meta so far, recorded one object at a time before the next is
 * created, so a retried or resumed step finds and reuses it.
 *
 * @param adSets plan ad-set key -> Meta ad set id
 * @param images plan ad key -> Meta image hash
 * @param creatives plan ad key -> Meta creative id
 * @param ads plan ad key -> Meta ad id
 * @param activated true once everything was switched ACTIVE
 */
public record DeploymentProgress(
    Optional<String> adAccountId,
    Optional<String> campaignId,
    Map<String, String> adSets,
    Map<String, String> images,
    Map<String, String> creatives,
    Map<String, String> ads,
    boolean activated) {

  /** The kinds of object a deployment records, in the order it creates them. */
  public enum Step {
    CAMPAIGN("campaign"),
    AD_SETS("adSets"),
    IMAGES("images"),
    CREATIVES("creatives"),
    ADS("ads");

    private final String attribute;

    Step(String attribute) {
      this.attribute = attribute;
    }

    /** Its name inside the stored {@code deployment} map. */
    public String attribute() {
      return attribute;
    }
  }

  public DeploymentProgress {
    adAccountId = adAccountId == null ? Optional.empty() : adAccountId;
    campaignId = campaignId == null ? Optional.empty() : campaignId;
    adSets = adSets == null ? Map.of() : Map.copyOf(adSets);
    images = images == null ? Map.of() : Map.copyOf(images);
    creatives = creatives == null ? Map.of() : Map.copyOf(creatives);
    ads = ads == null ? Map.of() : Map.copyOf(ads);
  }

  public static DeploymentProgress none() {
    return new DeploymentProgress(Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), false);
  }

  /** The ids recorded for a step that keys by plan item (every step but CAMPAIGN). */
  public Map<String, String> recorded(Step step) {
    return switch (step) {
      case CAMPAIGN -> campaignId.map(id -> Map.of("campaign", id)).orElse(Map.of());
      case AD_SETS -> adSets;
      case IMAGES -> images;
      case CREATIVES -> creatives;
      case ADS -> ads;
    };
  }
}
