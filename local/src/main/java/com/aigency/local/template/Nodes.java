package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for reading template JSON trees. */
final class Nodes {

  private Nodes() {}

  /**
   * True for an object that is exactly one intrinsic function call. SAM treats these as opaque
   * values (for example when merging Globals), because CloudFormation turns them into one value.
   */
  static boolean isIntrinsic(JsonNode node) {
    if (node == null || !node.isObject() || node.size() != 1) {
      return false;
    }
    String key = node.fieldNames().next();
    return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
  }

  /** The target of {@code {"Ref": "X"}}, or null when {@code node} is not such a Ref. */
  static String refTarget(JsonNode node) {
    if (node != null && node.isObject() && node.size() == 1 && node.path("Ref").isTextual()) {
      return node.get("Ref").asText();
    }
    return null;
  }

  /**
   * The [logicalId, attribute] of {@code {"Fn::GetAtt": ["X", "Attr"]}} (or its "X.Attr" string
   * form), or null when {@code node} is not such a GetAtt with literal arguments.
   */
  static List<String> getAttTarget(JsonNode node) {
    if (node == null || !node.isObject() || node.size() != 1 || !node.has("Fn::GetAtt")) {
      return null;
    }
    JsonNode args = node.get("Fn::GetAtt");
    if (args.isTextual()) {
      String dotted = args.asText();
      int dot = dotted.indexOf('.');
      return dot > 0 ? List.of(dotted.substring(0, dot), dotted.substring(dot + 1)) : null;
    }
    if (args.isArray() && args.size() == 2 && args.get(0).isTextual() && args.get(1).isTextual()) {
      return List.of(args.get(0).asText(), args.get(1).asText());
    }
    return null;
  }

  /** A literal string (or number/boolean written unquoted), or null when absent. */
  static String literal(JsonNode node, String what) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new TemplateException(what + " must be a literal value, found " + node);
    }
    return node.asText();
  }

  /**
   * Copies of the object's fields as an ordered, unmodifiable map; empty when the node is not an
   * object. Copies, so that nothing handed out can alter the model's tree.
   */
  static Map<String, JsonNode> fields(JsonNode node) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().deepCopy()));
    }
    return Collections.unmodifiableMap(fields);
  }

  /** A list of literal strings; a single string is accepted as a one-element list. */
  static List<String> stringList(JsonNode node, String what) {
    List<String> values = new ArrayList<>();
    if (node == null || node.isMissingNode() || node.isNull()) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(item -> values.add(literal(item, what)));
    } else {
      values.add(literal(node, what));
    }
    return values;
  }
}
