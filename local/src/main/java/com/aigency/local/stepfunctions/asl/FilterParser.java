package com.aigency.local.stepfunctions.asl;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * Recursive descent over a filter body, sharing the {@link PathParser} cursor: {@code or := and
 * ('||' and)*}, {@code and := unary ('&&' unary)*}, {@code unary := '!' unary | '(' or ')' |
 * operand (op operand)?}.
 */
final class FilterParser {
  private static final List<String> UNSUPPORTED_WORDS =
      List.of("in", "nin", "subsetof", "anyof", "noneof", "size", "empty", "contains");

  private final PathParser cursor;

  FilterParser(PathParser cursor) {
    this.cursor = cursor;
  }

  FilterExpression parse() {
    FilterExpression left = and();
    while (skip() && cursor.lookingAt("||")) {
      cursor.advance(2);
      left = new FilterExpression.Or(left, and());
    }
    return left;
  }

  private FilterExpression and() {
    FilterExpression left = unary();
    while (skip() && cursor.lookingAt("&&")) {
      cursor.advance(2);
      left = new FilterExpression.And(left, unary());
    }
    return left;
  }

  private FilterExpression unary() {
    skip();
    if (cursor.atEnd()) {
      throw cursor.error("unterminated filter");
    }
    if (cursor.lookingAt("!") && !cursor.lookingAt("!=")) {
      cursor.advance(1);
      return new FilterExpression.Not(unary());
    }
    if (cursor.peek() == '(') {
      cursor.advance(1);
      FilterExpression inner = parse();
      skip();
      cursor.expect(')');
      return inner;
    }
    FilterExpression.Operand left = operand();
    skip();
    FilterExpression.Operator operator = operator();
    if (operator == null) {
      return new FilterExpression.Exists(left);
    }
    return new FilterExpression.Compare(left, operator, operand());
  }

  private FilterExpression.Operator operator() {
    if (cursor.atEnd()) {
      return null;
    }
    if (cursor.lookingAt("=~")) {
      throw cursor.error("regular expressions in filters are not supported by Step Functions");
    }
    for (FilterExpression.Operator op : FilterExpression.Operator.values()) {
      if (cursor.lookingAt(op.symbol)) {
        cursor.advance(op.symbol.length());
        return op;
      }
    }
    for (String word : UNSUPPORTED_WORDS) {
      if (cursor.lookingAt(word)) {
        throw cursor.error("the filter operator '" + word + "' is not supported by Step Functions");
      }
    }
    return null;
  }

  private FilterExpression.Operand operand() {
    skip();
    if (cursor.atEnd()) {
      throw cursor.error("missing operand in filter");
    }
    char c = cursor.peek();
    int start = cursor.position();
    if (c == '@') {
      cursor.advance(1);
      List<PathStep> steps = cursor.readRelativeSteps();
      return new FilterExpression.Relative(steps, cursor.slice(start));
    }
    if (c == '$') {
      throw cursor.error(
          "filters referencing other values ($) are not supported by Step Functions");
    }
    if (c == '\'' || c == '"') {
      return new FilterExpression.Literal(TextNode.valueOf(cursor.readQuoted()));
    }
    if (c == '-' || Character.isDigit(c)) {
      return new FilterExpression.Literal(number(start));
    }
    for (var keyword :
        List.of(
            new Keyword("true", BooleanNode.TRUE),
            new Keyword("false", BooleanNode.FALSE),
            new Keyword("null", NullNode.instance))) {
      if (cursor.lookingAt(keyword.word())) {
        cursor.advance(keyword.word().length());
        return new FilterExpression.Literal(keyword.value());
      }
    }
    throw cursor.error("unexpected '" + c + "' in filter");
  }

  private record Keyword(String word, JsonNode value) {}

  private JsonNode number(int start) {
    cursor.advance(1);
    while (!cursor.atEnd() && "0123456789.eE+-".indexOf(cursor.peek()) >= 0) {
      cursor.advance(1);
    }
    String text = cursor.slice(start);
    try {
      JsonNode value = Json.MAPPER.readTree(text);
      if (value == null || !value.isNumber()) {
        throw cursor.error("invalid number '" + text + "'");
      }
      return value;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw cursor.error("invalid number '" + text + "'");
    }
  }

  /** Skips blanks; always true so it can sit in a loop condition. */
  private boolean skip() {
    cursor.skipBlanks();
    return true;
  }
}
