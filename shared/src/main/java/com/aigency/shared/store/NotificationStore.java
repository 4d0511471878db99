package com.aigency.shared.store;

import com.aigency.shared.domain.Notification;
import com.aigency.shared.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A tenant's notifications: item {@code T#t / NOTIF#id}; the list is GSI1 {@code T#t#NOTIFS}
 * sorted by {@code U#id} while unread and {@code R#id} once read, so one descending query reads
 * unread first, each group newest first (ids are time-ordered). Marking read rewrites GSI1SK.
 */
public final class NotificationStore {
  private static final String PREFIX = "NOTIF#";
  private static final String DEDUPE_PREFIX = "NOTIFKEY#";

  private final DynamoDbClient dynamo;
  private final String table;

  public NotificationStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static String listPartition(String tenantId) {
    return Keys.tenant(tenantId) + "#NOTIFS";
  }

  /**
   * Saves a new notification; with a dedupe key, only if no notification of this tenant was saved
   * under that key before. Returns false when the key had been used.
   */
  public boolean add(Notification n, Optional<String> dedupeKey) {
    Map<String, AttributeValue> item = Items.item(Keys.tenant(n.tenantId()), PREFIX + n.id())
        .s("type", "Notification")
        .s("id", n.id())
        .s("tenantId", n.tenantId())
        .s("projectId", n.projectId().orElse(null))
        .s("kind", n.kind().name())
        .s("title", n.title())
        .s("body", n.body())
        .s("link", n.link() == null ? null : Json.write(n.link()))
        .bool("read", false)
        .instant("createdAt", n.createdAt())
        .s(Keys.GSI1PK, listPartition(n.tenantId()))
        .s(Keys.GSI1SK, "U#" + n.id())
        .build();
    if (dedupeKey.isEmpty()) {
      dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
          .conditionExpression("attribute_not_exists(PK)").build());
      return true;
    }
    Map<String, AttributeValue> marker = Items.item(Keys.tenant(n.tenantId()), DEDUPE_PREFIX + dedupeKey.get())
        .s("type", "NotificationKey").s("notificationId", n.id()).instant("createdAt", n.createdAt()).build();
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
              .conditionExpression("attribute_not_exists(PK)").build()).build(),
          TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
              .conditionExpression("attribute_not_exists(PK)").build()).build()));
      return true;
    } catch (TransactionCanceledException e) {
      if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
        return false;
      }
      throw e;
    }
  }

  public Optional<Notification> find(String tenantId, String id) {
    var response = dynamo.getItem(GetItemRequest.builder().tableName(table)
        .key(Items.key(Keys.tenant(tenantId), PREFIX + id)).consistentRead(true).build());
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(toNotification(response.item())) : Optional.empty();
  }

  /** Unread first, then read; newest first within each. */
  public Page<Notification> list(String tenantId, PageRequest page) {
    String partition = listPartition(tenantId);
    var query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("GSI1PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
        .scanIndexForward(false);
    return PageTokens.query(dynamo, query, page, new PageTokens.ListKey(Keys.GSI1PK, partition, Keys.GSI1SK, ""))
        .map(NotificationStore::toNotification);
  }

  /** Marks it read (idempotent); empty when this tenant has no such notification. */
  public Optional<Notification> markRead(String tenantId, String id, Instant now) {
    try {
      var response = dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
          .key(Items.key(Keys.tenant(tenantId), PREFIX + id))
          .conditionExpression("attribute_exists(PK)")
          .updateExpression("SET #read = :true, readAt = if_not_exists(readAt, :now), GSI1SK = :sk")
          .expressionAttributeNames(Map.of("#read", "read"))
          .expressionAttributeValues(Map.of(
              ":true", AttributeValue.fromBool(true),
              ":now", AttributeValue.fromS(now.toString()),
              ":sk", AttributeValue.fromS("R#" + id)))
          .returnValues(ReturnValue.ALL_NEW)
          .build());
      return Optional.of(toNotification(response.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  private static Notification toNotification(Map<String, AttributeValue> item) {
    return new Notification(
        Items.s(item, "id"),
        Items.s(item, "tenantId"),
        Items.optS(item, "projectId"),
        Notification.Kind.valueOf(Items.s(item, "kind")),
        Items.s(item, "title"),
        Items.optS(item, "body").orElse(""),
        Items.optS(item, "link").map(Json::read).orElse(null),
        Items.bool(item, "read"),
        Items.instant(item, "createdAt"),
        Items.optS(item, "readAt").map(Instant::parse));
  }
}
