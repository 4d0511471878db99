package com.aigency.shared.domain;

import java.time.Instant;

/** A chat between a project's users and its agents (SPEC section 3). */
public record Conversation(
    String id, String tenantId, String projectId, Type type, Status status, Instant createdAt, Instant updatedAt) {

  public enum Type {
    ONBOARDING,
    CAMPAIGN,
    AGENT
  }

  public enum Status {
    ACTIVE,
    COMPLETED,
    ARCHIVED
  }
}
