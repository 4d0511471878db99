package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A data-test comparison operator of a JSONPath Choice rule, e.g. {@code NumericLessThanPath}: its
 * kind of value, its comparison, and whether its operand is a path on the effective input.
 */
record ChoiceOperator(String field, Kind kind, Comparison comparison, boolean path) {

  enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    MATCHES,
    IS_NULL(JsonNode::isNull),
    IS_PRESENT(v -> true),
    IS_NUMERIC(JsonNode::isNumber),
    IS_STRING(JsonNode::isTextual),
    IS_BOOLEAN(JsonNode::isBoolean),
    IS_TIMESTAMP(Timestamps::isTimestamp);

    private final Predicate<JsonNode> typeTest;

    Kind() {
      this(null);
    }

    Kind(Predicate<JsonNode> typeTest) {
      this.typeTest = typeTest;
    }

    boolean isTypeTest() {
      return typeTest != null;
    }

    boolean typeTest(JsonNode value) {
      return typeTest.test(value);
    }
  }

  enum Comparison {
    EQUALS("Equals"),
    LESS_THAN("LessThan"),
    GREATER_THAN("GreaterThan"),
    LESS_THAN_EQUALS("LessThanEquals"),
    GREATER_THAN_EQUALS("GreaterThanEquals"),
    NONE("");

    final String suffix;

    Comparison(String suffix) {
      this.suffix = suffix;
    }

    boolean holds(int c) {
      return switch (this) {
        case EQUALS -> c == 0;
        case LESS_THAN -> c < 0;
        case GREATER_THAN -> c > 0;
        case LESS_THAN_EQUALS -> c <= 0;
        case GREATER_THAN_EQUALS -> c >= 0;
        case NONE -> throw new IllegalStateException();
      };
    }
  }

  /** Every operator of the spec's list, by field name. */
  static final Map<String, ChoiceOperator> ALL = build();

  private static Map<String, ChoiceOperator> build() {
    Map<String, ChoiceOperator> all = new LinkedHashMap<>();
    Map<Kind, String> prefixes =
        Map.of(Kind.STRING, "String", Kind.NUMERIC, "Numeric", Kind.TIMESTAMP, "Timestamp");
    for (Kind kind : new Kind[] {Kind.STRING, Kind.NUMERIC, Kind.TIMESTAMP}) {
      for (Comparison comparison : Comparison.values()) {
        if (comparison != Comparison.NONE) {
          String name = prefixes.get(kind) + comparison.suffix;
          all.put(name, new ChoiceOperator(name, kind, comparison, false));
          all.put(name + "Path", new ChoiceOperator(name + "Path", kind, comparison, true));
        }
      }
    }
    all.put(
        "BooleanEquals",
        new ChoiceOperator("BooleanEquals", Kind.BOOLEAN, Comparison.EQUALS, false));
    all.put(
        "BooleanEqualsPath",
        new ChoiceOperator("BooleanEqualsPath", Kind.BOOLEAN, Comparison.EQUALS, true));
    all.put(
        "StringMatches", new ChoiceOperator("StringMatches", Kind.MATCHES, Comparison.NONE, false));
    Map<String, Kind> typeTests = new LinkedHashMap<>();
    typeTests.put("IsNull", Kind.IS_NULL);
    typeTests.put("IsPresent", Kind.IS_PRESENT);
    typeTests.put("IsNumeric", Kind.IS_NUMERIC);
    typeTests.put("IsString", Kind.IS_STRING);
    typeTests.put("IsBoolean", Kind.IS_BOOLEAN);
    typeTests.put("IsTimestamp", Kind.IS_TIMESTAMP);
    typeTests.forEach(
        (name, kind) -> all.put(name, new ChoiceOperator(name, kind, Comparison.NONE, false)));
    return Map.copyOf(all);
  }

  static Optional<ChoiceOperator> named(String field) {
    return Optional.ofNullable(ALL.get(field));
  }

  /** Whether a literal operand has the type this operator compares (validation). */
  boolean acceptsLiteral(JsonNode operand) {
    if (path) {
      return operand.isTextual() && JsonPaths.isValidPath(operand.textValue());
    }
    return switch (kind) {
      case STRING, MATCHES -> operand.isTextual();
      case NUMERIC -> operand.isNumber();
      case BOOLEAN -> operand.isBoolean();
      case TIMESTAMP -> Timestamps.isTimestamp(operand);
      default -> operand.isBoolean();
    };
  }

  /**
   * Compares the variable's value with the operand's value. Values of the wrong type compare false,
   * as the spec says ("if the values are not both of the appropriate type").
   */
  boolean test(JsonNode value, JsonNode operand) {
    if (kind.isTypeTest()) {
      return operand.isBoolean() && kind.typeTest(value) == operand.booleanValue();
    }
    return switch (kind) {
      case STRING ->
          value.isTextual()
              && operand.isTextual()
              && comparison.holds(value.textValue().compareTo(operand.textValue()));
      case NUMERIC ->
          value.isNumber()
              && operand.isNumber()
              && comparison.holds(JsonValues.compareNumbers(value, operand));
      case BOOLEAN -> value.isBoolean() && operand.isBoolean() && value.equals(operand);
      case TIMESTAMP -> {
        var left = Timestamps.parse(value);
        var right = Timestamps.parse(operand);
        yield left.isPresent()
            && right.isPresent()
            && comparison.holds(left.get().compareTo(right.get()));
      }
      case MATCHES ->
          value.isTextual()
              && operand.isTextual()
              && StringMatches.compile(operand.textValue()).matcher(value.textValue()).matches();
      default -> throw new IllegalStateException(field);
    };
  }
}
