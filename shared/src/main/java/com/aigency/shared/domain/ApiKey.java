package com.aigency.shared.domain;

import java.time.Instant;
import java.util.Set;

/** A stored API key: only the SHA-256 of the secret is kept, never the key itself. */
public record ApiKey(
    String keyId,
    String tenantId,
    String name,
    Set<Scope> scopes,
    String keyHash,
    boolean revoked,
    Instant createdAt) {

  public ApiKey {
    scopes = Set.copyOf(scopes);
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
