package com.aigency.shared.store;

import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.Project;
import com.aigency.shared.domain.ProjectBrief;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Projects (partition {@code T#tenant}, sort {@code PROJECT#id}) and their briefs (partition {@code
 * T#tenant#P#project}, sort {@code BRIEF}). Every method takes the tenant id first and builds keys
 * from it; there is no way to address a project without its tenant.
 */
public final class ProjectStore {
  private static final String PROJECT_PREFIX = "PROJECT#";
  private static final String BRIEF_SK = "BRIEF";

  private final DynamoDbClient dynamo;
  private final String table;

  public ProjectStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void create(Project project) {
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(table)
            .item(
                Items.item(Keys.tenant(project.tenantId()), PROJECT_PREFIX + project.id())
                    .s("type", "Project")
                    .s("id", project.id())
                    .s("tenantId", project.tenantId())
                    .s("name", project.name())
                    .s("description", project.description())
                    .bool("hasBrief", project.hasBrief())
                    .instant("createdAt", project.createdAt())
                    .instant("updatedAt", project.updatedAt())
                    .build())
            .conditionExpression("attribute_not_exists(PK)")
            .build());
  }

  public Optional<Project> find(String tenantId, String projectId) {
    var response =
        dynamo.getItem(
            GetItemRequest.builder()
                .tableName(table)
                .key(Items.key(Keys.tenant(tenantId), PROJECT_PREFIX + projectId))
                .consistentRead(true)
                .build());
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(toProject(response.item()))
        : Optional.empty();
  }

  /** Newest first. */
  public Page<Project> list(String tenantId, PageRequest page) {
    String partition = Keys.tenant(tenantId);
    var query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
            .expressionAttributeValues(
                Map.of(
                    ":pk", AttributeValue.fromS(partition),
                    ":prefix", AttributeValue.fromS(PROJECT_PREFIX)))
            .scanIndexForward(false);
    return PageTokens.query(dynamo, query, page, PageTokens.ListKey.table(partition, PROJECT_PREFIX)).map(ProjectStore::toProject);
  }

  public Optional<ProjectBrief> findBrief(String tenantId, String projectId) {
    var response =
        dynamo.getItem(
            GetItemRequest.builder()
                .tableName(table)
                .key(Items.key(Keys.project(tenantId, projectId), BRIEF_SK))
                .consistentRead(true)
                .build());
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(toBrief(response.item()))
        : Optional.empty();
  }

  /**
   * Saves the brief and marks the project in one transaction, only if the project exists in this
   * tenant. Returns false (and writes nothing) when it does not.
   */
  public boolean saveBrief(String tenantId, String projectId, ProjectBrief brief) {
    Map<String, AttributeValue> projectKey =
        Items.key(Keys.tenant(tenantId), PROJECT_PREFIX + projectId);
    var put =
        Put.builder()
            .tableName(table)
            .item(
                Items.item(Keys.project(tenantId, projectId), BRIEF_SK)
                    .s("type", "ProjectBrief")
                    .s("tenantId", tenantId)
                    .s("projectId", projectId)
                    .s("businessDescription", brief.businessDescription())
                    .s("product", brief.product())
                    .s("targetAudience", brief.targetAudience())
                    .s("goal", brief.goal().name())
                    .n("monthlyBudget", brief.monthlyBudget())
                    .s("currency", brief.currency())
                    .s("location", brief.location())
                    .s("uniqueSellingPoint", brief.uniqueSellingPoint())
                    .s("websiteUrl", brief.websiteUrl())
                    .instant("updatedAt", brief.updatedAt())
                    .build())
            .build();
    var markProject =
        Update.builder()
            .tableName(table)
            .key(projectKey)
            .updateExpression("SET hasBrief = :true, updatedAt = :now")
            .conditionExpression("attribute_exists(PK)")
            .expressionAttributeValues(
                Map.of(
                    ":true", AttributeValue.fromBool(true),
                    ":now", AttributeValue.fromS(brief.updatedAt().toString())))
            .build();
    try {
      dynamo.transactWriteItems(
          TransactWriteItemsRequest.builder()
              .transactItems(
                  TransactWriteItem.builder().update(markProject).build(),
                  TransactWriteItem.builder().put(put).build())
              .build());
      return true;
    } catch (TransactionCanceledException e) {
      if (e.hasCancellationReasons()
          && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
        return false;
      }
      throw e;
    }
  }

  private static Project toProject(Map<String, AttributeValue> item) {
    return new Project(
        Items.s(item, "id"),
        Items.s(item, "tenantId"),
        Items.s(item, "name"),
        Items.optS(item, "description").orElse(null),
        Items.bool(item, "hasBrief"),
        Items.instant(item, "createdAt"),
        Items.instant(item, "updatedAt"));
  }

  private static ProjectBrief toBrief(Map<String, AttributeValue> item) {
    return new ProjectBrief(
        Items.s(item, "businessDescription"),
        Items.s(item, "product"),
        Items.s(item, "targetAudience"),
        Goal.valueOf(Items.s(item, "goal")),
        Items.n(item, "monthlyBudget"),
        Items.s(item, "currency"),
        Items.s(item, "location"),
        Items.optS(item, "uniqueSellingPoint").orElse(null),
        Items.optS(item, "websiteUrl").orElse(null),
        Items.instant(item, "updatedAt"));
  }
}
