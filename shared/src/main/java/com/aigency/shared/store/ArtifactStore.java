package com.aigency.shared.store;

import com.aigency.shared.aws.Blobs;
import com.aigency.shared.domain.Artifact;
import com.aigency.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A project's artifacts (partition {@code T#t#P#p}, sort {@code ARTIFACT#<type>#<id>}, so one
 * query per type lists them newest first). Content up to {@link #INLINE_LIMIT_BYTES} is stored in
 * the item; larger content goes to the artifact bucket under {@code artifacts/<t>/<p>/<id>.json}
 * and the item keeps its key (a DynamoDB item holds at most 400 KB).
 */
public final class ArtifactStore {
  /** Content JSON larger than this (UTF-8 bytes) is kept in S3. */
  public static final int INLINE_LIMIT_BYTES = 32 * 1024;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Blobs blobs;

  /** Inline content only: saving larger content fails. */
  public ArtifactStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, null);
  }

  public ArtifactStore(DynamoDbClient dynamo, String table, Blobs blobs) {
    this.dynamo = dynamo;
    this.table = table;
    this.blobs = blobs;
  }

  public void save(Artifact a) {
    String json = Json.write(a.content());
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    var item = Items.item(Keys.project(a.tenantId(), a.projectId()), "ARTIFACT#" + a.type().name() + "#" + a.id())
        .s("type", "Artifact")
        .s("id", a.id())
        .s("artifactType", a.type().name())
        .s("title", a.title())
        .n("contentBytes", bytes.length)
        .instant("createdAt", a.createdAt());
    if (bytes.length <= INLINE_LIMIT_BYTES) {
      item.s("content", json);
    } else {
      if (blobs == null) {
        throw new IllegalStateException("Artifact content of " + bytes.length + " bytes needs the artifact bucket");
      }
      String key = "artifacts/" + a.tenantId() + "/" + a.projectId() + "/" + a.id() + ".json";
      blobs.put(key, bytes, "application/json");
      item.s("contentKey", key);
    }
    dynamo.putItem(PutItemRequest.builder().tableName(table).item(item.build())
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

  private Artifact toArtifact(String tenantId, String projectId, Map<String, AttributeValue> item) {
    return new Artifact(Items.s(item, "id"), tenantId, projectId, Artifact.Type.valueOf(Items.s(item, "artifactType")),
        Items.optS(item, "title").orElse(""), content(item), Items.instant(item, "createdAt"));
  }

  private com.fasterxml.jackson.databind.JsonNode content(Map<String, AttributeValue> item) {
    var key = Items.optS(item, "contentKey");
    if (key.isEmpty()) {
      return Items.optS(item, "content").map(Json::read).orElse(null);
    }
    if (blobs == null) {
      throw new IllegalStateException("Artifact " + Items.s(item, "id") + " is kept in the artifact bucket, which is not configured");
    }
    return Json.read(new String(blobs.get(key.get()), StandardCharsets.UTF_8));
  }
}
