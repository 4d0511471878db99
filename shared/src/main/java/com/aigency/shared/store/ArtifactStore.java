package com.aigency.shared.store;

import com.aigency.shared.domain.Artifact;
import com.aigency.shared.json.Json;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A project's artifacts (partition {@code T#t#P#p}, sort {@code ARTIFACT#<type>#<id>}, so one
 * query per type lists them newest first). Content is stored inline; large content moving to S3
 * comes with the right panel.
 */
public final class ArtifactStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public ArtifactStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void save(Artifact a) {
    dynamo.putItem(PutItemRequest.builder().tableName(table)
        .item(Items.item(Keys.project(a.tenantId(), a.projectId()), "ARTIFACT#" + a.type().name() + "#" + a.id())
            .s("type", "Artifact")
            .s("id", a.id())
            .s("artifactType", a.type().name())
            .s("title", a.title())
            .s("content", Json.write(a.content()))
            .instant("createdAt", a.createdAt())
            .build())
        .conditionExpression("attribute_not_exists(PK)")
        .build());
  }

  /** A project's artifacts of one type, newest first (ids are time-ordered). */
  public Page<Artifact> list(String tenantId, String projectId, Artifact.Type type, PageRequest page) {
    String partition = Keys.project(tenantId, projectId);
    String prefix = "ARTIFACT#" + type.name() + "#";
    var query = QueryRequest.builder().tableName(table)
        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition), ":prefix", AttributeValue.fromS(prefix)))
        .scanIndexForward(false)
        .consistentRead(true);
    return PageTokens.query(dynamo, query, page, PageTokens.ListKey.table(partition, prefix))
        .map(item -> toArtifact(tenantId, projectId, item));
  }

  private static Artifact toArtifact(String tenantId, String projectId, Map<String, AttributeValue> item) {
    return new Artifact(Items.s(item, "id"), tenantId, projectId, Artifact.Type.valueOf(Items.s(item, "artifactType")),
        Items.optS(item, "title").orElse(""), Items.optS(item, "content").map(Json::read).orElse(null),
        Items.instant(item, "createdAt"));
  }
}
