package com.aigency.shared.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Idempotency keys a client sends ({@code Idempotency-Key}): item {@code T#t / IDEMP#<scope>#<sha256>}
 * holding what the first request created, kept for {@link #RETENTION} (DynamoDB TTL). The key is
 * stored hashed, scoped to the tenant and the operation.
 */
public final class IdempotencyStore {
  public static final Duration RETENTION = Duration.ofHours(24);

  private final DynamoDbClient dynamo;
  private final String table;

  public IdempotencyStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * Claims {@code key} for {@code value}. Returns empty when this call claimed it, or the value the
   * first claim stored (a repeat of the same request).
   */
  public Optional<String> claim(String tenantId, String scope, String key, String value, Instant now) {
    var item = Items.item(Keys.tenant(tenantId), sortKey(scope, key))
        .s("type", "IdempotencyKey").s("value", value).instant("createdAt", now)
        .n("ttl", now.plus(RETENTION).getEpochSecond()).build();
    try {
      dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
          .conditionExpression("attribute_not_exists(PK)").build());
      return Optional.empty();
    } catch (ConditionalCheckFailedException e) {
      var existing = dynamo.getItem(GetItemRequest.builder().tableName(table)
          .key(Items.key(Keys.tenant(tenantId), sortKey(scope, key))).consistentRead(true).build());
      return Items.optS(existing.item(), "value");
    }
  }

  private static String sortKey(String scope, String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "IDEMP#" + scope + "#" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
