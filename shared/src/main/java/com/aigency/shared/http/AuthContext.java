package com.aigency.shared.http;

import com.aigency.shared.domain.Scope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the authorizer resolved it. The tenant always comes from the credential,
 * never from a request body. Travels as the authorizer's lambda context: a map of strings.
 */
public record AuthContext(
    String tenantId, Set<Scope> scopes, String keyId, Optional<String> operatorTenantId) {

  public AuthContext {
    Objects.requireNonNull(tenantId, "tenantId");
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  public boolean grants(Scope required) {
    return scopes.stream().anyMatch(s -> s.grants(required));
  }

  public Map<String, String> toLambdaContext() {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("tenantId", tenantId);
    context.put(
        "scopes", scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" ")));
    context.put("keyId", keyId);
    context.put("operatorTenantId", operatorTenantId.orElse(""));
    return context;
  }

  /** Reads the context the authorizer returned; anything missing means the route was not authorized. */
  public static Optional<AuthContext> fromLambdaContext(Map<String, ?> context) {
    if (context == null || !(context.get("tenantId") instanceof String tenant) || tenant.isBlank()) {
      return Optional.empty();
    }
    Set<Scope> scopes =
        Arrays.stream(String.valueOf(context.containsKey("scopes") ? context.get("scopes") : "").split(" "))
            .map(Scope::fromWireName)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    Object operator = context.get("operatorTenantId");
    return Optional.of(
        new AuthContext(
            tenant,
            scopes,
            context.get("keyId") instanceof String key ? key : null,
            operator instanceof String op && !op.isBlank() ? Optional.of(op) : Optional.empty()));
  }
}
