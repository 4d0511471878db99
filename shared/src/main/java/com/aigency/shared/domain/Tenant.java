package com.aigency.shared.domain;

import java.time.Instant;

/** An agency client; every other record belongs to exactly one. */
public record Tenant(String id, String name, TenantStatus status, Instant createdAt) {

  public enum TenantStatus {
    ACTIVE,
    SUSPENDED
  }

  public boolean active() {
    return status == TenantStatus.ACTIVE;
  }
}
