package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The spec's rules for JSONPath Choice rules: a rule is a Boolean expression (exactly one of And,
 * Or, Not; And/Or a non-empty array of rules, Not a single rule) or a data-test expression (a
 * Variable path and exactly one comparison operator, its operand of the right type); only top-level
 * rules have a Next, which must name a state of the scope.
 */
final class ChoiceRuleChecks {
  private static final List<String> BOOLEAN = List.of("And", "Or", "Not");

  private final Validation v;
  private final String where;
  private final Set<String> scopeNames;

  ChoiceRuleChecks(Validation v, String where, Set<String> scopeNames) {
    this.v = v;
    this.where = where;
    this.scopeNames = scopeNames;
  }

  void top(JsonNode rule, String label) {
    if (!rule.isObject()) {
      v.problem(where, label + " must be an object");
      return;
    }
    if (!rule.has("Next")) {
      v.problem(where, label + " must have a Next");
    } else {
      v.target(where, label + ".Next", rule.get("Next"), scopeNames);
    }
    rule(rule, label, true);
  }

  private void rule(JsonNode rule, String label, boolean top) {
    if (!rule.isObject()) {
      v.problem(where, label + " must be an object");
      return;
    }
    List<String> booleans = BOOLEAN.stream().filter(rule::has).toList();
    if (booleans.size() > 1) {
      v.problem(where, label + " has more than one of And, Or, Not");
      return;
    }
    for (String field : Validation.fieldNames(rule)) {
      if (field.equals("Condition")) {
        v.problem(where, label + ": " + StateFields.jsonataField("Condition"));
      } else if (field.equals("Assign")) {
        v.problem(where, label + ": " + StateFields.variablesUnsupported());
      } else if (field.equals("Next") && !top) {
        v.problem(where, label + " is nested, so it must not have a Next");
      } else if (!known(field, booleans.isEmpty())) {
        v.problem(where, label + " has the unknown field '" + field + "'");
      }
    }
    if (booleans.isEmpty()) {
      dataTest(rule, label);
      return;
    }
    String operator = booleans.getFirst();
    JsonNode operand = rule.get(operator);
    if (operator.equals("Not")) {
      rule(operand, label + ".Not", false);
    } else if (!operand.isArray() || operand.isEmpty()) {
      v.problem(where, label + "." + operator + " must be a non-empty array of Choice rules");
    } else {
      for (int i = 0; i < operand.size(); i++) {
        rule(operand.get(i), label + "." + operator + "[" + i + "]", false);
      }
    }
  }

  private static boolean known(String field, boolean dataTest) {
    if (field.equals("Comment") || field.equals("Next")) {
      return true;
    }
    if (dataTest) {
      return field.equals("Variable") || ChoiceOperator.ALL.containsKey(field);
    }
    return BOOLEAN.contains(field);
  }

  private void dataTest(JsonNode rule, String label) {
    JsonNode variable = rule.get("Variable");
    if (variable == null) {
      v.problem(where, label + " must have a Variable (or be an And, Or or Not)");
    } else if (!variable.isTextual()) {
      v.problem(where, label + ".Variable must be a path");
    } else {
      String path = variable.textValue();
      JsonPaths.syntaxProblem(path.startsWith("$$") ? path.substring(1) : path)
          .ifPresent(p -> v.problem(where, label + ".Variable: " + p));
    }
    List<ChoiceOperator> operators =
        ChoiceOperator.ALL.values().stream().filter(op -> rule.has(op.field())).toList();
    if (operators.isEmpty()) {
      v.problem(where, label + " has no comparison operator");
      return;
    }
    if (operators.size() > 1) {
      v.problem(where, label + " must have exactly one comparison operator");
      return;
    }
    ChoiceOperator operator = operators.getFirst();
    JsonNode operand = rule.get(operator.field());
    if (!operator.acceptsLiteral(operand)) {
      v.problem(
          where, label + "." + operator.field() + " " + expectation(operator) + ", not " + operand);
    } else if (operator.kind() == ChoiceOperator.Kind.MATCHES) {
      StringMatches.problem(operand.textValue()).ifPresent(p -> v.problem(where, label + ": " + p));
    }
  }

  private static String expectation(ChoiceOperator operator) {
    if (operator.path()) {
      return "must be a path";
    }
    return switch (operator.kind()) {
      case STRING, MATCHES -> "must be a string";
      case NUMERIC -> "must be a number";
      case BOOLEAN -> "must be a boolean";
      case TIMESTAMP -> "must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z";
      default -> "must be true or false";
    };
  }
}
