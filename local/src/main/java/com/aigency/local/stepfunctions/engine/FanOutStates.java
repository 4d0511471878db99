package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.stepfunctions.asl.InputOutput;
import com.aigency.local.stepfunctions.asl.PayloadTemplates;
import com.aigency.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Parallel and Map (inline): they start child branches, collect their outputs in branch or item
 * order, and end when all have succeeded or when one fails. A failing branch fails the Parallel
 * state with the branch's own error and aborts its siblings; a failing iteration fails the Map with
 * its error, or, when a tolerated failure threshold is set, only once the threshold is exceeded,
 * with {@code States.ExceedToleratedFailureThreshold}.
 */
final class FanOutStates {

  private final ExecutionRuntime runtime;
  private final StateInterpreter interpreter;

  FanOutStates(ExecutionRuntime runtime, StateInterpreter interpreter) {
    this.runtime = runtime;
    this.interpreter = interpreter;
  }

  // ---- Parallel -----------------------------------------------------------------------------

  void startParallel(BranchState parent, JsonNode state) {
    JsonNode effective = InputOutput.inputPath(parent.stateInput, state.get("InputPath"));
    JsonNode input =
        state.has("Parameters")
            ? PayloadTemplates.resolve(state.get("Parameters"), effective, runtime.context(parent))
            : effective;
    JsonNode branches = state.path("Branches");
    parent.generation++;
    runtime.record(parent, HistoryEvents.parallelStarted());
    parent.results = nulls(branches.size());
    parent.finished = 0;
    parent.phase = BranchPhase.AWAITING_BRANCHES;
    for (int i = 0; i < branches.size(); i++) {
      BranchState child =
          runtime.newBranch(
              BranchKind.PARALLEL_BRANCH, parent, i, statePointer(parent) + "/Branches/" + i);
      child.stateName = branches.get(i).path("StartAt").asText();
      child.stateInput = input.deepCopy();
      child.phase = BranchPhase.ENTERING;
      child.lastEventId = parent.lastEventId;
      runtime.submitAdvance(child);
    }
  }

  void branchSucceeded(BranchState child) {
    BranchState parent = waitingParent(child);
    if (parent == null) {
      return;
    }
    parent.results.set(child.index, child.output);
    parent.finished++;
    parent.lastEventId = child.lastEventId;
    if (parent.finished == parent.results.size()) {
      runtime.record(parent, HistoryEvents.parallelSucceeded());
      ready(parent, Outcome.success(parent.results));
    }
  }

  void branchFailed(BranchState child) {
    BranchState parent = waitingParent(child);
    if (parent == null) {
      return;
    }
    parent.lastEventId = child.lastEventId;
    abortChildren(parent);
    runtime.record(parent, HistoryEvents.parallelFailed());
    ready(parent, Outcome.failure(child.error, child.cause));
  }

  // ---- Map ----------------------------------------------------------------------------------

  void startMap(BranchState parent, JsonNode state) {
    JsonNode effective = InputOutput.inputPath(parent.stateInput, state.get("InputPath"));
    JsonNode items =
        state.has("ItemsPath")
            ? interpreter.read(effective, state.get("ItemsPath").asText(), parent)
            : effective;
    if (!items.isArray()) {
      throw new StatesError(
          StatesError.RUNTIME,
          "Map state " + parent.stateName + " needs an array of items, not " + items.getNodeType());
    }
    Long maxConcurrency = count(state, "MaxConcurrency", effective, parent);
    parent.maxConcurrency =
        maxConcurrency == null ? 0 : (int) Math.min(maxConcurrency, Integer.MAX_VALUE);
    parent.toleratedFailureCount = count(state, "ToleratedFailureCount", effective, parent);
    parent.toleratedFailurePercentage = percentage(state, effective, parent);
    parent.effectiveInput = effective;
    parent.items = (ArrayNode) items.deepCopy();
    parent.results = nulls(items.size());
    parent.nextItem = 0;
    parent.running = 0;
    parent.finished = 0;
    parent.failures = 0;
    parent.generation++;
    runtime.record(parent, HistoryEvents.mapStarted(items.size()));
    parent.phase = BranchPhase.AWAITING_BRANCHES;
    continueMap(parent);
  }

  void iterationSucceeded(BranchState child) {
    BranchState parent = waitingParent(child);
    if (parent == null) {
      return;
    }
    runtime.record(child, HistoryEvents.mapIteration("Succeeded", parent.stateName, child.index));
    parent.lastEventId = child.lastEventId;
    parent.results.set(child.index, child.output);
    parent.running--;
    parent.finished++;
    continueMap(parent);
  }

