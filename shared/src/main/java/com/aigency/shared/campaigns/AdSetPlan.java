package com.aigency.shared.campaigns;

import java.util.List;

/**
 * One ad set of a plan.
 *
 * @param key stable within the plan ({@code s1}): names Meta objects and keys deployment progress
 */
public record AdSetPlan(String key, String name, Targeting targeting, List<AdPlan> ads) {
  public AdSetPlan {
    ads = ads == null ? List.of() : List.copyOf(ads);
  }
}
