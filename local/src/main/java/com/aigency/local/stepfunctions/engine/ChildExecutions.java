package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code arn:aws:states:::states:startExecution} integration's documents: what the task gets
 * when it starts a child, and, for {@code .sync} and {@code .sync:2}, when the child ends (the
 * DescribeExecution shape, with Input/Output as JSON text for {@code .sync} and as JSON for {@code
 * .sync:2}). Dates are epoch milliseconds, as in AWS's examples.
 */
final class ChildExecutions {

  private ChildExecutions() {}

  /** The Parameters of the task, as StartExecution arguments. */
  record Request(String stateMachineArn, String name, String input) {}

  static Request request(JsonNode parameters) {
    JsonNode arn = parameters.path("StateMachineArn");
    if (!arn.isTextual()) {
      throw new StatesError(
          StatesError.RUNTIME, "states:startExecution needs a StateMachineArn string parameter");
    }
    JsonNode name = parameters.path("Name");
    JsonNode input = parameters.path("Input");
    String inputText =
        input.isMissingNode() || input.isNull()
            ? "{}"
            : input.isTextual() ? input.textValue() : Json.write(input);
    return new Request(arn.textValue(), name.isTextual() ? name.textValue() : null, inputText);
  }

  static ObjectNode started(StartedExecution started) {
    return AwsJson.object()
        .put("ExecutionArn", started.executionArn())
        .put("StartDate", started.startDate().toEpochMilli());
  }

  /** A finished child as the waiting task's outcome: SUCCEEDED succeeds, anything else fails. */
  static Outcome outcome(ExecutionDescription child, boolean jsonOutput) {
    ObjectNode described = describe(child, jsonOutput);
    if (child.status() == ExecutionStatus.SUCCEEDED) {
      return Outcome.success(described);
    }
    return Outcome.failure(StatesError.TASK_FAILED, Json.write(described));
  }

  static ObjectNode describe(ExecutionDescription child, boolean jsonOutput) {
    ObjectNode node = AwsJson.object().put("ExecutionArn", child.executionArn());
    putDocument(node, "Input", child.input(), jsonOutput);
    node.putObject("InputDetails").put("Included", true);
    node.put("Name", child.name());
    if (child.output() != null) {
      putDocument(node, "Output", child.output(), jsonOutput);
      node.putObject("OutputDetails").put("Included", true);
    }
    if (child.error() != null) {
      node.put("Error", child.error());
    }
    if (child.cause() != null) {
      node.put("Cause", child.cause());
    }
    node.put("RedriveCount", 0);
    node.put("StartDate", child.startDate().toEpochMilli());
    node.put("StateMachineArn", child.stateMachineArn());
    node.put("Status", child.status().name());
    if (child.stopDate() != null) {
      node.put("StopDate", child.stopDate().toEpochMilli());
    }
    return node;
  }

  private static void putDocument(ObjectNode node, String field, String text, boolean json) {
    if (json) {
      node.set(field, Json.parse(text).orElseThrow());
    } else {
      node.put(field, text);
    }
  }
}