  void iterationFailed(BranchState child) {
    BranchState parent = waitingParent(child);
    if (parent == null) {
      return;
    }
    runtime.record(child, HistoryEvents.mapIteration("Failed", parent.stateName, child.index));
    parent.lastEventId = child.lastEventId;
    parent.running--;
    parent.finished++;
    parent.failures++;
    boolean tolerates =
        parent.toleratedFailureCount != null || parent.toleratedFailurePercentage != null;
    if (!tolerates) {
      failMap(parent, child.error, child.cause);
    } else if (toleranceExceeded(parent)) {
      failMap(
          parent,
          StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD,
          "The specified tolerated failure threshold was exceeded");
    } else {
      // a tolerated failure keeps its place in the results, as its error output
      ObjectNode errorOutput = AwsJson.object();
      errorOutput.put("Error", child.error == null ? "" : child.error);
      errorOutput.put("Cause", child.cause == null ? "" : child.cause);
      parent.results.set(child.index, errorOutput);
      continueMap(parent);
    }
  }

  private static boolean toleranceExceeded(BranchState parent) {
    boolean count =
        parent.toleratedFailureCount != null && parent.failures > parent.toleratedFailureCount;
    boolean percentage =
        parent.toleratedFailurePercentage != null
            && parent.failures * 100.0 / parent.items.size() > parent.toleratedFailurePercentage;
    return count || percentage;
  }

  // Starts iterations while the concurrency limit allows, and ends the Map when all are done.
  private void continueMap(BranchState parent) {
    JsonNode state = interpreter.stateOf(parent);
    try {
      while (parent.nextItem < parent.items.size()
          && (parent.maxConcurrency == 0 || parent.running < parent.maxConcurrency)) {
        startIteration(parent, state, parent.nextItem++);
      }
    } catch (StatesError e) {
      failMap(parent, e.error(), e.cause());
      return;
    }
    if (parent.finished == parent.items.size()) {
      runtime.record(parent, HistoryEvents.mapSucceeded());
      ready(parent, Outcome.success(parent.results));
    }
  }

  private void startIteration(BranchState parent, JsonNode state, int index) {
    JsonNode value = parent.items.get(index);
    // ItemSelector (or the legacy Parameters) builds each item's input from the Map's input
    JsonNode selector =
        state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
    JsonNode input =
        selector == null
            ? value.deepCopy()
            : PayloadTemplates.resolve(
                selector,
                parent.effectiveInput,
                ContextObject.withMapItem(runtime.context(parent), index, value));
    String processor = state.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator";
    BranchState child =
        runtime.newBranch(
            BranchKind.MAP_ITERATION, parent, index, statePointer(parent) + processor);
    child.stateName = state.path(processor.substring(1)).path("StartAt").asText();
    child.stateInput = input;
    child.phase = BranchPhase.ENTERING;
    runtime.record(parent, HistoryEvents.mapIteration("Started", parent.stateName, index));
    child.lastEventId = parent.lastEventId;
    parent.running++;
    runtime.submitAdvance(child);
  }

  private void failMap(BranchState parent, String error, String cause) {
    abortChildren(parent);
    runtime.record(parent, HistoryEvents.mapFailed());
    ready(parent, Outcome.failure(error, cause));
  }

  // ---- shared -------------------------------------------------------------------------------

  // The Parallel or Map state waiting for this child; the child is forgotten either way.
  private BranchState waitingParent(BranchState child) {
    BranchState parent = runtime.branch(child.parentId);
    runtime.removeBranch(child);
    return parent != null && parent.phase == BranchPhase.AWAITING_BRANCHES ? parent : null;
  }

  private void abortChildren(BranchState parent) {
    for (String childId : List.copyOf(parent.children)) {
      runtime.abortTree(childId, true);
    }
  }

  private void ready(BranchState parent, Outcome outcome) {
    parent.outcome = outcome;
    parent.phase = BranchPhase.OUTCOME_READY;
    runtime.submitAdvance(parent);
  }

  // MaxConcurrency (0: no limit) and ToleratedFailureCount, or their Path forms: non-negative
  // integers.
  private Long count(JsonNode state, String field, JsonNode effective, BranchState parent) {
    JsonNode value = fieldOrPath(state, field, effective, parent);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || value.asLong() < 0) {
      throw new StatesError(
          StatesError.RUNTIME, field + " must be a non-negative integer, not " + value);
    }
    return value.asLong();
  }

  // ToleratedFailurePercentage(Path): a number from 0 to 100.
  private Double percentage(JsonNode state, JsonNode effective, BranchState parent) {
    JsonNode value = fieldOrPath(state, "ToleratedFailurePercentage", effective, parent);
    if (value == null) {
      return null;
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 100) {
      throw new StatesError(
          StatesError.RUNTIME,
          "ToleratedFailurePercentage must be a number from 0 to 100, not " + value);
    }
    return value.asDouble();
  }

  private JsonNode fieldOrPath(
      JsonNode state, String field, JsonNode effective, BranchState parent) {
    JsonNode value = state.get(field);
    if (value == null && state.has(field + "Path")) {
      value = interpreter.read(effective, state.get(field + "Path").asText(), parent);
    }
    return value;
  }

  private String statePointer(BranchState parent) {
    return parent.statesPointer + "/States/" + escape(parent.stateName);
  }

  // JSON pointer escaping: ~ and / in state names
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static ArrayNode nulls(int size) {
    ArrayNode array = AwsJson.MAPPER.createArrayNode();
    for (int i = 0; i < size; i++) {
      array.addNull();
    }
    return array;
  }
}
