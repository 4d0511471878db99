package com.aigency.local.stepfunctions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's JSON comparison (the same rules as {@code local/src/test/node/scripted-resources.mjs}):
 * plain JSON must be equal (numbers by value, object keys in any order); an object with a single
 * {@code "@"} key is a matcher: {@code {"@any": true}}, {@code {"@type": "string"}}, {@code
 * {"@matches": "regex"}}, {@code {"@range": [min, max]}}, {@code {"@oneOf": [...]}}. Strings may
 * hold placeholders such as {@code ${executionArn}}, replaced before comparing.
 */
final class JsonMatch {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+(?::[A-Za-z0-9_-]+)?)\\}");

  private JsonMatch() {}

  /** Null when {@code actual} matches {@code expected}, else where and how they differ. */
  static String mismatch(JsonNode expected, JsonNode actual) {
    return mismatch(expected, actual, "$");
  }

  static boolean matches(JsonNode expected, JsonNode actual) {
    return mismatch(expected, actual) == null;
  }

  private static String mismatch(JsonNode expected, JsonNode actual, String at) {
    String matcher = matcherName(expected);
    if (matcher != null) {
      return matcher(matcher, expected.get(matcher), actual, at);
    }
    if (actual == null || actual.isMissingNode()) {
      return at + ": expected " + expected + " but it is absent";
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        return at + ": expected an object " + expected + " but got " + actual;
      }
      for (Map.Entry<String, JsonNode> e : expected.properties()) {
        String m = mismatch(e.getValue(), actual.get(e.getKey()), at + "." + e.getKey());
        if (m != null) {
          return m;
        }
      }
      for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!expected.has(name)) {
          return at + "." + name + ": unexpected field with " + actual.get(name);
        }
      }
      return null;
    }
    if (expected.isArray()) {
      if (!actual.isArray()) {
        return at + ": expected an array " + expected + " but got " + actual;
      }
      if (expected.size() != actual.size()) {
        return at + ": expected " + expected.size() + " elements " + expected + " but got "
            + actual.size() + " " + actual;
      }
      for (int i = 0; i < expected.size(); i++) {
        String m = mismatch(expected.get(i), actual.get(i), at + "[" + i + "]");
        if (m != null) {
          return m;
        }
      }
      return null;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0
          ? null
          : at + ": expected " + expected + " but got " + actual;
    }
    return expected.equals(actual) ? null : at + ": expected " + expected + " but got " + actual;
  }

  private static String matcherName(JsonNode node) {
    if (node != null && node.isObject() && node.size() == 1) {
      String name = node.fieldNames().next();
      if (name.startsWith("@")) {
        return name;
      }
    }
    return null;
  }

  private static String matcher(String name, JsonNode arg, JsonNode actual, String at) {
    boolean present = actual != null && !actual.isMissingNode();
    boolean ok =
        switch (name) {
          case "@any" -> present;
          case "@type" ->
              present
                  && switch (arg.asText()) {
                    case "string" -> actual.isTextual();
                    case "number" -> actual.isNumber();
                    case "boolean" -> actual.isBoolean();
                    case "object" -> actual.isObject();
                    case "array" -> actual.isArray();
                    case "null" -> actual.isNull();
                    default -> throw new IllegalArgumentException("unknown @type " + arg);
                  };
          case "@matches" ->
              present && actual.isTextual() && Pattern.compile(arg.asText()).matcher(actual.asText()).matches();
          case "@range" ->
              present
                  && actual.isNumber()
                  && actual.decimalValue().compareTo(arg.get(0).decimalValue()) >= 0
                  && actual.decimalValue().compareTo(arg.get(1).decimalValue()) <= 0;
          case "@oneOf" -> {
            boolean any = false;
            for (JsonNode option : arg) {
              any |= mismatch(option, actual, at) == null;
            }
            yield any;
          }
          default -> throw new IllegalArgumentException("unknown matcher " + name + " at " + at);
        };
    return ok ? null : at + ": expected {" + name + ": " + arg + "} but got " + (present ? actual : "nothing");
  }

  /** A copy of {@code node} with {@code ${name}} placeholders in strings replaced. */
  static JsonNode substitute(JsonNode node, Map<String, String> values) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      Matcher m = PLACEHOLDER.matcher(node.asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = values.get(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
      }
      m.appendTail(out);
      return TextNode.valueOf(out.toString());
    }
    if (node.isObject()) {
      if (matcherName(node) != null) {
        return node;
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), substitute(e.getValue(), values)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> copy.add(substitute(e, values)));
      return copy;
    }
    return node;
  }

  /**
   * Null when {@code actual} holds the same elements as {@code expected} in any order (each
   * expected element, possibly a matcher, used once), else a description.
   */
  static String multisetMismatch(JsonNode expected, List<JsonNode> actual) {
    List<JsonNode> left = new ArrayList<>(actual);
    for (JsonNode e : expected) {
      int found = -1;
      for (int i = 0; i < left.size() && found < 0; i++) {
        if (matches(e, left.get(i))) {
          found = i;
        }
      }
      if (found < 0) {
        return "expected a call with " + e + " among " + actual;
      }
      left.remove(found);
    }
    return left.isEmpty() ? null : "unexpected calls " + left + " (expected " + expected + ")";
  }
}
