package com.aigency.shared.store;

import com.aigency.shared.approvals.Approval;
import com.aigency.shared.approvals.Approval.Status;
import com.aigency.shared.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * Approvals: item {@code T#t / APPROVAL#id}; listed per tenant and status through GSI1
 * {@code T#t#APPROVALS} / {@code <status>#<id>}. A decision is one conditional update from PENDING
 * (and before the expiry), so a task token is redeemed at most once.
 */
public final class ApprovalStore {
  private static final String PREFIX = "APPROVAL#";

  private final DynamoDbClient dynamo;
  private final String table;

  public ApprovalStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static String listPartition(String tenantId) {
    return Keys.tenant(tenantId) + "#APPROVALS";
  }

  public void create(Approval a) {
    dynamo.putItem(PutItemRequest.builder().tableName(table)
        .item(Items.item(Keys.tenant(a.tenantId()), PREFIX + a.id())
            .s("type", "Approval")
            .s("id", a.id())
            .s("tenantId", a.tenantId())
            .s("projectId", a.projectId())
            .s("campaignId", a.campaignId())
            .n("round", a.round())
            .s("what", a.what())
            .s("why", a.why())
            .s("projectedImpact", a.projectedImpact() == null ? null : Json.write(a.projectedImpact()))
            .s("taskToken", a.taskToken())
            .s("status", a.status().name())
            .instant("createdAt", a.createdAt())
            .instant("expiresAt", a.expiresAt())
            .s(Keys.GSI1PK, listPartition(a.tenantId()))
            .s(Keys.GSI1SK, a.status().name() + "#" + a.id())
            .build())
        .conditionExpression("attribute_not_exists(PK)")
        .build());
  }

  public Optional<Approval> find(String tenantId, String id) {
    var response = dynamo.getItem(GetItemRequest.builder().tableName(table)
        .key(Items.key(Keys.tenant(tenantId), PREFIX + id)).consistentRead(true).build());
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(toApproval(response.item())) : Optional.empty();
  }

  /** A tenant's approvals in {@code status}, newest first. */
  public Page<Approval> list(String tenantId, Status status, PageRequest page) {
    String partition = listPartition(tenantId);
    String prefix = status.name() + "#";
    var query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition), ":prefix", AttributeValue.fromS(prefix)))
        .scanIndexForward(false);
    return PageTokens.query(dynamo, query, page, new PageTokens.ListKey(Keys.GSI1PK, partition, Keys.GSI1SK, prefix))
        .map(ApprovalStore::toApproval);
  }

  /**
   * Decides a PENDING approval that has not expired at {@code now}; false (nothing changed) when it
   * is no longer PENDING or has expired.
   */
  public boolean decide(String tenantId, String id, Status to, String decidedBy, Optional<String> feedback, Instant now) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":pending", AttributeValue.fromS(Status.PENDING.name()));
    values.put(":to", AttributeValue.fromS(to.name()));
    values.put(":by", AttributeValue.fromS(decidedBy));
    values.put(":now", AttributeValue.fromS(now.toString()));
    values.put(":sk", AttributeValue.fromS(to.name() + "#" + id));
    String update = "SET #status = :to, decidedBy = :by, decidedAt = :now, GSI1SK = :sk";
    if (feedback.isPresent()) {
      values.put(":feedback", AttributeValue.fromS(feedback.get()));
      update += ", feedback = :feedback";
    }
    try {
      dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
          .key(Items.key(Keys.tenant(tenantId), PREFIX + id))
          .conditionExpression("#status = :pending AND expiresAt > :now")
          .updateExpression(update)
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(values)
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Marks an approval EXPIRED because its workflow stopped waiting: only if still PENDING, or with
   * {@code evenIfDecided} also a decision that could not be delivered. False when nothing changed.
   */
  public boolean expire(String tenantId, String id, Instant now, boolean evenIfDecided) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":expired", AttributeValue.fromS(Status.EXPIRED.name()));
    values.put(":now", AttributeValue.fromS(now.toString()));
    values.put(":sk", AttributeValue.fromS(Status.EXPIRED.name() + "#" + id));
    if (!evenIfDecided) {
      values.put(":pending", AttributeValue.fromS(Status.PENDING.name()));
    }
    try {
      dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
          .key(Items.key(Keys.tenant(tenantId), PREFIX + id))
          .conditionExpression(evenIfDecided ? "attribute_exists(PK)" : "#status = :pending")
          .updateExpression("SET #status = :expired, decidedAt = :now, GSI1SK = :sk")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(values)
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Approval toApproval(Map<String, AttributeValue> item) {
    return new Approval(
        Items.s(item, "id"),
        Items.s(item, "tenantId"),
        Items.s(item, "projectId"),
        Items.s(item, "campaignId"),
        (int) Items.n(item, "round"),
        Items.optS(item, "what").orElse(""),
        Items.optS(item, "why").orElse(""),
        Items.optS(item, "projectedImpact").map(Json::read).orElse(null),
        Items.s(item, "taskToken"),
        Status.valueOf(Items.s(item, "status")),
        Items.instant(item, "createdAt"),
        Items.instant(item, "expiresAt"),
        Items.optS(item, "decidedBy"),
        Items.optS(item, "decidedAt").map(Instant::parse),
        Items.optS(item, "feedback"));
  }
}
