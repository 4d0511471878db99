package com.aigency.local.agents;

import com.aigency.local.runtime.LocalPorts;
import com.aigency.local.services.DynamoDbLocalServer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local in this JVM for the agent tests, with the AppTable shape of template.yaml. A copy
 * of the minimum of com.aigency.local.store.LocalDynamo, whose helpers are package-private.
 */
final class AgentsDynamo {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static DynamoDbClient client;

  private AgentsDynamo() {}

  static synchronized DynamoDbClient client() {
    if (client == null) {
      DynamoDbLocalServer server;
      try {
        server = DynamoDbLocalServer.start(LocalPorts.freePort(), null);
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not start", e);
      }
      client =
          DynamoDbClient.builder()
              .endpointOverride(URI.create(server.endpoint()))
              .region(Region.US_EAST_1)
              .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
              .httpClient(UrlConnectionHttpClient.create())
              .build();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (Exception ignored) {
          // the JVM is exiting
        }
      }));
    }
    return client;
  }

  /** A new, empty AppTable: PK/SK strings, GSI1 on GSI1PK/GSI1SK projecting everything. */
  static String freshTable() {
    String name = "AgentsTable-" + TABLES.incrementAndGet();
    client()
        .createTable(
            r ->
                r.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(string("PK"), string("SK"), string("GSI1PK"), string("GSI1SK"))
                    .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                    .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                            .indexName("GSI1")
                            .keySchema(key("GSI1PK", KeyType.HASH), key("GSI1SK", KeyType.RANGE))
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build()));
    client().waiter().waitUntilTableExists(r -> r.tableName(name));
    return name;
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
