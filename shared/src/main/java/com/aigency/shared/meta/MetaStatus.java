package com.aigency.shared.meta;

/** The {@code status} Aigency sets on campaigns, ad sets and ads. */
public enum MetaStatus {
  ACTIVE,
  PAUSED,
  ARCHIVED,
  DELETED;

  /** Meta creates objects only as ACTIVE or PAUSED. */
  public boolean allowedOnCreate() {
    return this == ACTIVE || this == PAUSED;
  }
}
