package com.aigency.shared.campaigns;

import java.util.List;

/**
 * What gets built at Meta: one campaign with a campaign-level daily budget (in minor units of
 * {@code currency}, shared by its ad sets), its ad sets and their ads.
 */
public record CampaignStructure(
    String name, Objective objective, long dailyBudget, String currency, List<AdSetPlan> adSets) {
  public CampaignStructure {
    adSets = adSets == null ? List.of() : List.copyOf(adSets);
  }

  public List<AdPlan> ads() {
    return adSets.stream().flatMap(s -> s.ads().stream()).toList();
  }
}
