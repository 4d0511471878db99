package com.aigency.local.e2e;

import com.aigency.local.runtime.Endpoints;
import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalNames;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.local.template.SamTemplate;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.store.TenantStore;
import com.aigency.shared.tenancy.TenantService;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Creates tenants in a running local system, the way {@code ./aigency tenant create} does. */
final class LocalTenants implements AutoCloseable {
  private final DynamoDbClient dynamo;
  private final TenantService tenants;

  LocalTenants(Endpoints endpoints) {
    dynamo =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(endpoints.dynamodb()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    SamTemplate template = SamTemplate.load(LocalLauncher.repoRoot().resolve("template.yaml"));
    String table = new LocalNames(template, new LocalPorts(0, 0, 0, 0, 0), Map.of()).functionEnvironment(endpoints).get("TABLE_NAME");
    tenants = new TenantService(new TenantStore(dynamo, table), AppClock.system());
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
