package com.aigency.shared.store;

import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.CampaignRecord.Status;
import com.aigency.shared.campaigns.DeploymentProgress;
import com.aigency.shared.campaigns.DeploymentProgress.Step;
import com.aigency.shared.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Campaign records: item {@code T#t / CAMPAIGN#id} (found by id within the tenant), listed per
 * project through GSI1 {@code T#t#P#p#CAMPAIGNS}. Deployment progress is a map attribute
 * ({@code deployment.adSets.s1 = <meta id>}) updated one object at a time, and only while the
 * campaign is DEPLOYING; status changes are conditional on the status they leave.
 */
public final class CampaignStore {
  private static final String PREFIX = "CAMPAIGN#";

  private final DynamoDbClient dynamo;
  private final String table;

  public CampaignStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static String projectList(String tenantId, String projectId) {
    return Keys.project(tenantId, projectId) + "#CAMPAIGNS";
  }

  public void create(CampaignRecord c) {
    Map<String, AttributeValue> item = new HashMap<>(Items.item(Keys.tenant(c.tenantId()), PREFIX + c.id())
        .s("type", "Campaign")
        .s("id", c.id())
        .s("tenantId", c.tenantId())
        .s("projectId", c.projectId())
        .s("status", c.status().name())
        .s("plan", c.plan() == null ? null : Json.write(c.plan()))
        .n("planRound", c.planRound())
        .s("approvalId", c.approvalId().orElse(null))
        .s("executionArn", c.executionArn().orElse(null))
        .s("failure", c.failure().orElse(null))
        .instant("createdAt", c.createdAt())
        .instant("updatedAt", c.updatedAt())
        .s(Keys.GSI1PK, projectList(c.tenantId(), c.projectId()))
        .s(Keys.GSI1SK, PREFIX + c.id())
        .build());
    item.put("deployment", deploymentMap(c.deployment()));
    dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
        .conditionExpression("attribute_not_exists(PK)").build());
  }

  public Optional<CampaignRecord> find(String tenantId, String campaignId) {
    var response = dynamo.getItem(GetItemRequest.builder().tableName(table)
        .key(Items.key(Keys.tenant(tenantId), PREFIX + campaignId)).consistentRead(true).build());
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(toRecord(response.item())) : Optional.empty();
  }

  /** A project's campaigns, newest first. */
  public Page<CampaignRecord> listForProject(String tenantId, String projectId, PageRequest page) {
    String partition = projectList(tenantId, projectId);
    var query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
        .keyConditionExpression("GSI1PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
        .scanIndexForward(false);
    return PageTokens.query(dynamo, query, page, new PageTokens.ListKey(Keys.GSI1PK, partition, Keys.GSI1SK, PREFIX))
        .map(CampaignStore::toRecord);
  }

  /**
   * Moves the campaign to {@code to} if it is in one of {@code from}; false (and nothing changed)
   * otherwise. {@code set} adds attributes to set in the same write (plan, approvalId, ...).
   */
  public boolean transition(String tenantId, String campaignId, Set<Status> from, Status to, Instant now,
      Map<String, AttributeValue> set) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    names.put("#status", "status");
    values.put(":to", AttributeValue.fromS(to.name()));
    values.put(":now", AttributeValue.fromS(now.toString()));
    StringBuilder update = new StringBuilder("SET #status = :to, updatedAt = :now");
    int i = 0;
    for (var e : set.entrySet()) {
      names.put("#a" + i, e.getKey());
      values.put(":a" + i, e.getValue());
      update.append(", #a").append(i).append(" = :a").append(i);
      i++;
    }
    List<String> fromKeys = new java.util.ArrayList<>();
    int j = 0;
    for (Status s : from) {
      values.put(":f" + j, AttributeValue.fromS(s.name()));
      fromKeys.add(":f" + j++);
    }
    try {
      dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
          .key(Items.key(Keys.tenant(tenantId), PREFIX + campaignId))
          .conditionExpression("attribute_exists(PK) AND #status IN (" + String.join(", ", fromKeys) + ")")
          .updateExpression(update.toString())
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Records the launch workflow's execution (whatever the status is by then). */
  public void recordExecution(String tenantId, String campaignId, String executionArn) {
    dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
        .key(Items.key(Keys.tenant(tenantId), PREFIX + campaignId))
        .conditionExpression("attribute_exists(PK)")
        .updateExpression("SET executionArn = :arn")
        .expressionAttributeValues(Map.of(":arn", AttributeValue.fromS(executionArn)))
        .build());
  }

  /** Attribute values for {@link #transition}'s {@code set}. */
  public static Map<String, AttributeValue> attributes(Object... nameValuePairs) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (int k = 0; k < nameValuePairs.length; k += 2) {
      Object v = nameValuePairs[k + 1];
      out.put((String) nameValuePairs[k], switch (v) {
        case CampaignPlan p -> AttributeValue.fromS(Json.write(p));
        case Integer n -> AttributeValue.fromN(n.toString());
        default -> AttributeValue.fromS(String.valueOf(v));
      });
    }
    return out;
  }

  /**
   * Records a Meta id the deployment created, before it creates the next object. Only while
   * DEPLOYING; false otherwise. Recording the same key again overwrites it with the same id.
   */
  public boolean recordDeployed(String tenantId, String campaignId, Step step, String key, String metaId, Instant now) {
    String path = step == Step.CAMPAIGN ? "deployment.campaign" : "deployment.#step.#key";
    Map<String, String> names = new LinkedHashMap<>();
    names.put("#status", "status");
    if (step != Step.CAMPAIGN) {
      names.put("#step", step.attribute());
      names.put("#key", key);
    }
    return deploymentUpdate(tenantId, campaignId, "SET " + path + " = :id, updatedAt = :now", names,
        Map.of(":id", AttributeValue.fromS(metaId), ":now", AttributeValue.fromS(now.toString())));
  }

  /** The ad account this deployment builds in, fixed at its start. */
  public boolean recordAdAccount(String tenantId, String campaignId, String adAccountId, Instant now) {
    return deploymentUpdate(tenantId, campaignId, "SET deployment.adAccount = :id, updatedAt = :now",
        Map.of("#status", "status"),
        Map.of(":id", AttributeValue.fromS(adAccountId), ":now", AttributeValue.fromS(now.toString())));
  }

  public boolean recordActivated(String tenantId, String campaignId, Instant now) {
    return deploymentUpdate(tenantId, campaignId, "SET deployment.activated = :t, updatedAt = :now",
        Map.of("#status", "status"),
        Map.of(":t", AttributeValue.fromBool(true), ":now", AttributeValue.fromS(now.toString())));
  }

  private boolean deploymentUpdate(String tenantId, String campaignId, String update, Map<String, String> names,
      Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new LinkedHashMap<>(values);
    all.put(":deploying", AttributeValue.fromS(Status.DEPLOYING.name()));
    try {
      dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
          .key(Items.key(Keys.tenant(tenantId), PREFIX + campaignId))
          .conditionExpression("#status = :deploying")
          .updateExpression(update)
          .expressionAttributeNames(names)
          .expressionAttributeValues(all)
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static AttributeValue deploymentMap(DeploymentProgress d) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    d.adAccountId().ifPresent(a -> m.put("adAccount", AttributeValue.fromS(a)));
    d.campaignId().ifPresent(c -> m.put("campaign", AttributeValue.fromS(c)));
    for (Step step : List.of(Step.AD_SETS, Step.IMAGES, Step.CREATIVES, Step.ADS)) {
      m.put(step.attribute(), AttributeValue.fromM(d.recorded(step).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue())))));
    }
    m.put("activated", AttributeValue.fromBool(d.activated()));
    return AttributeValue.fromM(m);
  }

  private static DeploymentProgress toDeployment(AttributeValue value) {
    if (value == null || !value.hasM()) {
      return DeploymentProgress.none();
    }
    Map<String, AttributeValue> m = value.m();
    return new DeploymentProgress(
        Optional.ofNullable(m.get("adAccount")).map(AttributeValue::s),
        Optional.ofNullable(m.get("campaign")).map(AttributeValue::s),
        ids(m.get("adSets")), ids(m.get("images")), ids(m.get("creatives")), ids(m.get("ads")),
        m.containsKey("activated") && Boolean.TRUE.equals(m.get("activated").bool()));
  }

  private static Map<String, String> ids(AttributeValue value) {
    if (value == null || !value.hasM()) {
      return Map.of();
    }
    return value.m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()));
  }

  private static CampaignRecord toRecord(Map<String, AttributeValue> item) {
    return new CampaignRecord(
        Items.s(item, "id"),
        Items.s(item, "tenantId"),
        Items.s(item, "projectId"),
        Status.valueOf(Items.s(item, "status")),
        Items.optS(item, "plan").map(p -> Json.read(p, CampaignPlan.class)).orElse(null),
        (int) Items.n(item, "planRound"),
        Items.optS(item, "approvalId"),
        Items.optS(item, "executionArn"),
        toDeployment(item.get("deployment")),
        Items.optS(item, "failure"),
        Items.instant(item, "createdAt"),
        Items.instant(item, "updatedAt"));
  }
}
