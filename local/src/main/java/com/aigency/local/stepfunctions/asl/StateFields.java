package com.aigency.local.stepfunctions.asl;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which fields each JSONPath state type may have (the spec's tables and state sections), and the
 * fields the local engine deliberately does not support, with the message that says so.
 */
final class StateFields {
  private StateFields() {}

  static final Set<String> TYPES =
      Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
  private static final Set<String> IO = Set.of("InputPath", "OutputPath");
  private static final Set<String> FLOW = Set.of("Next", "End");
  private static final Set<String> RESULTS =
      Set.of("Parameters", "ResultSelector", "ResultPath", "Retry", "Catch");

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "Task",
          union(
              IO,
              FLOW,
              RESULTS,
              Set.of(
                  "Resource",
                  "TimeoutSeconds",
                  "TimeoutSecondsPath",
                  "HeartbeatSeconds",
                  "HeartbeatSecondsPath")),
          "Pass",
          union(IO, FLOW, Set.of("Parameters", "ResultPath", "Result")),
          "Choice",
          union(IO, Set.of("Choices", "Default")),
          "Wait",
          union(IO, FLOW, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")),
          "Succeed",
          IO,
          "Fail",
          Set.of("Error", "ErrorPath", "Cause", "CausePath"),
          "Parallel",
          union(IO, FLOW, RESULTS, Set.of("Branches")),
          "Map",
          union(
              IO,
              FLOW,
              RESULTS,
              Set.of(
                  "ItemSelector",
                  "ItemsPath",
                  "ItemProcessor",
                  "Iterator",
                  "MaxConcurrency",
                  "MaxConcurrencyPath",
                  "ToleratedFailurePercentage",
                  "ToleratedFailurePercentagePath",
                  "ToleratedFailureCount",
                  "ToleratedFailureCountPath")));

  private static final String UNSUPPORTED = " is not supported by the local engine";
  private static final String JSONATA = " is a JSONata field; JSONata" + UNSUPPORTED;
  private static final String VARIABLES = "Assign (state machine variables)" + UNSUPPORTED;
  private static final String DISTRIBUTED = " (Distributed Map)" + UNSUPPORTED;

  static boolean allowed(String type, String field) {
    return COMMON.contains(field) || ALLOWED.get(type).contains(field);
  }

  /**
   * The loud-limit message for a field the spec allows on {@code type} but this engine does not
   * support, or empty.
   */
  static Optional<String> unsupported(String type, String field) {
    String message =
        switch (field) {
          case "Assign" -> type.equals("Succeed") || type.equals("Fail") ? null : VARIABLES;
          case "Output" -> type.equals("Fail") ? null : "Output" + JSONATA;
          case "Arguments" ->
              type.equals("Task") || type.equals("Parallel") ? "Arguments" + JSONATA : null;
          case "Items" -> type.equals("Map") ? "Items" + JSONATA : null;
          case "ItemReader", "ResultWriter", "ItemBatcher", "Label" ->
              type.equals("Map") ? field + DISTRIBUTED : null;
          case "Credentials" ->
              type.equals("Task") ? "Credentials (cross-account Task role)" + UNSUPPORTED : null;
          default -> null;
        };
    return Optional.ofNullable(message);
  }

  static String variablesUnsupported() {
    return VARIABLES;
  }

  static String jsonataField(String field) {
    return field + JSONATA;
  }

  static String unsupported(String feature) {
    return feature + UNSUPPORTED;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    java.util.HashSet<String> all = new java.util.HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }
}
