package com.aigency.shared.store;

import com.aigency.shared.domain.Conversation;
import com.aigency.shared.domain.Message;
import com.aigency.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Conversations (partition {@code T#t#P#p}, sort {@code CONV#id}) and their messages (partition
 * {@code T#t#P#p#C#conversation}, sort {@code MSG#id}, ids time-ordered). Tenant first, always.
 */
public final class ConversationStore {
  private static final String CONV_PREFIX = "CONV#";
  private static final String MSG_PREFIX = "MSG#";

  private final DynamoDbClient dynamo;
  private final String table;

  public ConversationStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void create(Conversation c) {
    dynamo.putItem(PutItemRequest.builder().tableName(table)
        .item(Items.item(Keys.project(c.tenantId(), c.projectId()), CONV_PREFIX + c.id())
            .s("type", "Conversation")
            .s("id", c.id())
            .s("tenantId", c.tenantId())
            .s("projectId", c.projectId())
            .s("conversationType", c.type().name())
            .s("status", c.status().name())
            .instant("createdAt", c.createdAt())
            .instant("updatedAt", c.updatedAt())
            .build())
        .conditionExpression("attribute_not_exists(PK)")
        .build());
  }

  public Optional<Conversation> find(String tenantId, String projectId, String conversationId) {
    var response = dynamo.getItem(GetItemRequest.builder().tableName(table)
        .key(Items.key(Keys.project(tenantId, projectId), CONV_PREFIX + conversationId)).consistentRead(true).build());
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(toConversation(response.item())) : Optional.empty();
  }

  /** The project's newest conversation of this type that is still ACTIVE. */
  public Optional<Conversation> findActive(String tenantId, String projectId, Conversation.Type type) {
    List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder().tableName(table)
            .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
            .expressionAttributeValues(Map.of(
                ":pk", AttributeValue.fromS(Keys.project(tenantId, projectId)),
                ":prefix", AttributeValue.fromS(CONV_PREFIX)))
            .scanIndexForward(false)
            .consistentRead(true)
            .build())
        .items();
    return items.stream().map(ConversationStore::toConversation)
        .filter(c -> c.type() == type && c.status() == Conversation.Status.ACTIVE)
        .findFirst();
  }

  public void setStatus(String tenantId, String projectId, String conversationId, Conversation.Status status, Instant now) {
    dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
        .key(Items.key(Keys.project(tenantId, projectId), CONV_PREFIX + conversationId))
        .updateExpression("SET #status = :status, updatedAt = :now")
        .conditionExpression("attribute_exists(PK)")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status.name()), ":now", AttributeValue.fromS(now.toString())))
        .build());
  }

  public void add(String tenantId, String projectId, Message m) {
    dynamo.putItem(PutItemRequest.builder().tableName(table)
        .item(Items.item(Keys.conversation(tenantId, projectId, m.conversationId()), MSG_PREFIX + m.id())
            .s("type", "Message")
            .s("id", m.id())
            .s("conversationId", m.conversationId())
            .s("author", m.author().name())
            .s("messageType", m.type().name())
            .s("content", m.content())
            .s("metadata", m.metadata() == null ? null : Json.write(m.metadata()))
            .instant("createdAt", m.createdAt())
            .build())
        .conditionExpression("attribute_not_exists(PK)")
        .build());
  }

  /** Oldest first, paginated: the chat as a reader scrolls it. */
  public Page<Message> messages(String tenantId, String projectId, String conversationId, PageRequest page) {
    String partition = Keys.conversation(tenantId, projectId, conversationId);
    var query = QueryRequest.builder().tableName(table)
        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition), ":prefix", AttributeValue.fromS(MSG_PREFIX)))
        .consistentRead(true);
    return PageTokens.query(dynamo, query, page, PageTokens.ListKey.table(partition, MSG_PREFIX)).map(ConversationStore::toMessage);
  }

  /** The last {@code count} messages, oldest first: the bounded context an agent sees. */
  public List<Message> last(String tenantId, String projectId, String conversationId, int count) {
    List<Message> newestFirst = new ArrayList<>(dynamo.query(QueryRequest.builder().tableName(table)
            .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
            .expressionAttributeValues(Map.of(
                ":pk", AttributeValue.fromS(Keys.conversation(tenantId, projectId, conversationId)),
                ":prefix", AttributeValue.fromS(MSG_PREFIX)))
            .scanIndexForward(false)
            .consistentRead(true)
            .limit(count)
            .build())
        .items().stream().map(ConversationStore::toMessage).toList());
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  private static Conversation toConversation(Map<String, AttributeValue> item) {
    return new Conversation(Items.s(item, "id"), Items.s(item, "tenantId"), Items.s(item, "projectId"),
        Conversation.Type.valueOf(Items.s(item, "conversationType")), Conversation.Status.valueOf(Items.s(item, "status")),
        Items.instant(item, "createdAt"), Items.instant(item, "updatedAt"));
  }

  private static Message toMessage(Map<String, AttributeValue> item) {
    return new Message(Items.s(item, "id"), Items.s(item, "conversationId"), Message.Author.valueOf(Items.s(item, "author")),
        Message.Type.valueOf(Items.s(item, "messageType")), Items.optS(item, "content").orElse(""),
        Items.optS(item, "metadata").map(Json::read).orElse(null), Items.instant(item, "createdAt"));
  }
}
