package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The body of a JSONPath filter {@code [?( ... )]}, limited to what Step Functions documents: the
 * current node {@code @}, literals, the symbolic comparisons, {@code &&}, {@code ||}, {@code !} and
 * parentheses (no regular expressions, no {@code in}/{@code subsetof}, no {@code $} references).
 */
sealed interface FilterExpression {

  boolean test(JsonNode current);

  record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
    @Override
    public boolean test(JsonNode current) {
      return left.test(current) || right.test(current);
    }

    @Override
    public String toString() {
      return left + " || " + right;
    }
  }

  record And(FilterExpression left, FilterExpression right) implements FilterExpression {
    @Override
    public boolean test(JsonNode current) {
      return left.test(current) && right.test(current);
    }

    @Override
    public String toString() {
      return left + " && " + right;
    }
  }

  record Not(FilterExpression inner) implements FilterExpression {
    @Override
    public boolean test(JsonNode current) {
      return !inner.test(current);
    }

    @Override
    public String toString() {
      return "!" + inner;
    }
  }

  /**
   * A bare operand, {@code [?(@.isbn)]}: true when the member exists and is not null (Step
   * Functions Local includes explicit nulls in {@code !@.x}, so null counts as absent).
   */
  record Exists(Operand operand) implements FilterExpression {
    @Override
    public boolean test(JsonNode current) {
      return operand
          .value(current)
          .map(v -> v.isBoolean() && operand instanceof Literal ? v.booleanValue() : !v.isNull())
          .orElse(false);
    }

    @Override
    public String toString() {
      return operand.toString();
    }
  }

  record Compare(Operand left, Operator operator, Operand right) implements FilterExpression {
    @Override
    public boolean test(JsonNode current) {
      Optional<JsonNode> l = left.value(current);
      Optional<JsonNode> r = right.value(current);
      if (l.isEmpty() || r.isEmpty()) {
        // A missing member equals nothing, so only != holds (Jayway's UNDEFINED semantics).
        return operator == Operator.NE;
      }
      return operator.apply(l.get(), r.get());
    }

    @Override
    public String toString() {
      return left + " " + operator.symbol + " " + right;
    }
  }

  sealed interface Operand permits Relative, Literal {
    Optional<JsonNode> value(JsonNode current);
  }

  /** {@code @}, {@code @.a.b}, {@code @['x'][0]}. */
  record Relative(List<PathStep> steps, String text) implements Operand {
    @Override
    public Optional<JsonNode> value(JsonNode current) {
      return PathEvaluator.select(current, steps);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  record Literal(JsonNode value) implements Operand {
    @Override
    public Optional<JsonNode> value(JsonNode current) {
      return Optional.of(value);
    }

    @Override
    public String toString() {
      return value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
    }
  }

  enum Operator {
    EQ("=="),
    NE("!="),
    LE("<="),
    LT("<"),
    GE(">="),
    GT(">");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    boolean apply(JsonNode l, JsonNode r) {
      return switch (this) {
        case EQ -> JsonValues.same(l, r);
        case NE -> !JsonValues.same(l, r);
        default -> ordered(l, r);
      };
    }

    /** Ordering only between two numbers or two strings; anything else is false. */
    private boolean ordered(JsonNode l, JsonNode r) {
      int c;
      if (l.isNumber() && r.isNumber()) {
        c = JsonValues.compareNumbers(l, r);
      } else if (l.isTextual() && r.isTextual()) {
        c = l.textValue().compareTo(r.textValue());
      } else {
        return false;
      }
      return switch (this) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
        default -> throw new IllegalStateException(name());
      };
    }
  }
}
