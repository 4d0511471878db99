package com.aigency.shared.store;

import com.aigency.shared.domain.Artifact;
import com.aigency.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

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
}
