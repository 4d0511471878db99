package com.aigency.shared.tenancy;

import com.aigency.shared.domain.ApiKey;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.domain.Tenant;
import com.aigency.shared.http.AuthContext;
import com.aigency.shared.store.TenantStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Creating tenants with their first key, and resolving a presented key to a tenant context. */
public final class TenantService {
  private final TenantStore store;
  private final Clock clock;

  public TenantService(TenantStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The plaintext key exists only in this return value. */
  public record NewTenant(String tenantId, String apiKey, String keyId, Set<Scope> scopes) {}

  public NewTenant createTenant(String name, Set<Scope> scopes) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("Tenant name must be 1 to 100 characters");
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("A key needs at least one scope");
    }
    Tenant tenant =
        new Tenant(Ids.newId("t", clock), name.strip(), Tenant.TenantStatus.ACTIVE, clock.instant());
    store.create(tenant);
    return issueKey(tenant.id(), "initial", scopes);
  }

  public NewTenant issueKey(String tenantId, String keyName, Set<Scope> scopes) {
    String secret = ApiKeySecrets.generate();
    ApiKey key =
        new ApiKey(
            Ids.newId("k", clock),
            tenantId,
            keyName,
            scopes,
            ApiKeySecrets.hash(secret),
            false,
            clock.instant());
    store.addKey(key);
    return new NewTenant(tenantId, secret, key.keyId(), key.scopes());
  }

  /**
   * Resolves a presented key. With {@code clientId} naming another tenant, only an operator key may
   * act for it, and the context records the operator. Anything else resolves to nothing.
   */
  public Optional<AuthContext> authenticate(String presentedKey, Optional<String> clientId) {
    if (!ApiKeySecrets.wellFormed(presentedKey)) {
      return Optional.empty();
    }
    Optional<ApiKey> found =
        store.findKeyByHash(ApiKeySecrets.hash(presentedKey)).filter(k -> !k.revoked());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiKey key = found.get();
    if (store.find(key.tenantId()).filter(Tenant::active).isEmpty()) {
      return Optional.empty();
    }
    String client = clientId.map(String::strip).filter(s -> !s.isEmpty()).orElse(key.tenantId());
    if (client.equals(key.tenantId())) {
      return Optional.of(new AuthContext(key.tenantId(), key.scopes(), key.keyId(), Optional.empty()));
    }
    if (!key.has(Scope.OPERATOR) || !Ids.looksLike("t", client)) {
      return Optional.empty();
    }
    return store
        .find(client)
        .filter(Tenant::active)
        .map(t -> new AuthContext(t.id(), key.scopes(), key.keyId(), Optional.of(key.tenantId())));
  }
}
