package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks of single field values shared by the state checks. Each takes the label to print and the
 * node (Java {@code null} when the field is absent, which is always fine here).
 */
final class FieldChecks {
  private FieldChecks() {}

  /** What a path field may hold. */
  enum PathKind {
    /** Any path on the state's data ({@code $} only, not the context object). */
    PATH,
    /** A Reference Path on the state's data: ResultPath. */
    REFERENCE,
    /** A Reference Path on the data or on the context object ({@code $$}). */
    REFERENCE_OR_CONTEXT
  }

  private static final Set<String> RETRIER_FIELDS =
      Set.of(
          "ErrorEquals",
          "IntervalSeconds",
          "MaxAttempts",
          "BackoffRate",
          "MaxDelaySeconds",
          "JitterStrategy",
          "Comment");
  private static final Set<String> CATCHER_FIELDS =
      Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

  static void string(Validation v, String where, JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node != null && !node.isTextual()) {
      v.problem(where, field + " must be a string");
    }
  }

  static void positiveInteger(Validation v, String where, JsonNode parent, String field) {
    positiveInteger(v, where, field, parent.get(field));
  }

  static void positiveInteger(Validation v, String where, String label, JsonNode node) {
    if (node != null && JsonValues.integral(node).filter(n -> n > 0).isEmpty()) {
      v.problem(where, label + " must be a positive integer, not " + node);
    }
  }

  static void nonNegativeInteger(Validation v, String where, String label, JsonNode node) {
    if (node != null && JsonValues.integral(node).filter(n -> n >= 0).isEmpty()) {
      v.problem(where, label + " must be a non-negative integer, not " + node);
    }
  }

  static void exclusive(Validation v, String where, JsonNode state, String a, String b) {
    if (state.has(a) && state.has(b)) {
      v.problem(where, "has both " + a + " and " + b + "; use only one");
    }
  }

  static void path(
      Validation v, String where, String label, JsonNode node, boolean nullable, PathKind kind) {
    if (node == null) {
      return;
    }
    if (node.isNull()) {
      if (!nullable) {
        v.problem(where, label + " must be a path, not null");
      }
      return;
    }
    if (!node.isTextual()) {
      v.problem(where, label + " must be a path string, not " + node);
      return;
    }
    String path = node.textValue();
    var syntax = JsonPaths.syntaxProblem(path);
    if (syntax.isPresent()) {
      v.problem(where, label + ": " + syntax.get());
      return;
    }
    boolean context = path.startsWith("$$");
    switch (kind) {
      case PATH -> {
        if (context) {
          v.problem(where, label + " '" + path + "' must apply to the state's data, not $$");
        }
      }
      case REFERENCE -> {
        if (context) {
          v.problem(where, label + " '" + path + "' must not begin with $$");
        } else if (!JsonPaths.isReferencePath(path)) {
          v.problem(where, label + " '" + path + "' must be a reference path" + REFERENCE_HINT);
        }
      }
      case REFERENCE_OR_CONTEXT -> {
        if (!JsonPaths.isReferencePath(context ? path.substring(1) : path)) {
          v.problem(where, label + " '" + path + "' must be a reference path" + REFERENCE_HINT);
        }
      }
    }
  }

  private static final String REFERENCE_HINT =
      " (only .name, ['name'] and [index] steps, selecting a single node)";

  /** Parameters, ResultSelector, ItemSelector: an object whose {@code .$} values are valid. */
  static void payloadTemplate(Validation v, String where, JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return;
    }
    if (!node.isObject()) {
      v.problem(where, field + " must be a JSON object (a payload template)");
      return;
    }
    template(v, where, field, node);
  }

  private static void template(Validation v, String where, String label, JsonNode node) {
    if (node.isObject()) {
      Set<String> keys = new HashSet<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        boolean dynamic = key.endsWith(".$") && key.length() > 2;
        String effective = dynamic ? key.substring(0, key.length() - 2) : key;
        if (!keys.add(effective)) {
          v.problem(where, label + " has the field '" + effective + "' twice once '.$' is removed");
        }
        String inner = label + "." + key;
        if (!dynamic) {
          template(v, where, inner, field.getValue());
        } else if (!field.getValue().isTextual()) {
          v.problem(where, inner + " must be a path or an intrinsic function string");
        } else {
          dynamicValue(v, where, inner, field.getValue().textValue());
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        template(v, where, label + "[" + i + "]", node.get(i));
      }
    }
  }

  /** A {@code .$} value: a path ({@code $...}), a context path ({@code $$...}), or an intrinsic. */
  static void dynamicValue(Validation v, String where, String label, String expression) {
    var problem =
        expression.startsWith("$")
            ? JsonPaths.syntaxProblem(
                expression.startsWith("$$") ? expression.substring(1) : expression)
            : IntrinsicFunctions.syntaxProblem(expression);
    problem.ifPresent(p -> v.problem(where, label + ": " + p));
  }

  static void retriers(Validation v, String where, JsonNode state) {
    JsonNode retry = state.get("Retry");
    if (retry == null) {
      return;
    }
    if (!retry.isArray()) {
      v.problem(where, "Retry must be an array of Retriers");
      return;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode retrier = retry.get(i);
      String label = "Retry[" + i + "]";
      if (!retrier.isObject()) {
        v.problem(where, label + " must be an object");
        continue;
      }
      for (String field : Validation.fieldNames(retrier)) {
        if (!RETRIER_FIELDS.contains(field)) {
          v.problem(where, label + " has the field '" + field + "', which a Retrier cannot have");
        }
      }
      errorEquals(v, where, label, retrier.get("ErrorEquals"), i == retry.size() - 1);
      positiveInteger(v, where, label + ".IntervalSeconds", retrier.get("IntervalSeconds"));
      nonNegativeInteger(v, where, label + ".MaxAttempts", retrier.get("MaxAttempts"));
      positiveInteger(v, where, label + ".MaxDelaySeconds", retrier.get("MaxDelaySeconds"));
      JsonNode rate = retrier.get("BackoffRate");
      if (rate != null && (!rate.isNumber() || rate.doubleValue() < 1.0)) {
        v.problem(where, label + ".BackoffRate must be a number of at least 1.0, not " + rate);
      }
      JsonNode jitter = retrier.get("JitterStrategy");
      if (jitter != null && !jitter.asText().equals("FULL") && !jitter.asText().equals("NONE")) {
        v.problem(where, label + ".JitterStrategy must be FULL or NONE, not " + jitter);
      }
    }
  }

  static void catchers(Validation v, String where, JsonNode state, Set<String> scopeNames) {
    JsonNode catchers = state.get("Catch");
    if (catchers == null) {
      return;
    }
    if (!catchers.isArray()) {
      v.problem(where, "Catch must be an array of Catchers");
      return;
    }
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode catcher = catchers.get(i);
      String label = "Catch[" + i + "]";
      if (!catcher.isObject()) {
        v.problem(where, label + " must be an object");
        continue;
      }
      for (String field : Validation.fieldNames(catcher)) {
        if (field.equals("Assign")) {
          v.problem(where, label + ": " + StateFields.variablesUnsupported());
        } else if (field.equals("Output")) {
          v.problem(where, label + ": " + StateFields.jsonataField("Output"));
        } else if (!CATCHER_FIELDS.contains(field)) {
          v.problem(where, label + " has the field '" + field + "', which a Catcher cannot have");
        }
      }
      errorEquals(v, where, label, catcher.get("ErrorEquals"), i == catchers.size() - 1);
      v.target(where, label + ".Next", catcher.get("Next"), scopeNames);
      path(v, where, label + ".ResultPath", catcher.get("ResultPath"), true, PathKind.REFERENCE);
    }
  }

  /** The spec: States.ALL "MUST appear alone ... and MUST appear in the last" Retrier/Catcher. */
  private static void errorEquals(
      Validation v, String where, String label, JsonNode names, boolean last) {
    if (names == null || !names.isArray() || names.isEmpty()) {
      v.problem(where, label + ".ErrorEquals must be a non-empty array of error names");
      return;
    }
    for (JsonNode name : names) {
      if (!name.isTextual()) {
        v.problem(where, label + ".ErrorEquals must hold strings, not " + name);
      } else if (name.textValue().equals(StatesError.ALL)) {
        if (names.size() > 1) {
          v.problem(where, label + ": States.ALL must appear alone in ErrorEquals");
        }
        if (!last) {
          v.problem(where, label + ": the one with States.ALL must be the last");
        }
      }
    }
  }
}
