package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.FieldChecks.PathKind.PATH;
import static com.aigency.local.stepfunctions.asl.FieldChecks.PathKind.REFERENCE;
import static com.aigency.local.stepfunctions.asl.FieldChecks.PathKind.REFERENCE_OR_CONTEXT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** The checks of one state: its type, its fields, its transition and its type's own rules. */
final class StateChecks {
  private static final Set<String> SCOPE_FIELDS = Set.of("StartAt", "States", "Comment");
  private static final Set<String> PROCESSOR_FIELDS =
      Set.of("StartAt", "States", "Comment", "ProcessorConfig");

  private final Validation v;
  private final String name;
  private final JsonNode state;
  private final Set<String> scopeNames;
  private final String where;

  StateChecks(Validation v, String name, JsonNode state, Set<String> scopeNames) {
    this.v = v;
    this.name = name;
    this.state = state;
    this.scopeNames = scopeNames;
    this.where = Validation.stateLabel(name);
  }

  void check() {
    if (state == null || !state.isObject()) {
      v.problem(where, "a state must be a JSON object");
      return;
    }
    JsonNode typeNode = state.get("Type");
    if (typeNode == null) {
      v.problem(where, "missing Type");
      return;
    }
    String type = typeNode.asText();
    if (!typeNode.isTextual() || !StateFields.TYPES.contains(type)) {
      v.problem(where, "unknown Type " + typeNode);
      return;
    }
    if (!v.queryLanguage(where, state.get("QueryLanguage"))) {
      return;
    }
    for (String field : Validation.fieldNames(state)) {
      var unsupported = StateFields.unsupported(type, field);
      if (unsupported.isPresent()) {
        v.problem(where, unsupported.get());
      } else if (!StateFields.allowed(type, field)) {
        v.problem(where, "field '" + field + "' is not allowed on a " + type + " state");
      }
    }
    FieldChecks.string(v, where, state, "Comment");
    FieldChecks.path(v, where, "InputPath", state.get("InputPath"), true, PATH);
    FieldChecks.path(v, where, "OutputPath", state.get("OutputPath"), true, PATH);
    transition(type);
    switch (type) {
      case "Task" -> task();
      case "Pass" -> {
        FieldChecks.payloadTemplate(v, where, state, "Parameters");
        FieldChecks.path(v, where, "ResultPath", state.get("ResultPath"), true, REFERENCE);
      }
      case "Choice" -> choice();
      case "Wait" -> waitState();
      case "Fail" -> fail();
      case "Parallel" -> parallel();
      case "Map" -> map();
      default -> {
        // Succeed has nothing more to check.
      }
    }
  }

  /** Every state but Choice, Succeed and Fail needs exactly one of Next or "End": true. */
  private void transition(String type) {
    if (type.equals("Choice") || type.equals("Succeed") || type.equals("Fail")) {
      return;
    }
    JsonNode next = state.get("Next");
    JsonNode end = state.get("End");
    if (end != null && !end.isBoolean()) {
      v.problem(where, "End must be a boolean");
    }
    boolean isEnd = end != null && end.isBoolean() && end.booleanValue();
    if (isEnd && next != null) {
      v.problem(where, "has both Next and \"End\": true");
    } else if (!isEnd && next == null) {
      v.problem(where, "must have Next or \"End\": true");
    }
    if (next != null) {
      v.target(where, "Next", next, scopeNames);
    }
  }

  /** Parameters, ResultSelector, ResultPath, Retry and Catch, where the type allows them. */
  private void results() {
    FieldChecks.payloadTemplate(v, where, state, "Parameters");
    FieldChecks.payloadTemplate(v, where, state, "ResultSelector");
    FieldChecks.path(v, where, "ResultPath", state.get("ResultPath"), true, REFERENCE);
    FieldChecks.retriers(v, where, state);
    FieldChecks.catchers(v, where, state, scopeNames);
  }

  private void task() {
    JsonNode resource = state.get("Resource");
    if (resource == null) {
      v.problem(where, "a Task state must have a Resource");
    } else if (!resource.isTextual()) {
      v.problem(where, "Resource must be a string");
    } else if (!v.resourceSupported(resource.textValue())) {
      v.problem(where, StateFields.unsupported("Resource '" + resource.textValue() + "'"));
    }
    results();
    FieldChecks.positiveInteger(v, where, state, "TimeoutSeconds");
    FieldChecks.positiveInteger(v, where, state, "HeartbeatSeconds");
    FieldChecks.exclusive(v, where, state, "TimeoutSeconds", "TimeoutSecondsPath");
    FieldChecks.exclusive(v, where, state, "HeartbeatSeconds", "HeartbeatSecondsPath");
    for (String field : List.of("TimeoutSecondsPath", "HeartbeatSecondsPath")) {
      FieldChecks.path(v, where, field, state.get(field), false, REFERENCE_OR_CONTEXT);
    }
    var timeout = JsonValues.integral(state.get("TimeoutSeconds"));
    var heartbeat = JsonValues.integral(state.get("HeartbeatSeconds"));
    if (timeout.isPresent() && heartbeat.isPresent() && heartbeat.get() >= timeout.get()) {
      v.problem(where, "HeartbeatSeconds must be smaller than TimeoutSeconds");
    }
  }

  private void choice() {
    JsonNode choices = state.get("Choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      v.problem(where, "a Choice state must have Choices, a non-empty array of Choice rules");
    } else {
      for (int i = 0; i < choices.size(); i++) {
        new ChoiceRuleChecks(v, where, scopeNames).top(choices.get(i), "Choices[" + i + "]");
      }
    }
    if (state.has("Default")) {
      v.target(where, "Default", state.get("Default"), scopeNames);
    }
  }

