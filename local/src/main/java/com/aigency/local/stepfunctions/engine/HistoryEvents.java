package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.aws.LocalAwsAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The history events AWS records, with their types and {@code ...EventDetails} members. Inputs and
 * outputs are JSON text with {@code inputDetails/outputDetails {"truncated": false}}; an error or
 * cause that was not given is left out rather than sent as null or empty, as AWS does.
 */
final class HistoryEvents {

  /** An event about to be recorded: its type and details. */
  record Pending(String type, String detailsMember, ObjectNode details) {}

  private HistoryEvents() {}

  static Pending executionStarted(String input, String roleArn) {
    ObjectNode details = AwsJson.object().put("input", input);
    details.putObject("inputDetails").put("truncated", false);
    details.put("roleArn", roleArn);
    return new Pending("ExecutionStarted", "executionStartedEventDetails", details);
  }

  static Pending executionSucceeded(String output) {
    return new Pending("ExecutionSucceeded", "executionSucceededEventDetails", withOutput(output));
  }

  static Pending executionFailed(String error, String cause) {
    return new Pending(
        "ExecutionFailed", "executionFailedEventDetails", errorDetails(error, cause));
  }

  static Pending executionAborted(String error, String cause) {
    return new Pending(
        "ExecutionAborted", "executionAbortedEventDetails", errorDetails(error, cause));
  }

  static Pending executionTimedOut(String error) {
    return new Pending(
        "ExecutionTimedOut", "executionTimedOutEventDetails", errorDetails(error, null));
  }

  static Pending stateEntered(String stateType, String name, JsonNode input) {
    ObjectNode details = AwsJson.object().put("name", name).put("input", Json.write(input));
    details.putObject("inputDetails").put("truncated", false);
    return new Pending(stateType + "StateEntered", "stateEnteredEventDetails", details);
  }

  static Pending stateExited(String stateType, String name, JsonNode output) {
    ObjectNode details = AwsJson.object().put("name", name).setAll(withOutput(Json.write(output)));
    return new Pending(stateType + "StateExited", "stateExitedEventDetails", details);
  }

  /** TaskStateAborted, WaitStateAborted, ParallelStateAborted, MapStateAborted. */
  static Pending stateAborted(String stateType) {
    return new Pending(stateType + "StateAborted", null, null);
  }

  static Pending taskScheduled(
      ResourceRef ref, JsonNode parameters, Long timeoutSeconds, Long heartbeatSeconds) {
    ObjectNode details = resource(ref);
    details.put("region", LocalAwsAccount.REGION);
    details.put("parameters", Json.write(parameters));
    if (timeoutSeconds != null) {
      details.put("timeoutInSeconds", timeoutSeconds);
    }
    if (heartbeatSeconds != null) {
      details.put("heartbeatInSeconds", heartbeatSeconds);
    }
    return new Pending("TaskScheduled", "taskScheduledEventDetails", details);
  }

  static Pending taskStarted(ResourceRef ref) {
    return new Pending("TaskStarted", "taskStartedEventDetails", resource(ref));
  }

  static Pending taskSubmitted(ResourceRef ref, JsonNode output) {
    ObjectNode details = resource(ref).setAll(withOutput(Json.write(output)));
    return new Pending("TaskSubmitted", "taskSubmittedEventDetails", details);
  }

  static Pending taskSucceeded(ResourceRef ref, JsonNode output) {
    ObjectNode details = resource(ref).setAll(withOutput(Json.write(output)));
    return new Pending("TaskSucceeded", "taskSucceededEventDetails", details);
  }

  static Pending taskFailed(ResourceRef ref, String error, String cause) {
    ObjectNode details = resource(ref).setAll(errorDetails(error, cause));
    return new Pending("TaskFailed", "taskFailedEventDetails", details);
  }

  static Pending taskTimedOut(ResourceRef ref, String error) {
    ObjectNode details = resource(ref).setAll(errorDetails(error, null));
    return new Pending("TaskTimedOut", "taskTimedOutEventDetails", details);
  }

  static Pending lambdaScheduled(ResourceRef ref, JsonNode input, Long timeoutSeconds) {
    ObjectNode details =
        AwsJson.object().put("resource", ref.arn()).put("input", Json.write(input));
    details.putObject("inputDetails").put("truncated", false);
    if (timeoutSeconds != null) {
      details.put("timeoutInSeconds", timeoutSeconds);
    }
    return new Pending("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", details);
  }

  static Pending lambdaStarted() {
    return new Pending("LambdaFunctionStarted", null, null);
  }

  static Pending lambdaSucceeded(JsonNode output) {
    return new Pending(
        "LambdaFunctionSucceeded",
        "lambdaFunctionSucceededEventDetails",
        withOutput(Json.write(output)));
  }

  static Pending lambdaFailed(String error, String cause) {
    return new Pending(
        "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails", errorDetails(error, cause));
  }

  static Pending lambdaTimedOut(String error) {
    return new Pending(
        "LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails", errorDetails(error, null));
  }

  static Pending parallelStarted() {
    return new Pending("ParallelStateStarted", null, null);
  }

  static Pending parallelSucceeded() {
    return new Pending("ParallelStateSucceeded", null, null);
  }

  static Pending parallelFailed() {
    return new Pending("ParallelStateFailed", null, null);
  }

  static Pending mapStarted(int length) {
    return new Pending(
        "MapStateStarted", "mapStateStartedEventDetails", AwsJson.object().put("length", length));
  }

  static Pending mapSucceeded() {
    return new Pending("MapStateSucceeded", null, null);
  }

  static Pending mapFailed() {
    return new Pending("MapStateFailed", null, null);
  }

  /** MapIterationStarted, MapIterationSucceeded, MapIterationFailed or MapIterationAborted. */
  static Pending mapIteration(String outcome, String mapStateName, int index) {
    String member = "mapIteration" + outcome + "EventDetails";
    return new Pending(
        "MapIteration" + outcome,
        member,
        AwsJson.object().put("name", mapStateName).put("index", index));
  }

  private static ObjectNode resource(ResourceRef ref) {
    return AwsJson.object().put("resourceType", ref.resourceType()).put("resource", ref.resource());
  }

  private static ObjectNode withOutput(String output) {
    ObjectNode details = AwsJson.object().put("output", output);
    details.putObject("outputDetails").put("truncated", false);
    return details;
  }

  private static ObjectNode errorDetails(String error, String cause) {
    ObjectNode details = AwsJson.object();
    if (error != null && !error.isEmpty()) {
      details.put("error", error);
    }
    if (cause != null && !cause.isEmpty()) {
      details.put("cause", cause);
    }
    return details;
  }
}
