package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import java.util.Optional;

/**
 * JSONPath Choice rules: the data-test operators of {@link ChoiceOperator} (String, Numeric,
 * Boolean and Timestamp comparisons, StringMatches, their Path forms, IsNull, IsPresent, IsNumeric,
 * IsString, IsBoolean, IsTimestamp) and the boolean And, Or (short-circuit) and Not.
 *
 * <p>Following the spec and AWS: a value of the wrong type compares false; but a Variable (or an
 * operand path) that selects nothing is a {@code States.Runtime} error, except for IsPresent — the
 * spec's note on IsPresent says only there "no exception is thrown", and the AWS Choice page says
 * that if the input lacks the field "the execution fails". Guard with IsPresent inside an And.
 */
public final class ChoiceRules {
  private ChoiceRules() {}

  /**
   * The Next of the first matching rule, else the Default.
   *
   * @param input the effective input (after InputPath)
   * @throws StatesError {@code States.NoChoiceMatched} when nothing matches and there is no Default
   */
  public static String next(JsonNode choiceState, JsonNode input) {
    return next(choiceState, input, null);
  }

  /** As {@link #next(JsonNode, JsonNode)}, resolving {@code $$} paths on {@code context}. */
  public static String next(JsonNode choiceState, JsonNode input, JsonNode context) {
    for (JsonNode rule : choiceState.path("Choices")) {
      if (matches(rule, input, context)) {
        return rule.path("Next").asText();
      }
    }
    JsonNode fallback = choiceState.get("Default");
    if (fallback != null && fallback.isTextual()) {
      return fallback.textValue();
    }
    throw new StatesError(
        StatesError.NO_CHOICE_MATCHED, "No Choice rule matched and there is no Default");
  }

  public static boolean matches(JsonNode rule, JsonNode input) {
    return matches(rule, input, null);
  }

  public static boolean matches(JsonNode rule, JsonNode input, JsonNode context) {
    if (rule.has("And")) {
      for (JsonNode inner : rule.get("And")) {
        if (!matches(inner, input, context)) {
          return false;
        }
      }
      return true;
    }
    if (rule.has("Or")) {
      for (JsonNode inner : rule.get("Or")) {
        if (matches(inner, input, context)) {
          return true;
        }
      }
      return false;
    }
    if (rule.has("Not")) {
      return !matches(rule.get("Not"), input, context);
    }
    return dataTest(rule, input, context);
  }

  private static boolean dataTest(JsonNode rule, JsonNode input, JsonNode context) {
    String variable = rule.path("Variable").asText(null);
    if (variable == null) {
      throw new StatesError(StatesError.RUNTIME, "Choice rule without Variable: " + rule);
    }
    Map.Entry<String, JsonNode> comparison = operatorField(rule);
    ChoiceOperator operator = ChoiceOperator.named(comparison.getKey()).orElseThrow();
    Optional<JsonNode> value = lookup(variable, input, context);
    if (operator.kind() == ChoiceOperator.Kind.IS_PRESENT) {
      JsonNode expected = comparison.getValue();
      return expected.isBoolean() && value.isPresent() == expected.booleanValue();
    }
    JsonNode actual = value.orElseThrow(() -> invalidPath(variable));
    JsonNode operand = comparison.getValue();
    if (operator.path()) {
      String operandPath = operand.asText();
      operand = lookup(operandPath, input, context).orElseThrow(() -> invalidPath(operandPath));
    }
    return operator.test(actual, operand);
  }

  private static Map.Entry<String, JsonNode> operatorField(JsonNode rule) {
    for (Map.Entry<String, JsonNode> field : rule.properties()) {
      if (ChoiceOperator.named(field.getKey()).isPresent()) {
        return field;
      }
    }
    throw new StatesError(
        StatesError.RUNTIME, "Choice rule without a comparison operator: " + rule);
  }

  private static Optional<JsonNode> lookup(String path, JsonNode input, JsonNode context) {
    if (path.startsWith("$$")) {
      JsonNode data = context == null ? JsonNodeFactory.instance.objectNode() : context;
      return JsonPaths.find(data, path.substring(1));
    }
    return JsonPaths.find(input, path);
  }

  private static StatesError invalidPath(String path) {
    return new StatesError(
        StatesError.RUNTIME,
        "Invalid path '"
            + path
            + "': The choice state's condition path references an invalid value.");
  }
}
