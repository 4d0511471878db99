package com.aigency.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.PageTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The generic page reader every list uses, on items DynamoDB cannot return 21 of at once. */
class PageTokensQueryTest {
  private static final String PARTITION = "T#t_01JD3XEXAMPKETENANT0000001";
  private static final String SORT_PREFIX = "ITEM#";
  private static final LocalDynamo dynamo = LocalDynamo.shared();



  private static QueryRequest.Builder query(String table) {
    return QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION)));
  }

  private static List<String> readAll(String table, int limit) {
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Page<Map<String, AttributeValue>> page =
          PageTokens.query(dynamo.client, query(table), new PageRequest(limit, Optional.ofNullable(token)), PageTokens.ListKey.table(PARTITION, SORT_PREFIX));
      page.items().forEach(i -> seen.add(i.get("SK").s()));
      token = page.nextToken();
    } while (token != null && ++pages < 100);
    return seen;
  }

  @Test
  void smallItemsArePagedCompletely() {
    String table = dynamo.freshTable();
    for (int i = 0; i < 25; i++) {
      put(table, "ITEM#%03d".formatted(i), 100);
    }

    assertThat(readAll(table, 10)).hasSize(25).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void itemsBeyondDynamoDbsOneMegabytePageAreNotLost() {
    String table = dynamo.freshTable();
    for (int i = 0; i < 25; i++) {
      put(table, "ITEM#%03d".formatted(i), 100_000);
    }

    assertThat(readAll(table, 20)).hasSize(25).doesNotHaveDuplicates();
  }

  private static void put(String table, String sk, int payloadChars) {
    dynamo.client.putItem(
        PutItemRequest.builder()
            .tableName(table)
            .item(
                Map.of(
                    "PK", AttributeValue.fromS(PARTITION),
                    "SK", AttributeValue.fromS(sk),
                    "payload", AttributeValue.fromS("x".repeat(payloadChars))))
            .build());
  }
}
