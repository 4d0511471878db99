package com.aigency.shared.store;

import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.domain.FacebookConnection.AdAccountChoice;
import com.aigency.shared.json.Json;
import com.aigency.shared.vault.SealedToken;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A project's Meta connection: item {@code T#t#P#p / FBCONN}. While it is not INVALID and its
 * token has an expiry, it is also in GSI1 under {@code FBCONN#EXPIRY}, sorted by the zero-padded
 * expiry epoch second, so the daily token check reads only the connections about to expire.
 */
public final class FacebookConnectionStore {
  static final String SORT_KEY = "FBCONN";
  static final String EXPIRY_INDEX_PARTITION = "FBCONN#EXPIRY";
  private static final TypeReference<List<AdAccountChoice>> ACCOUNTS = new TypeReference<>() {};

  private final DynamoDbClient dynamo;
  private final String table;

  public FacebookConnectionStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** A connection due for the token check: where it is, and when its token expires. */
  public record ExpiryEntry(String tenantId, String projectId, Instant expiresAt) {}

  /** Stores it, replacing the project's previous connection (a reconnect starts afresh). */
  public void save(FacebookConnection c) {
    var item = Items.item(Keys.project(c.tenantId(), c.projectId()), SORT_KEY)
        .s("type", "FacebookConnection")
        .s("tenantId", c.tenantId())
        .s("projectId", c.projectId())
        .s("userId", c.userId())
        .s("fbUserId", c.fbUserId())
        .s("fbUserName", c.fbUserName())
        .s("token", Json.write(c.token()))
        .instant("tokenExpiresAt", c.tokenExpiresAt().orElse(null))
        .s("status", c.status().name())
        .s("statusReason", c.statusReason().orElse(null))
        .s("adAccounts", Json.write(c.adAccounts()))
        .s("adAccountId", c.adAccountId().orElse(null))
        .instant("connectedAt", c.connectedAt())
        .instant("updatedAt", c.updatedAt());
    if (c.status() != FacebookConnection.Status.INVALID && c.tokenExpiresAt().isPresent()) {
      item.s(Keys.GSI1PK, EXPIRY_INDEX_PARTITION).s(Keys.GSI1SK, expirySortKey(c));
    }
    dynamo.putItem(PutItemRequest.builder().tableName(table).item(item.build()).build());
  }

  public Optional<FacebookConnection> find(String tenantId, String projectId) {
    var response = dynamo.getItem(GetItemRequest.builder().tableName(table)
        .key(Items.key(Keys.project(tenantId, projectId), SORT_KEY)).consistentRead(true).build());
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(toConnection(response.item())) : Optional.empty();
  }

  /** Selects one of the connection's ad accounts; false when there is no connection. */
  public boolean selectAdAccount(String tenantId, String projectId, String adAccountId, Instant now) {
    return update(tenantId, projectId, "SET adAccountId = :a, updatedAt = :now",
        Map.of(":a", AttributeValue.fromS(adAccountId), ":now", AttributeValue.fromS(now.toString())), Map.of());
  }

  /**
   * Moves it to {@code status}. INVALID leaves the expiry index (nothing left to check); false
   * when there is no connection.
   */
  public boolean setStatus(String tenantId, String projectId, FacebookConnection.Status status, String reason, Instant now) {
    String remove = status == FacebookConnection.Status.INVALID ? " REMOVE GSI1PK, GSI1SK" : "";
    return update(tenantId, projectId, "SET #status = :s, statusReason = :r, updatedAt = :now" + remove,
        Map.of(":s", AttributeValue.fromS(status.name()), ":r", AttributeValue.fromS(reason),
            ":now", AttributeValue.fromS(now.toString())),
        Map.of("#status", "status"));
  }

  /** Connections not INVALID whose token expires before {@code before}, soonest first. */
  public Page<ExpiryEntry> expiringBefore(Instant before, PageRequest page) {
    var query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("GSI1PK = :pk AND GSI1SK < :before")
        .expressionAttributeValues(Map.of(
            ":pk", AttributeValue.fromS(EXPIRY_INDEX_PARTITION),
            ":before", AttributeValue.fromS(epochKey(before))));
    return PageTokens.query(dynamo, query, page,
            new PageTokens.ListKey(Keys.GSI1PK, EXPIRY_INDEX_PARTITION, Keys.GSI1SK, ""))
        .map(item -> new ExpiryEntry(Items.s(item, "tenantId"), Items.s(item, "projectId"), Items.instant(item, "tokenExpiresAt")));
  }

  private boolean update(String tenantId, String projectId, String expression,
      Map<String, AttributeValue> values, Map<String, String> names) {
    var request = UpdateItemRequest.builder().tableName(table)
        .key(Items.key(Keys.project(tenantId, projectId), SORT_KEY))
        .conditionExpression("attribute_exists(PK)")
        .updateExpression(expression)
        .expressionAttributeValues(values);
    if (!names.isEmpty()) {
      request.expressionAttributeNames(names);
    }
    try {
      dynamo.updateItem(request.build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static String expirySortKey(FacebookConnection c) {
    return epochKey(c.tokenExpiresAt().orElseThrow()) + "#" + c.tenantId() + "#" + c.projectId();
  }

  private static String epochKey(Instant at) {
    return String.format("%012d", Math.max(0, at.getEpochSecond()));
  }

  private static FacebookConnection toConnection(Map<String, AttributeValue> item) {
    List<AdAccountChoice> accounts = new ArrayList<>(
        Items.optS(item, "adAccounts").map(s -> Json.read(s, ACCOUNTS)).orElse(List.of()));
    return new FacebookConnection(
        Items.s(item, "tenantId"),
        Items.s(item, "projectId"),
        Items.s(item, "userId"),
        Items.optS(item, "fbUserId").orElse(""),
        Items.optS(item, "fbUserName").orElse(""),
        Json.read(Items.s(item, "token"), SealedToken.class),
        Items.optS(item, "tokenExpiresAt").map(Instant::parse),
        FacebookConnection.Status.valueOf(Items.s(item, "status")),
        Items.optS(item, "statusReason"),
        accounts,
        Items.optS(item, "adAccountId"),
        Items.instant(item, "connectedAt"),
        Items.instant(item, "updatedAt"));
  }
}
