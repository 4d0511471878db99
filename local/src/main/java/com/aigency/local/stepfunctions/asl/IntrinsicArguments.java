package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The evaluated arguments of one intrinsic call, with typed accessors that fail the call with
 * {@code States.IntrinsicFailure} and a message naming the function and the argument.
 */
record IntrinsicArguments(
    String function,
    List<IntrinsicExpression> expressions,
    List<JsonNode> values,
    RandomGenerator random) {

  int size() {
    return values.size();
  }

  JsonNode get(int i) {
    return values.get(i);
  }

  IntrinsicExpression expression(int i) {
    return expressions.get(i);
  }

  String string(int i) {
    JsonNode value = get(i);
    if (!value.isTextual()) {
      throw wrongType(i, "a string", value);
    }
    return value.textValue();
  }

  ArrayNode array(int i) {
    JsonNode value = get(i);
    if (!value.isArray()) {
      throw wrongType(i, "an array", value);
    }
    return (ArrayNode) value;
  }

  ObjectNode object(int i) {
    JsonNode value = get(i);
    if (!value.isObject()) {
      throw wrongType(i, "a JSON object", value);
    }
    return (ObjectNode) value;
  }

  boolean bool(int i) {
    JsonNode value = get(i);
    if (!value.isBoolean()) {
      throw wrongType(i, "a boolean", value);
    }
    return value.booleanValue();
  }

  /**
   * An integer in Java's int range. AWS documents that a non-integer number is rounded to the
   * nearest integer for the functions that take integers.
   */
  int roundedInt(int i) {
    JsonNode value = get(i);
    if (!value.isNumber()) {
      throw wrongType(i, "an integer", value);
    }
    double rounded = Math.floor(value.doubleValue() + 0.5);
    if (rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE) {
      throw fail(
          "argument "
              + (i + 1)
              + " must be between "
              + Integer.MIN_VALUE
              + " and "
              + Integer.MAX_VALUE
              + ", got "
              + value);
    }
    return (int) rounded;
  }

  /** An integer without rounding (an index must be exact). */
  int exactInt(int i) {
    JsonNode value = get(i);
    return JsonValues.integral(value)
        .filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)
        .map(Long::intValue)
        .orElseThrow(() -> wrongType(i, "an integer", value));
  }

  StatesError fail(String message) {
    return new StatesError(StatesError.INTRINSIC_FAILURE, function + ": " + message);
  }

  private StatesError wrongType(int i, String expected, JsonNode value) {
    return fail(
        "argument "
            + (i + 1)
            + " must be "
            + expected
            + ", got "
            + JsonValues.typeName(value)
            + " "
            + value);
  }
}
