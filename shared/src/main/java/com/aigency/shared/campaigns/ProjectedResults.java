package com.aigency.shared.campaigns;

import java.util.List;

/**
 * What the plan can honestly be expected to do in a month: ranges, never single numbers, with the
 * assumptions that produced them. Money in minor units of the plan's currency.
 *
 * @param resultName what a "result" is for this objective (leads, purchases, link clicks, installs)
 */
public record ProjectedResults(
    long monthlySpend,
    long impressionsLow,
    long impressionsHigh,
    long resultsLow,
    long resultsHigh,
    String resultName,
    long costPerResultLow,
    long costPerResultHigh,
    List<String> assumptions) {
  public ProjectedResults {
    assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
  }
}
