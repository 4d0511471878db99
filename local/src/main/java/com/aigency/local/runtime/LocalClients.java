package com.aigency.local.runtime;

import com.aigency.local.template.SamTemplate;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.store.TenantStore;
import com.aigency.shared.tenancy.TenantService;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Clients for tools outside the running system (the CLI, the demo, tests) to reach into it. */
public final class LocalClients {
  private LocalClients() {}

  public static DynamoDbClient dynamo(Endpoints endpoints) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(endpoints.dynamodb()))
        .region(Region.of(endpoints.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAccount.ACCESS_KEY, LocalAccount.SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** The table the functions use, as the template names it for the local stack. */
  public static String tableName(Path templateFile, Endpoints endpoints) {
    SamTemplate template = SamTemplate.load(templateFile);
    return new LocalNames(template, new LocalPorts(0, 0, 0, 0, 0, 0), Map.of()).functionEnvironment(endpoints).get("TABLE_NAME");
  }

  /** Tenant administration against a running system's table. */
  public static TenantService tenants(DynamoDbClient dynamo, Path templateFile, Endpoints endpoints) {
    return new TenantService(new TenantStore(dynamo, tableName(templateFile, endpoints)), AppClock.system());
  }
}
