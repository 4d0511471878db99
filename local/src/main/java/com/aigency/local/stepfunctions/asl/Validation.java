package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One validation run: the machine-level and scope-level rules (StartAt, States, unique names,
 * transitions that stay in their scope, reachability), delegating each state to {@link
 * StateChecks}. Problems are collected in order, without duplicates.
 */
final class Validation {
  private static final Set<String> TOP_LEVEL =
      Set.of("Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage");

  private final Set<String> problems = new LinkedHashSet<>();
  private final Predicate<String> resourceSupported;
  private final Map<String, Integer> nameCounts = new HashMap<>();

  Validation(JsonNode definition, Predicate<String> resourceSupported) {
    this.resourceSupported = resourceSupported;
    countNames(definition);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  void problem(String where, String message) {
    problems.add(where + ": " + message);
  }

  boolean resourceSupported(String resource) {
    return resourceSupported.test(resource);
  }

  void machine(JsonNode definition) {
    String where = "Definition";
    if (definition == null || !definition.isObject()) {
      problem(where, "must be a JSON object");
      return;
    }
    for (String field : fieldNames(definition)) {
      if (!TOP_LEVEL.contains(field)) {
        problem(where, "field '" + field + "' is not allowed at the top level");
      }
    }
    if (!queryLanguage(where, definition.get("QueryLanguage"))) {
      return;
    }
    FieldChecks.string(this, where, definition, "Comment");
    FieldChecks.string(this, where, definition, "Version");
    FieldChecks.positiveInteger(this, where, definition, "TimeoutSeconds");
    scope(definition, where);
  }

  /** Reports a JSONata or unknown QueryLanguage; true when the language is JSONPath. */
  boolean queryLanguage(String where, JsonNode language) {
    if (language == null || "JSONPath".equals(language.asText(null))) {
      return true;
    }
    if ("JSONata".equals(language.asText(null))) {
      problem(where, "JSONata (QueryLanguage)" + " is not supported by the local engine");
    } else {
      problem(where, "QueryLanguage must be JSONPath or JSONata, not " + language);
    }
    return false;
  }

  /** A top-level machine, a Parallel branch, or a Map ItemProcessor. */
  void scope(JsonNode scope, String label) {
    JsonNode states = scope.get("States");
    if (states == null || !states.isObject() || states.isEmpty()) {
      problem(label, "States must be a non-empty object");
    }
    Set<String> names = states != null && states.isObject() ? fieldNames(states) : Set.of();
    JsonNode startAt = scope.get("StartAt");
    String start = null;
    if (startAt == null) {
      problem(label, "missing StartAt");
    } else if (!startAt.isTextual()) {
      problem(label, "StartAt must be a string");
    } else if (!names.contains(startAt.textValue())) {
      problem(label, "StartAt '" + startAt.textValue() + "' is not a state" + elsewhere(startAt));
    } else {
      start = startAt.textValue();
    }
    for (String name : names) {
      String where = stateLabel(name);
      if (name.length() > 80) {
        problem(where, "a state name must be at most 80 characters");
      }
      if (nameCounts.getOrDefault(name, 0) > 1) {
        problem(
            where, "the name is used by more than one state; names must be unique machine-wide");
      }
      new StateChecks(this, name, states.get(name), names).check();
    }
    if (start != null) {
      Set<String> reached = reachable(states, start);
      for (String name : names) {
        if (!reached.contains(name)) {
          problem(stateLabel(name), "is not reachable from StartAt '" + start + "'");
        }
      }
    }
  }

  /** Checks a Next/Default target: a state of the same scope. */
  void target(String where, String field, JsonNode target, Set<String> scopeNames) {
    if (target == null || !target.isTextual()) {
      problem(where, field + " must be the name of a state");
    } else if (!scopeNames.contains(target.textValue())) {
      problem(where, field + " '" + target.textValue() + "' is not a state" + elsewhere(target));
    }
  }

  private String elsewhere(JsonNode name) {
    return nameCounts.containsKey(name.textValue())
        ? " of this scope (transitions cannot cross a Parallel branch or Map ItemProcessor)"
        : "";
  }

  static String stateLabel(String name) {
    return "State '" + name + "'";
  }

  static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new LinkedHashSet<>();
    object.properties().forEach(field -> names.add(field.getKey()));
    return names;
  }

  private static Set<String> reachable(JsonNode states, String start) {
    Set<String> reached = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(start));
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!reached.add(name) || !states.has(name)) {
        continue;
      }
      for (String next : transitions(states.get(name))) {
        if (states.has(next) && !reached.contains(next)) {
          pending.push(next);
        }
      }
    }
    return reached;
  }

  /** Next, Default, every Choice rule's Next, every Catcher's Next. */
  private static List<String> transitions(JsonNode state) {
    List<String> targets = new ArrayList<>();
    addText(targets, state.get("Next"));
    addText(targets, state.get("Default"));
    for (JsonNode rule : state.path("Choices")) {
      addText(targets, rule.get("Next"));
    }
    for (JsonNode catcher : state.path("Catch")) {
      addText(targets, catcher.get("Next"));
    }
    return targets;
  }

  private static void addText(List<String> out, JsonNode node) {
    if (node != null && node.isTextual()) {
      out.add(node.textValue());
    }
  }

  /** Counts state names in every scope, so duplicates and cross-scope targets can be named. */
  private void countNames(JsonNode scope) {
    if (scope == null || !scope.isObject()) {
      return;
    }
    JsonNode states = scope.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    for (String name : fieldNames(states)) {
      nameCounts.merge(name, 1, Integer::sum);
      JsonNode state = states.get(name);
      for (JsonNode branch : state.path("Branches")) {
        countNames(branch);
      }
      countNames(state.get("ItemProcessor"));
      countNames(state.get("Iterator"));
    }
  }
}
