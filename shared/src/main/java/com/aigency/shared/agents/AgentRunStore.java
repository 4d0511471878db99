package com.aigency.shared.agents;

import com.aigency.shared.store.Items;
import com.aigency.shared.store.Keys;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.PageTokens;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Agent runs: partition {@code T#tenant}, sort {@code AGENTRUN#runId}; GSI1 {@code
 * T#tenant#AGENT#agent} / {@code AGENTRUN#runId} for one agent's runs. Run ids are time-ordered, so
 * a descending query lists newest first. Every method takes the tenant id first.
 */
public final class AgentRunStore implements RunLog {
  static final String RUN_PREFIX = "AGENTRUN#";

  private final DynamoDbClient dynamo;
  private final String table;

  public AgentRunStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static String agentPartition(String tenantId, String agent) {
    return Keys.tenant(tenantId) + "#AGENT#" + agent;
  }

  @Override
  public void record(AgentRun run) {
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(table)
            .item(
                Items.item(Keys.tenant(run.tenantId()), RUN_PREFIX + run.runId())
                    .s(Keys.GSI1PK, agentPartition(run.tenantId(), run.agent()))
                    .s(Keys.GSI1SK, RUN_PREFIX + run.runId())
                    .s("type", "AgentRun")
                    .s("runId", run.runId())
                    .s("agent", run.agent())
                    .s("command", run.command())
                    .s("tenantId", run.tenantId())
                    .s("projectId", run.projectId())
                    .s("status", run.status().name())
                    .s("model", run.model())
                    .n("inputTokens", run.inputTokens())
                    .n("outputTokens", run.outputTokens())
                    .n("costMicros", run.costMicros())
                    .n("durationMillis", run.durationMillis())
                    .s("inputHash", run.inputHash())
                    .s("error", run.error())
                    .s("reason", run.reason())
                    .bool("offline", run.offline())
                    .instant("createdAt", run.createdAt())
                    .build())
            // a run is written once; a second write of the same id would be a bug, not an update
            .conditionExpression("attribute_not_exists(PK)")
            .build());
  }

  /** A tenant's runs of every agent, newest first. */
  public Page<AgentRun> list(String tenantId, PageRequest page) {
    String partition = Keys.tenant(tenantId);
    var query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
            .expressionAttributeValues(
                Map.of(":pk", AttributeValue.fromS(partition), ":prefix", AttributeValue.fromS(RUN_PREFIX)))
            .scanIndexForward(false);
    return PageTokens.query(dynamo, query, page, PageTokens.ListKey.table(partition, RUN_PREFIX))
        .map(AgentRunStore::toRun);
  }

  /** A tenant's runs of one agent, newest first (GSI1, so eventually consistent). */
  public Page<AgentRun> listByAgent(String tenantId, String agent, PageRequest page) {
    String partition = agentPartition(tenantId, agent);
    var query =
        QueryRequest.builder()
            .tableName(table)
            .indexName(Keys.GSI1)
            .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)")
            .expressionAttributeValues(
                Map.of(":pk", AttributeValue.fromS(partition), ":prefix", AttributeValue.fromS(RUN_PREFIX)))
            .scanIndexForward(false);
    var list = new PageTokens.ListKey(Keys.GSI1PK, partition, Keys.GSI1SK, RUN_PREFIX);
    return PageTokens.query(dynamo, query, page, list).map(AgentRunStore::toRun);
  }

  private static AgentRun toRun(Map<String, AttributeValue> item) {
    return new AgentRun(
        Items.s(item, "runId"),
        Items.s(item, "agent"),
        Items.s(item, "command"),
        Items.s(item, "tenantId"),
        Items.optS(item, "projectId").orElse(null),
        AgentRunStatus.valueOf(Items.s(item, "status")),
        Items.s(item, "model"),
        Items.n(item, "inputTokens"),
        Items.n(item, "outputTokens"),
        Items.n(item, "costMicros"),
        Items.n(item, "durationMillis"),
        Items.s(item, "inputHash"),
        Items.optS(item, "error").orElse(null),
        Items.optS(item, "reason").orElse(null),
        Items.bool(item, "offline"),
        Items.instant(item, "createdAt"));
  }
}
