package com.aigency.shared.meta;

import java.util.List;

/** The ad objects Aigency finds by name under an ad account, with their edge and fields. */
public enum AdObjectType {
  CAMPAIGN("campaigns", List.of("id", "name", "status", "effective_status", "objective", "daily_budget")),
  AD_SET("adsets", List.of("id", "name", "status", "effective_status", "campaign_id", "daily_budget")),
  AD("ads", List.of("id", "name", "status", "effective_status", "campaign_id", "adset_id")),
  /** Ad creatives have no budget, parent or effective status; {@code status} is ACTIVE, DELETED, ... */
  CREATIVE("adcreatives", List.of("id", "name", "status"));

  private final String edge;
  private final List<String> summaryFields;

  AdObjectType(String edge, List<String> summaryFields) {
    this.edge = edge;
    this.summaryFields = summaryFields;
  }

  /** The ad account edge, e.g. {@code campaigns} in {@code /act_123/campaigns}. */
  public String edge() {
    return edge;
  }

  /** Fields requested for an {@link AdObjectSummary}; only fields the node type has. */
  public List<String> summaryFields() {
    return summaryFields;
  }
}
