package com.aigency.shared.domain;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. */
public enum Scope {
  /** Tenant administration; implies {@link #APP}. */
  ADMIN,
  /** The product API a frontend uses on behalf of the tenant's users. */
  APP,
  /** Signed webhook intake only. */
  WEBHOOK,
  /** Agency operator: may act for a client tenant named by {@code X-Client-Id}. */
  OPERATOR;

  public String wireName() {
    return name().toLowerCase();
  }

  public static Optional<Scope> fromWireName(String value) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
  }

  /** True when a key holding this scope may call a route that requires {@code required}. */
  public boolean grants(Scope required) {
    return this == required || (this == ADMIN && required == APP);
  }
}
