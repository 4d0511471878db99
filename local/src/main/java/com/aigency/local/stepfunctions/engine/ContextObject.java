package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.AwsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The context object ({@code $$}) a state sees: {@code Execution.Id/Input/Name/RoleArn/StartTime/
 * RedriveCount}, {@code State.EnteredTime/Name/RetryCount}, {@code StateMachine.Id/Name}, and where
 * they apply {@code Task.Token} and {@code Map.Item.Index/Value}.
 */
final class ContextObject {

  // AWS writes these times with milliseconds always present: 2019-03-26T20:14:13.192Z
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ContextObject() {}

  static String format(Instant instant) {
    return TIME.format(instant);
  }

  static ObjectNode of(ExecutionState execution, JsonNode executionInput, BranchState branch) {
    ObjectNode context = AwsJson.object();
    ObjectNode exec = context.putObject("Execution");
    exec.put("Id", execution.executionArn);
    exec.set("Input", executionInput);
    exec.put("Name", execution.name);
    exec.put("RoleArn", execution.roleArn);
    exec.put("StartTime", format(execution.startDate));
    exec.put("RedriveCount", 0);
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", format(branch.enteredTime));
    state.put("Name", branch.stateName);
    state.put("RetryCount", branch.retryTotal);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", execution.stateMachineArn);
    machine.put("Name", execution.stateMachineName);
    if (branch.taskToken != null) {
      context.putObject("Task").put("Token", branch.taskToken);
    }
    return context;
  }

  /** The context of a Map state's ItemSelector for one item. */
  static ObjectNode withMapItem(ObjectNode context, int index, JsonNode value) {
    ObjectNode copy = context.deepCopy();
    ObjectNode item = copy.putObject("Map").putObject("Item");
    item.put("Index", index);
    item.set("Value", value);
    return copy;
  }
}
