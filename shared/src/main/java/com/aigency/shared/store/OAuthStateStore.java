package com.aigency.shared.store;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Outstanding OAuth {@code state} values: item {@code T#t / OAUTHSTATE#nonce} with a DynamoDB TTL.
 * Consuming deletes the item under a condition that it exists and names the same user and project,
 * so a state is redeemed at most once, and only for what it was issued for.
 */
public final class OAuthStateStore {
  private static final String PREFIX = "OAUTHSTATE#";

  private final DynamoDbClient dynamo;
  private final String table;

  public OAuthStateStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void put(String tenantId, String nonce, String userId, String projectId, Instant expiresAt) {
    dynamo.putItem(PutItemRequest.builder().tableName(table)
        .item(Items.item(Keys.tenant(tenantId), PREFIX + nonce)
            .s("type", "OAuthState")
            .s("userId", userId)
            .s("projectId", projectId)
            .instant("expiresAt", expiresAt)
            // DynamoDB deletes it within days of this; the signed expiry is what is enforced
            .n("ttl", expiresAt.getEpochSecond())
            .build())
        .conditionExpression("attribute_not_exists(PK)")
        .build());
  }

  /** Deletes the state; false when it was already used, never issued, or issued for something else. */
  public boolean consume(String tenantId, String nonce, String userId, String projectId) {
    try {
      dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
          .key(Items.key(Keys.tenant(tenantId), PREFIX + nonce))
          .conditionExpression("attribute_exists(PK) AND userId = :u AND projectId = :p")
          .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId), ":p", AttributeValue.fromS(projectId)))
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
