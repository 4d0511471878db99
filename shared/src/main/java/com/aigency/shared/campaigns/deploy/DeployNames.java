package com.aigency.shared.campaigns.deploy;

import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CampaignStructure;

/**
 * The deterministic names of what a deployment creates at Meta. Each ends with a marker naming the
 * Aigency campaign and the plan key ({@code [aig:<campaignId>:s1a1]}), so a step that does not
 * find an id recorded can look the object up by name ({@code MetaAds.findByName}) and adopt it
 * instead of creating a duplicate: this covers a function that died after Meta created the object
 * and before the id was recorded. The readable part comes from the plan, cut so that a name stays
 * well within Meta's limit, and is the same on every run because the plan does not change while a
 * campaign is DEPLOYING.
 */
public final class DeployNames {
  /** The readable part is cut to this many characters; the marker always fits after it. */
  static final int READABLE_MAX = 150;

  private DeployNames() {}

  /** {@code [aig:<campaignId>:<key>]}; the campaign's own key is {@code campaign}. */
  public static String marker(String campaignId, String key) {
    return "[aig:" + campaignId + ":" + key + "]";
  }

  /** What every name of the campaign's objects contains: {@code [aig:<campaignId>:}. */
  public static String markerPrefix(String campaignId) {
    return "[aig:" + campaignId + ":";
  }

  public static String campaign(String campaignId, CampaignStructure structure) {
    return readable(structure.name(), "Campaign") + " " + marker(campaignId, "campaign");
  }

  public static String adSet(String campaignId, AdSetPlan adSet) {
    return readable(adSet.name(), "Ad set " + adSet.key()) + " " + marker(campaignId, adSet.key());
  }

  public static String creative(String campaignId, AdPlan ad) {
    return readable(ad.name(), "Ad " + ad.key()) + " - creative " + marker(campaignId, ad.key() + ":creative");
  }

  public static String ad(String campaignId, AdPlan ad) {
    return readable(ad.name(), "Ad " + ad.key()) + " " + marker(campaignId, ad.key());
  }

  /** The image's name in the ad account's library (images are found again by content, not name). */
  public static String image(String campaignId, AdPlan ad) {
    return "aig-" + campaignId + "-" + ad.key() + ".png";
  }

  /** Control characters and runs of white space collapsed, cut to {@link #READABLE_MAX}. */
  static String readable(String name, String fallback) {
    String s = name == null ? "" : name.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    if (s.isEmpty()) {
      s = fallback;
    }
    if (s.length() > READABLE_MAX) {
      int cut = READABLE_MAX;
      if (Character.isHighSurrogate(s.charAt(cut - 1))) {
        cut--;
      }
      s = s.substring(0, cut).strip();
    }
    return s;
  }
}
