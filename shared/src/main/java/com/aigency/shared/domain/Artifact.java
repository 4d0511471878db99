package com.aigency.shared.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Something an agent produced for a project (SPEC section 3); large content lives in S3. */
public record Artifact(
    String id, String tenantId, String projectId, Type type, String title, JsonNode content, Instant createdAt) {

  public enum Type {
    BRIEF,
    AD_COPY,
    CAMPAIGN,
    IMAGE,
    REPORT,
    ACTION,
    CONTENT,
    EMAIL
  }
}
