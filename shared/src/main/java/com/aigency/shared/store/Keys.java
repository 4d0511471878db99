package com.aigency.shared.store;

/**
 * Key design of the single table (docs/data-model.md). Every tenant-owned item lives under a
 * partition that starts with the tenant id, so a lookup built from one tenant's id cannot reach
 * another tenant's items.
 */
public final class Keys {
  public static final String PK = "PK";
  public static final String SK = "SK";
  public static final String GSI1 = "GSI1";
  public static final String GSI1PK = "GSI1PK";
  public static final String GSI1SK = "GSI1SK";

  private Keys() {}

  public static String tenant(String tenantId) {
    return "T#" + tenantId;
  }

  public static String project(String tenantId, String projectId) {
    return "T#" + tenantId + "#P#" + projectId;
  }

  public static String conversation(String tenantId, String projectId, String conversationId) {
    return project(tenantId, projectId) + "#C#" + conversationId;
  }

  public static String apiKey(String keyHash) {
    return "APIKEY#" + keyHash;
  }
}
