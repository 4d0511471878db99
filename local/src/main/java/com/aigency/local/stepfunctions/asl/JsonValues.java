package com.aigency.local.stepfunctions.asl;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Small JSON helpers shared by the ASL classes. */
final class JsonValues {
  private JsonValues() {}

  static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode();
  }

  /** Compact JSON text, as Step Functions prints values in causes and JsonToString. */
  static String compact(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Deep equality where numbers compare by value (so {@code 1} equals {@code 1.0}), as JSON itself
   * does not distinguish integer and decimal numbers.
   */
  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return compareNumbers(a, b) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        JsonNode other = b.get(field.getKey());
        if (other == null || !same(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  static int compareNumbers(JsonNode a, JsonNode b) {
    return decimal(a).compareTo(decimal(b));
  }

  private static BigDecimal decimal(JsonNode number) {
    if (number.isDouble() || number.isFloat()) {
      double d = number.doubleValue();
      // Infinite or NaN doubles have no BigDecimal form; JSON cannot carry them anyway.
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : BigDecimal.ZERO;
    }
    return number.decimalValue();
  }

  /** The value as a long if it is an integral number (1 and 1.0 both qualify), else empty. */
  static Optional<Long> integral(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return Optional.empty();
    }
    BigDecimal value = decimal(node);
    try {
      return Optional.of(value.longValueExact());
    } catch (ArithmeticException notIntegral) {
      return Optional.empty();
    }
  }

  static String typeName(JsonNode node) {
    if (absent(node)) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT, POJO -> "object";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> "unknown";
    };
  }
}
