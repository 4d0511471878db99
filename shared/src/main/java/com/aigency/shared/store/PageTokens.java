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
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages of a DynamoDB query behind opaque tokens. A token is refused unless it has exactly the key
 * of the list being read: its partition and a sort key under that list's prefix. So a token from
 * another tenant's list, or a hand-made one, cannot move a query anywhere else.
 */
public final class PageTokens {
  private PageTokens() {}

  /** The list a query reads: its partition (value of {@code partitionAttribute}) and sort prefix. */
  public record ListKey(String partitionAttribute, String partition, String sortAttribute, String sortPrefix) {
    public static ListKey table(String partition, String sortPrefix) {
      return new ListKey(Keys.PK, partition, Keys.SK, sortPrefix);
    }

    /** A base-table query resumes from the table key; an index query also needs the index key. */
    Set<String> keyAttributes() {
      return partitionAttribute.equals(Keys.PK)
          ? Set.of(Keys.PK, Keys.SK)
          : Set.of(Keys.PK, Keys.SK, partitionAttribute, sortAttribute);
    }
  }

  /**
   * Runs a query for one page. It reads one item more than asked, so a page is followed by a token
   * only when another item really exists; when DynamoDB stops early (its 1 MB cap) its own
   * continuation key becomes the token, so nothing is silently cut off.
   */
  public static Page<Map<String, AttributeValue>> query(
      DynamoDbClient dynamo, QueryRequest.Builder query, PageRequest page, ListKey list) {
    page.nextToken().ifPresent(t -> query.exclusiveStartKey(decode(t, list)));
    QueryResponse response = dynamo.query(query.limit(page.limit() + 1).build());
    List<Map<String, AttributeValue>> items = response.items();
    if (items.size() > page.limit()) {
      List<Map<String, AttributeValue>> kept = items.subList(0, page.limit());
      Map<String, AttributeValue> last = kept.get(kept.size() - 1);
      Map<String, AttributeValue> key = new HashMap<>();
      list.keyAttributes().forEach(name -> key.put(name, last.get(name)));
      return new Page<>(kept, encode(key));
    }
    return new Page<>(items, response.hasLastEvaluatedKey() ? encode(response.lastEvaluatedKey()) : null);
  }

  static String encode(Map<String, AttributeValue> lastKey) {
    if (lastKey == null || lastKey.isEmpty()) {
      return null;
    }
    ObjectNode node = Json.MAPPER.createObjectNode();
    lastKey.forEach((name, value) -> node.put(name, value.s()));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.write(node).getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, AttributeValue> decode(String token, ListKey list) {
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
      boolean sameList =
          key.keySet().equals(list.keyAttributes())
              && list.partition().equals(key.get(list.partitionAttribute()).s())
              && key.get(list.sortAttribute()).s().startsWith(list.sortPrefix());
      if (!sameList) {
        throw new IllegalArgumentException();
      }
      return key;
    } catch (RuntimeException e) {
      throw ApiException.invalid("nextToken", "'nextToken' is not a token this list issued");
    }
  }
}