  private void waitState() {
    List<String> given =
        List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath").stream()
            .filter(state::has)
            .toList();
    if (given.size() != 1) {
      v.problem(
          where,
          "a Wait state must have exactly one of Seconds, Timestamp, SecondsPath or TimestampPath"
              + (given.isEmpty() ? "" : ", not " + String.join(" and ", given)));
    }
    FieldChecks.nonNegativeInteger(v, where, "Seconds", state.get("Seconds"));
    JsonNode timestamp = state.get("Timestamp");
    if (timestamp != null && !Timestamps.isTimestamp(timestamp)) {
      v.problem(
          where,
          "Timestamp must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, not " + timestamp);
    }
    for (String field : List.of("SecondsPath", "TimestampPath")) {
      FieldChecks.path(v, where, field, state.get(field), false, REFERENCE_OR_CONTEXT);
    }
  }

  private void fail() {
    FieldChecks.exclusive(v, where, state, "Error", "ErrorPath");
    FieldChecks.exclusive(v, where, state, "Cause", "CausePath");
    FieldChecks.string(v, where, state, "Error");
    FieldChecks.string(v, where, state, "Cause");
    for (String field : List.of("ErrorPath", "CausePath")) {
      JsonNode value = state.get(field);
      if (value == null) {
        continue;
      }
      if (!value.isTextual()) {
        v.problem(where, field + " must be a reference path or an intrinsic function");
      } else if (value.textValue().startsWith("$")) {
        FieldChecks.path(v, where, field, value, false, REFERENCE_OR_CONTEXT);
      } else {
        FieldChecks.dynamicValue(v, where, field, value.textValue());
      }
    }
  }

  private void parallel() {
    results();
    JsonNode branches = state.get("Branches");
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      v.problem(where, "a Parallel state must have Branches, a non-empty array");
      return;
    }
    for (int i = 0; i < branches.size(); i++) {
      nested(branches.get(i), "Branches[" + i + "] of state '" + name + "'", SCOPE_FIELDS);
    }
  }

  private void map() {
    results();
    FieldChecks.payloadTemplate(v, where, state, "ItemSelector");
    FieldChecks.exclusive(v, where, state, "ItemSelector", "Parameters");
    FieldChecks.path(v, where, "ItemsPath", state.get("ItemsPath"), false, REFERENCE_OR_CONTEXT);
    FieldChecks.nonNegativeInteger(v, where, "MaxConcurrency", state.get("MaxConcurrency"));
    FieldChecks.nonNegativeInteger(
        v, where, "ToleratedFailureCount", state.get("ToleratedFailureCount"));
    JsonNode percentage = state.get("ToleratedFailurePercentage");
    if (percentage != null
        && (!percentage.isNumber()
            || percentage.doubleValue() < 0
            || percentage.doubleValue() > 100)) {
      v.problem(
          where, "ToleratedFailurePercentage must be a number from 0 to 100, not " + percentage);
    }
    for (String field :
        List.of("MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage")) {
      FieldChecks.exclusive(v, where, state, field, field + "Path");
      FieldChecks.path(
          v, where, field + "Path", state.get(field + "Path"), false, REFERENCE_OR_CONTEXT);
    }
    JsonNode processor = state.get("ItemProcessor");
    JsonNode iterator = state.get("Iterator");
    if (processor != null && iterator != null) {
      v.problem(where, "has both ItemProcessor and Iterator (its deprecated name); use one");
    } else if (processor == null && iterator == null) {
      v.problem(where, "a Map state must have an ItemProcessor (or the deprecated Iterator)");
    } else if (processor != null) {
      if (processor.isObject() && processor.has("ProcessorConfig")) {
        processorConfig(processor.get("ProcessorConfig"));
      }
      nested(processor, "ItemProcessor of state '" + name + "'", PROCESSOR_FIELDS);
    } else {
      nested(iterator, "Iterator of state '" + name + "'", SCOPE_FIELDS);
    }
  }

  private void processorConfig(JsonNode config) {
    if (!config.isObject()) {
      v.problem(where, "ItemProcessor.ProcessorConfig must be an object");
      return;
    }
    for (String field : Validation.fieldNames(config)) {
      JsonNode value = config.get(field);
      switch (field) {
        case "Mode" -> {
          if ("DISTRIBUTED".equals(value.asText())) {
            v.problem(
                where,
                StateFields.unsupported("Distributed Map (ProcessorConfig.Mode DISTRIBUTED)"));
          } else if (!"INLINE".equals(value.asText())) {
            v.problem(where, "ProcessorConfig.Mode must be INLINE or DISTRIBUTED, not " + value);
          }
        }
        case "ExecutionType" ->
            v.problem(
                where, StateFields.unsupported("ProcessorConfig.ExecutionType (Distributed Map)"));
        default ->
            v.problem(where, "ProcessorConfig has the field '" + field + "', which is not allowed");
      }
    }
  }

  private void nested(JsonNode scope, String label, Set<String> allowedFields) {
    if (scope == null || !scope.isObject()) {
      v.problem(label, "must be an object with StartAt and States");
      return;
    }
    for (String field : Validation.fieldNames(scope)) {
      if (!allowedFields.contains(field)) {
        v.problem(label, "field '" + field + "' is not allowed here");
      }
    }
    v.scope(scope, label);
  }
}
