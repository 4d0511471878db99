package com.aigency.shared.agents;

import com.aigency.shared.store.Items;
import com.aigency.shared.store.Keys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The kill switch. A pause is an item under the tenant: {@code T#tenant} / {@code AGENTCONTROL#agent}
 * for one agent, {@code AGENTCONTROL#*} for all of them; resume deletes it. An agent runs only when
 * neither item exists, checked with one strongly consistent BatchGetItem of both keys, so a pause
 * stops the very next call.
 */
public final class AgentControlStore implements KillSwitch {
  static final String CONTROL_PREFIX = "AGENTCONTROL#";
  static final String ALL_AGENTS = "*";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public AgentControlStore(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  public void pause(String tenantId, String agent, String note) {
    put(tenantId, AgentNames.require(agent), note);
  }

  public void pauseAll(String tenantId, String note) {
    put(tenantId, ALL_AGENTS, note);
  }

  /** Removes this agent's own pause; a tenant-wide pause, if any, still holds. */
  public void resume(String tenantId, String agent) {
    delete(tenantId, AgentNames.require(agent));
  }

  /** Removes the tenant-wide pause; agents paused one by one stay paused. */
  public void resumeAll(String tenantId) {
    delete(tenantId, ALL_AGENTS);
  }

  public boolean isPaused(String tenantId, String agent) {
    return activePause(tenantId, agent).isPresent();
  }

  @Override
  public Optional<AgentPause> activePause(String tenantId, String agent) {
    String partition = Keys.tenant(tenantId);
    List<Map<String, AttributeValue>> pending =
        new ArrayList<>(
            List.of(
                Items.key(partition, CONTROL_PREFIX + ALL_AGENTS),
                Items.key(partition, CONTROL_PREFIX + AgentNames.require(agent))));
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    // BatchGetItem may hand keys back unprocessed under throttling; ask again until none are left
    while (!pending.isEmpty()) {
      var response =
          dynamo.batchGetItem(
              BatchGetItemRequest.builder()
                  .requestItems(Map.of(table, KeysAndAttributes.builder().keys(pending).consistentRead(true).build()))
                  .build());
      found.addAll(response.responses().getOrDefault(table, List.of()));
      var unprocessed = response.unprocessedKeys().get(table);
      pending = unprocessed == null ? List.of() : new ArrayList<>(unprocessed.keys());
    }
    // the tenant-wide pause is reported first: resuming the single agent would not help
    return found.stream()
        .map(AgentControlStore::toPause)
        .sorted((a, b) -> Boolean.compare(b.allAgents(), a.allAgents()))
        .findFirst();
  }

  private void put(String tenantId, String target, String note) {
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(table)
            .item(
                Items.item(Keys.tenant(tenantId), CONTROL_PREFIX + target)
                    .s("type", "AgentControl")
                    .s("tenantId", tenantId)
                    .s("agent", target)
                    .s("note", note)
                    .instant("pausedAt", clock.instant())
                    .build())
            .build());
  }

  private void delete(String tenantId, String target) {
    dynamo.deleteItem(
        DeleteItemRequest.builder().tableName(table).key(Items.key(Keys.tenant(tenantId), CONTROL_PREFIX + target)).build());
  }

  private static AgentPause toPause(Map<String, AttributeValue> item) {
    String agent = Items.s(item, "agent");
    return new AgentPause(
        Items.s(item, "tenantId"),
        ALL_AGENTS.equals(agent) ? null : agent,
        Items.optS(item, "note").orElse(null),
        Items.instant(item, "pausedAt"));
  }
}
