package com.aigency.local.store;

import com.aigency.local.runtime.LocalPorts;
import com.aigency.local.services.DynamoDbLocalServer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this JVM, in memory, with an SDK client pointed at it. One server serves every
 * test class (started on first use, stopped with the JVM); each test takes a fresh table.
 */
public final class LocalDynamo implements AutoCloseable {
  private static final AtomicInteger TABLES = new AtomicInteger();

  private final DynamoDbLocalServer server;
  public final DynamoDbClient client;

  private LocalDynamo(DynamoDbLocalServer server, DynamoDbClient client) {
    this.server = server;
    this.client = client;
  }

  private static LocalDynamo shared;

  public static synchronized LocalDynamo shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          shared.close();
        } catch (Exception ignored) {
          // the JVM is exiting
        }
      }));
    }
    return shared;
  }

  private static LocalDynamo start() throws Exception {
    DynamoDbLocalServer server = DynamoDbLocalServer.start(LocalPorts.freePort(), null);
    DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(server.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    return new LocalDynamo(server, client);
  }

  /** A new, empty AppTable, so each test sees only what it wrote. */
  public String freshTable() {
    String name = "AppTable-" + TABLES.incrementAndGet();
    TestTables.createAppTable(client, name);
    return name;
  }

  @Override
  public void close() throws Exception {
    client.close();
    server.close();
  }
}
