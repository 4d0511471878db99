package com.aigency.local.e2e;

import com.aigency.local.runtime.Endpoints;
import com.aigency.local.runtime.LocalClients;
import com.aigency.local.runtime.LocalLauncher;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.tenancy.TenantService;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Creates tenants in a running local system, the way {@code ./aigency tenant create} does. */
final class LocalTenants implements AutoCloseable {
  private final DynamoDbClient dynamo;
  private final TenantService tenants;

  LocalTenants(Endpoints endpoints) {
    dynamo = LocalClients.dynamo(endpoints);
    tenants = LocalClients.tenants(dynamo, LocalLauncher.repoRoot().resolve("template.yaml"), endpoints);
  }

  TenantService.NewTenant create(String name, Scope... scopes) {
    return tenants.createTenant(name, Set.of(scopes));
  }

  DynamoDbClient dynamo() {
    return dynamo;
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
