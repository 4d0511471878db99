package com.aigency.shared.store;

import com.aigency.shared.http.ApiException;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Encodes DynamoDB's LastEvaluatedKey as an opaque token, and refuses a token whose partition is
 * not the one being listed: a token from another tenant's list cannot move this query there.
 */
public final class PageTokens {
  private PageTokens() {}

  /**
   * Runs a query for one page. It reads one item more than asked, so a page is only followed by a
   * token when another item really exists (DynamoDB alone would hand a token for an empty page).
   */
  public static Page<Map<String, AttributeValue>> query(
      DynamoDbClient dynamo, QueryRequest.Builder query, PageRequest page, String partitionAttribute, String partition) {
    page.nextToken().ifPresent(t -> query.exclusiveStartKey(decode(t, partitionAttribute, partition)));
    List<Map<String, AttributeValue>> items = dynamo.query(query.limit(page.limit() + 1).build()).items();
    if (items.size() <= page.limit()) {
      return new Page<>(items, null);
    }
    List<Map<String, AttributeValue>> kept = items.subList(0, page.limit());
    Map<String, AttributeValue> last = kept.get(kept.size() - 1);
    // An index query resumes from the index key plus the table key; a table query from the table key.
    List<String> keyAttributes =
        partitionAttribute.equals(Keys.PK)
            ? List.of(Keys.PK, Keys.SK)
            : List.of(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK);
    Map<String, AttributeValue> key = new HashMap<>();
    keyAttributes.forEach(name -> key.put(name, last.get(name)));
    return new Page<>(kept, encode(key));
  }

  public static String encode(Map<String, AttributeValue> lastKey) {
    if (lastKey == null || lastKey.isEmpty()) {
      return null;
    }
    ObjectNode node = Json.MAPPER.createObjectNode();
    lastKey.forEach((name, value) -> node.put(name, value.s()));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.write(node).getBytes(StandardCharsets.UTF_8));
  }

  public static Map<String, AttributeValue> decode(
      String token, String partitionAttribute, String expectedPartition) {
    try {
      JsonNode node =
          Json.read(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      Map<String, AttributeValue> key = new HashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if (!field.getValue().isTextual()) {
          throw new IllegalArgumentException();
        }
        key.put(field.getKey(), AttributeValue.fromS(field.getValue().asText()));
      }
      AttributeValue partition = key.get(partitionAttribute);
      if (partition == null || !expectedPartition.equals(partition.s())) {
        throw new IllegalArgumentException();
      }
      return key;
    } catch (RuntimeException e) {
      throw ApiException.invalid("nextToken", "'nextToken' is not a token this list issued");
    }
  }
}
