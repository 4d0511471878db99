package com.aigency.local.aws.events;

import com.aigency.local.aws.AwsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An EventBridge event pattern, checked when it is parsed and matched as EventBridge matches:
 *
 * <ul>
 *   <li>every field of the pattern must match (and), any value in a field's array may match (or);
 *   <li>nested objects follow the event's nesting; an event array matches if any element does, and
 *       fields under one array element are matched against the same element;
 *   <li>a pattern array of literals matches an event array if they share any value;
 *   <li>matchers: exact literal (text, number compared numerically, true, false, null, ""), prefix,
 *       suffix (both also with equals-ignore-case), equals-ignore-case, wildcard, anything-but
 *       (value, list, prefix, suffix, equals-ignore-case, wildcard), numeric (=, <, <=, >, >= and
 *       ranges), exists true/false (leaf values only), cidr;
 *   <li>{@code "$or": [{...}, {...}]} matches if any of its patterns matches, in addition to the
 *       sibling fields.
 * </ul>
 */
public final class EventPattern {

  private record ObjectCondition(List<FieldCondition> fields, List<ObjectCondition> anyOf) {}

  private sealed interface FieldCondition {
    String name();
  }

  private record NestedField(String name, ObjectCondition condition) implements FieldCondition {}

  private record LeafField(String name, List<ValueMatcher> matchers) implements FieldCondition {}

  private final ObjectCondition root;
  private final JsonNode source;

  private EventPattern(ObjectCondition root, JsonNode source) {
    this.root = root;
    this.source = source;
  }

  /**
   * @throws InvalidEventPatternException if EventBridge would reject the pattern
   */
  public static EventPattern parse(JsonNode pattern) {
    if (pattern == null || !pattern.isObject()) {
      throw new InvalidEventPatternException("the pattern must be a JSON object");
    }
    return new EventPattern(parseObject(pattern, ""), pattern.deepCopy());
  }

  /**
   * @throws InvalidEventPatternException if the text is not JSON or not a valid pattern
   */
  public static EventPattern parse(String pattern) {
    try {
      return parse(AwsJson.MAPPER.readTree(pattern));
    } catch (JsonProcessingException e) {
      throw new InvalidEventPatternException("the pattern is not valid JSON");
    }
  }

  public boolean matches(JsonNode event) {
    return matchesObject(root, event);
  }

  public JsonNode toJson() {
    return source.deepCopy();
  }

  @Override
  public String toString() {
    return source.toString();
  }

  private static ObjectCondition parseObject(JsonNode node, String path) {
    if (node.isEmpty()) {
      throw new InvalidEventPatternException(
          "empty objects are not allowed (at " + where(path) + ")");
    }
    List<FieldCondition> fields = new ArrayList<>();
    List<ObjectCondition> anyOf = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      String fieldPath = path.isEmpty() ? name : path + "." + name;
      if (name.equals("$or") && isOrList(value)) {
        value.forEach(alternative -> anyOf.add(parseObject(alternative, path)));
      } else if (value.isObject()) {
        fields.add(new NestedField(name, parseObject(value, fieldPath)));
      } else if (value.isArray()) {
        if (value.isEmpty()) {
          throw new InvalidEventPatternException(
              "empty arrays are not allowed (at " + fieldPath + ")");
        }
        List<ValueMatcher> matchers = new ArrayList<>();
        value.forEach(element -> matchers.add(ValueMatcherParser.parse(element, fieldPath)));
        fields.add(new LeafField(name, List.copyOf(matchers)));
      } else {
        throw new InvalidEventPatternException(
            "match value must be an array or an object (at " + fieldPath + ")");
      }
    }
    return new ObjectCondition(List.copyOf(fields), List.copyOf(anyOf));
  }

  // As in EventBridge: "$or" is the or-operator only with 2+ objects none of which is a matcher.
  private static boolean isOrList(JsonNode value) {
    if (!value.isArray() || value.size() < 2) {
      return false;
    }
    for (JsonNode alternative : value) {
      if (!alternative.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : alternative.properties()) {
        if (ValueMatcherParser.MATCHER_NAMES.contains(field.getKey())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matchesObject(ObjectCondition condition, JsonNode node) {
    if (node != null && node.isArray() && !node.isEmpty()) {
      for (JsonNode element : node) {
        if (matchesObject(condition, element)) {
          return true;
        }
      }
      return false;
    }
    JsonNode object = node != null && node.isObject() ? node : AwsJson.object();
    for (FieldCondition field : condition.fields()) {
      JsonNode value = object.get(field.name());
      boolean matched =
          switch (field) {
            case NestedField nested -> matchesObject(nested.condition(), value);
            case LeafField leaf -> matchesLeaf(leaf.matchers(), value);
          };
      if (!matched) {
        return false;
      }
    }
    if (condition.anyOf().isEmpty()) {
      return true;
    }
    for (ObjectCondition alternative : condition.anyOf()) {
      if (matchesObject(alternative, object)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesLeaf(List<ValueMatcher> matchers, JsonNode value) {
    List<JsonNode> leaves = new ArrayList<>();
    collectLeaves(value, leaves);
    for (ValueMatcher matcher : matchers) {
      if (matcher instanceof ValueMatcher.Exists exists) {
        if (exists.present() != leaves.isEmpty()) {
          return true;
        }
      } else {
        for (JsonNode leaf : leaves) {
          if (matcher.test(leaf)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // Scalars, through nested arrays; objects are not leaves.
  private static void collectLeaves(JsonNode value, List<JsonNode> leaves) {
    if (value == null || value.isMissingNode() || value.isObject()) {
      return;
    }
    if (value.isArray()) {
      value.forEach(element -> collectLeaves(element, leaves));
    } else {
      leaves.add(value);
    }
  }

  private static String where(String path) {
    return path.isEmpty() ? "the top level" : path;
  }
}
