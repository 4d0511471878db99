package com.aigency.local.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The single table as template.yaml declares AppTable, and raw reads of it for assertions. */
final class TestTables {
  private TestTables() {}

  /** PK/SK strings, GSI1 on GSI1PK/GSI1SK projecting everything, on-demand billing. */
  static void createAppTable(DynamoDbClient dynamo, String name) {
    dynamo.createTable(
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                stringAttribute("PK"), stringAttribute("SK"), stringAttribute("GSI1PK"), stringAttribute("GSI1SK"))
            .keySchema(hash("PK"), range("SK"))
            .globalSecondaryIndexes(
                GlobalSecondaryIndex.builder()
                    .indexName("GSI1")
                    .keySchema(hash("GSI1PK"), range("GSI1SK"))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build())
            .build());
    dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
  }

  /** Every item of the table, in a stable order (PK, then SK), read with a consistent scan. */
  static List<Map<String, AttributeValue>> scanAll(DynamoDbClient dynamo, String table) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      var request = ScanRequest.builder().tableName(table).consistentRead(true);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      var response = dynamo.scan(request.build());
      items.addAll(response.items());
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
    } while (start != null);
    items.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("PK").s()).thenComparing(i -> i.get("SK").s()));
    return items;
  }

  /** Every value held anywhere in an item (names and values, nested ones too), as text. */
  static List<String> allText(Map<String, AttributeValue> item) {
    List<String> out = new ArrayList<>();
    item.forEach(
        (name, value) -> {
          out.add(name);
          collect(value, out);
        });
    return out;
  }

  private static void collect(AttributeValue value, List<String> out) {
    if (value.s() != null) out.add(value.s());
    if (value.n() != null) out.add(value.n());
    if (value.b() != null) out.add(value.b().asUtf8String());
    if (value.hasSs()) out.addAll(value.ss());
    if (value.hasNs()) out.addAll(value.ns());
    if (value.hasBs()) value.bs().stream().map(SdkBytes::asUtf8String).forEach(out::add);
    if (value.hasL()) value.l().forEach(v -> collect(v, out));
    if (value.hasM()) out.addAll(allText(value.m()));
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }
}
