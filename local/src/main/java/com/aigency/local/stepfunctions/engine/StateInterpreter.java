package com.aigency.local.stepfunctions.engine;

import com.aigency.local.stepfunctions.asl.ChoiceRules;
import com.aigency.local.stepfunctions.asl.ErrorHandling;
import com.aigency.local.stepfunctions.asl.InputOutput;
import com.aigency.local.stepfunctions.asl.JsonPaths;
import com.aigency.local.stepfunctions.asl.PayloadTemplates;
import com.aigency.local.stepfunctions.asl.StatesError;
import com.aigency.local.stepfunctions.asl.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The states' semantics, one step of one branch at a time, under the execution's lock: entering a
 * state, doing its work (or starting to wait for it), applying the outcome through ResultSelector,
 * ResultPath and OutputPath, Retry and Catch, and the transitions. Parallel and Map are in {@link
 * FanOutStates}.
 */
final class StateInterpreter {

  private static final Set<String> WITH_RETRY_AND_CATCH = Set.of("Task", "Parallel", "Map");
  private static final Set<String> ABORTABLE = Set.of("Task", "Wait", "Parallel", "Map");

  private final ExecutionRuntime runtime;
  private final FanOutStates fanOut;
  private final RandomGenerator random = RandomGenerator.getDefault();

  StateInterpreter(ExecutionRuntime runtime) {
    this.runtime = runtime;
    this.fanOut = new FanOutStates(runtime, this);
  }

  static boolean abortable(String stateType) {
    return ABORTABLE.contains(stateType);
  }

  String stateType(BranchState branch) {
    return stateOf(branch).path("Type").asText();
  }

  JsonNode stateOf(BranchState branch) {
    return runtime.definition().at(branch.statesPointer).path("States").path(branch.stateName);
  }

  // ---- ENTERING -----------------------------------------------------------------------------

  void enter(BranchState branch) {
    if (runtime.stateMachineDeleting()) {
      // AWS ends executions of a deleted machine at their next state transition
      runtime.failExecution(
          StatesError.RUNTIME,
          "State machine " + runtime.state.stateMachineName + " has been deleted.",
          branch.lastEventId);
      return;
    }
    JsonNode state = stateOf(branch);
    branch.enteredTime = runtime.now();
    branch.retryCounts = new ArrayList<>(Collections.nCopies(state.path("Retry").size(), 0));
    branch.retryTotal = 0;
    branch.effectiveInput = null;
    branch.outcome = null;
    runtime.record(
        branch,
        HistoryEvents.stateEntered(
            state.path("Type").asText(), branch.stateName, branch.stateInput));
    branch.phase = BranchPhase.STARTING;
  }

  // ---- STARTING -----------------------------------------------------------------------------

  void start(BranchState branch) {
    JsonNode state = stateOf(branch);
    String type = state.path("Type").asText();
    try {
      switch (type) {
        case "Pass" -> pass(branch, state);
        case "Choice" -> choice(branch, state);
        case "Wait" -> startWait(branch, state);
        case "Succeed" -> succeed(branch, state);
        case "Fail" -> fail(branch, state);
        case "Task" -> startTask(branch, state);
        case "Parallel" -> fanOut.startParallel(branch, state);
        case "Map" -> fanOut.startMap(branch, state);
        default ->
            throw new StatesError(
                StatesError.RUNTIME, "State type " + type + " is not supported by this engine");
      }
    } catch (StatesError e) {
      stateFailed(branch, state, e);
    }
  }

  private void pass(BranchState branch, JsonNode state) {
    JsonNode effective = InputOutput.inputPath(branch.stateInput, state.get("InputPath"));
    if (state.has("Parameters")) {
      effective =
          PayloadTemplates.resolve(state.get("Parameters"), effective, runtime.context(branch));
    }
    JsonNode result = state.has("Result") ? state.get("Result").deepCopy() : effective;
    JsonNode output = InputOutput.resultPath(branch.stateInput, state.get("ResultPath"), result);
    exit(branch, state, InputOutput.outputPath(output, state.get("OutputPath")));
  }

  private void choice(BranchState branch, JsonNode state) {
    JsonNode effective = InputOutput.inputPath(branch.stateInput, state.get("InputPath"));
    String next = ChoiceRules.next(state, effective, runtime.context(branch));
    JsonNode output = InputOutput.outputPath(effective, state.get("OutputPath"));
    runtime.record(branch, HistoryEvents.stateExited("Choice", branch.stateName, output));
    transitionTo(branch, next, output);
  }

  private void startWait(BranchState branch, JsonNode state) {
    JsonNode effective = InputOutput.inputPath(branch.stateInput, state.get("InputPath"));
    branch.effectiveInput = effective;
    branch.wakeAt = wakeTime(branch, state, effective);
    branch.generation++;
    branch.phase = BranchPhase.WAITING;
    runtime.scheduleBranch(branch, Timers.Kind.WAIT, branch.wakeAt);
  }

  private Instant wakeTime(BranchState branch, JsonNode state, JsonNode effective) {
    if (state.has("Seconds")) {
      return branch.enteredTime.plusSeconds(state.get("Seconds").asLong());
    }
    if (state.has("Timestamp")) {
      return timestamp(state.get("Timestamp"), "Timestamp");
    }
    if (state.has("SecondsPath")) {
      JsonNode seconds = read(effective, state.get("SecondsPath").asText(), branch);
      if (!seconds.isIntegralNumber() || seconds.asLong() < 0) {
        throw new StatesError(
            StatesError.RUNTIME,
            "The SecondsPath parameter does not reference a valid non-negative integer: "
                + seconds);
      }
      return branch.enteredTime.plusSeconds(seconds.asLong());
    }
    if (state.has("TimestampPath")) {
      return timestamp(
          read(effective, state.get("TimestampPath").asText(), branch), "TimestampPath");
    }
    throw new StatesError(StatesError.RUNTIME, "Wait state " + branch.stateName + " has no wait");
  }

  private static Instant timestamp(JsonNode value, String field) {
    return Timestamps.parse(value)
        .orElseThrow(
            () ->
                new StatesError(
                    StatesError.RUNTIME,
                    "The "
                        + field
                        + " parameter does not reference a valid ISO-8601 timestamp: "
                        + value));
  }

  private void succeed(BranchState branch, JsonNode state) {
    JsonNode effective = InputOutput.inputPath(branch.stateInput, state.get("InputPath"));
    JsonNode output = InputOutput.outputPath(effective, state.get("OutputPath"));
    runtime.record(branch, HistoryEvents.stateExited("Succeed", branch.stateName, output));
    branchSucceeded(branch, output);
  }

  private void fail(BranchState branch, JsonNode state) {
    String error = failField(branch, state, "Error");
    String cause = failField(branch, state, "Cause");
    branchFailed(branch, error, cause);
  }

  // Error/Cause, or ErrorPath/CausePath: a reference path or an intrinsic function on the raw
  // input, which must give a string.
  private String failField(BranchState branch, JsonNode state, String field) {
    if (state.has(field)) {
      return state.get(field).asText();
    }
    JsonNode path = state.get(field + "Path");
    if (path == null) {
      return null;
    }
    JsonNode value =
        PayloadTemplates.evaluate(path.asText(), branch.stateInput, runtime.context(branch));
    if (!value.isTextual()) {
      throw new StatesError(
          StatesError.RUNTIME, "The " + field + "Path of a Fail state must select a string");
    }
    return value.textValue();
  }

  private void startTask(BranchState branch, JsonNode state) {
    ResourceRef ref = ResourceRef.parse(state.path("Resource").asText());
    JsonNode effective = InputOutput.inputPath(branch.stateInput, state.get("InputPath"));
    branch.generation++;
    if (ref.callback()) {
      runtime.mintToken(branch);
    }
    ObjectNode context = runtime.context(branch);
    JsonNode parameters =
        state.has("Parameters")
            ? PayloadTemplates.resolve(state.get("Parameters"), effective, context)
            : effective;
    Long timeout = seconds(state, "TimeoutSeconds", effective, branch);
    Long heartbeat = seconds(state, "HeartbeatSeconds", effective, branch);
    branch.parameters = parameters;
    Instant now = runtime.now();
    if (timeout != null) {
      branch.timeoutAt = now.plusSeconds(timeout);
      runtime.scheduleBranch(branch, Timers.Kind.TASK_TIMEOUT, branch.timeoutAt);
    }
    // heartbeats come with a task token: only callback tasks can send them
    if (heartbeat != null && ref.callback()) {
      branch.heartbeatSeconds = heartbeat;
      branch.heartbeatAt = now.plusSeconds(heartbeat);
      runtime.scheduleBranch(branch, Timers.Kind.HEARTBEAT, branch.heartbeatAt);
    }
    if (ref.lambdaFunction()) {
      runtime.record(branch, HistoryEvents.lambdaScheduled(ref, parameters, timeout));
      runtime.record(branch, HistoryEvents.lambdaStarted());
    } else {
      runtime.record(branch, HistoryEvents.taskScheduled(ref, parameters, timeout, heartbeat));
      runtime.record(branch, HistoryEvents.taskStarted(ref));
    }
    branch.phase = BranchPhase.INVOKING;
  }

  // TimeoutSeconds/HeartbeatSeconds, or their Path forms on the effective input: positive integers
  private Long seconds(JsonNode state, String field, JsonNode effective, BranchState branch) {
    JsonNode value = state.get(field);
    if (value == null && state.has(field + "Path")) {
      value = read(effective, state.get(field + "Path").asText(), branch);
    }
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || value.asLong() <= 0) {
      throw new StatesError(
          StatesError.RUNTIME, field + " must be a positive integer, not " + value);
    }
    return value.asLong();
  }

  // ---- a Task's resource call and its answers ---------------------------------------------

  Invocation invocationOf(BranchState branch) {
    return runtime.invocation(branch, ResourceRef.parse(stateOf(branch).path("Resource").asText()));
  }

  /** The resource call of {@code call} returned; ignored if the branch moved on meanwhile. */
  void invoked(Invocation call, Outcome outcome) {
    BranchState branch = runtime.branch(call.branchId());
    if (branch == null
        || branch.generation != call.generation()
        || branch.phase != BranchPhase.INVOKING) {
      return;
    }
    ResourceRef ref = call.ref();
    if (outcome.failed()) {
      recordTaskFailure(branch, ref, outcome);
      settleWith(branch, outcome);
      return;
    }
    if (ref.callback() || ref.waitsForChild()) {
      runtime.record(branch, HistoryEvents.taskSubmitted(ref, outcome.result()));
      if (ref.waitsForChild()) {
        branch.childExecutionArn = outcome.result().path("ExecutionArn").asText();
      }
      if (branch.earlyOutcome != null) {
        taskAnswered(branch, branch.earlyOutcome);
      } else {
        branch.phase =
            ref.callback() ? BranchPhase.AWAITING_TOKEN : BranchPhase.AWAITING_CHILD_EXECUTION;
      }
      return;
    }
    taskAnswered(branch, outcome);
  }

  /** The task's final answer: a token answer, a child's end, or a request-response result. */
  void taskAnswered(BranchState branch, Outcome outcome) {
    ResourceRef ref = ResourceRef.parse(stateOf(branch).path("Resource").asText());
    if (outcome.failed()) {
      recordTaskFailure(branch, ref, outcome);
    } else if (ref.lambdaFunction()) {
      runtime.record(branch, HistoryEvents.lambdaSucceeded(outcome.result()));
    } else {
      runtime.record(branch, HistoryEvents.taskSucceeded(ref, outcome.result()));
    }
    settleWith(branch, outcome);
  }

  private void recordTaskFailure(BranchState branch, ResourceRef ref, Outcome outcome) {
    runtime.record(
        branch,
        ref.lambdaFunction()
            ? HistoryEvents.lambdaFailed(outcome.error(), outcome.cause())
            : HistoryEvents.taskFailed(ref, outcome.error(), outcome.cause()));
  }

  void timerFired(BranchState branch, Timers.Kind kind) {
    switch (kind) {
      case WAIT -> {
        if (branch.phase == BranchPhase.WAITING) {
          wakeUp(branch);
        }
      }
      case RETRY -> {
        if (branch.phase == BranchPhase.RETRY_BACKOFF) {
          branch.wakeAt = null;
          branch.phase = BranchPhase.STARTING;
        }
      }
      case TASK_TIMEOUT -> timedOut(branch, StatesError.TIMEOUT);
      case HEARTBEAT -> timedOut(branch, StatesError.HEARTBEAT_TIMEOUT);
      case EXECUTION_TIMEOUT -> throw new IllegalArgumentException("not a branch timer");
    }
  }

  private void wakeUp(BranchState branch) {
    JsonNode state = stateOf(branch);
    branch.wakeAt = null;
    try {
      exit(branch, state, InputOutput.outputPath(branch.effectiveInput, state.get("OutputPath")));
    } catch (StatesError e) {
      stateFailed(branch, state, e);
    }
  }

  private void timedOut(BranchState branch, String error) {
    if (branch.phase != BranchPhase.INVOKING
        && branch.phase != BranchPhase.AWAITING_TOKEN
        && branch.phase != BranchPhase.AWAITING_CHILD_EXECUTION) {
      return;
    }
    ResourceRef ref = ResourceRef.parse(stateOf(branch).path("Resource").asText());
    runtime.record(
        branch,
        ref.lambdaFunction()
            ? HistoryEvents.lambdaTimedOut(error)
            : HistoryEvents.taskTimedOut(ref, error));
    settleWith(branch, Outcome.failure(error, null));
  }

  private void settleWith(BranchState branch, Outcome outcome) {
    runtime.settle(branch);
    branch.outcome = outcome;
    branch.phase = BranchPhase.OUTCOME_READY;
  }

  // ---- OUTCOME_READY ------------------------------------------------------------------------

  /** Applies a Task, Parallel or Map outcome: results processing and exit, or Retry and Catch. */
  void finish(BranchState branch) {
    JsonNode state = stateOf(branch);
    Outcome outcome = branch.outcome;
    branch.outcome = null;
    if (outcome.failed()) {
      stateFailed(branch, state, new StatesError(outcome.error(), outcome.cause()));
      return;
    }
    try {
      JsonNode result = outcome.result();
      if (state.has("ResultSelector")) {
        result =
            PayloadTemplates.resolve(state.get("ResultSelector"), result, runtime.context(branch));
      }
      JsonNode output = InputOutput.resultPath(branch.stateInput, state.get("ResultPath"), result);
      exit(branch, state, InputOutput.outputPath(output, state.get("OutputPath")));
    } catch (StatesError e) {
      stateFailed(branch, state, e);
    }
  }

  /**
   * An error in a state: its first matching retrier retries while it has attempts left, else its
   * first matching catcher routes the error output, else the branch fails. {@code States.Runtime}
   * is never retried nor caught, as in AWS.
   */
  void stateFailed(BranchState branch, JsonNode state, StatesError error) {
    runtime.settle(branch);
    String type = state.path("Type").asText();
    if (WITH_RETRY_AND_CATCH.contains(type) && !StatesError.RUNTIME.equals(error.error())) {
      if (retry(branch, state.path("Retry"), error)) {
        return;
      }
      JsonNode catchers = state.path("Catch");
      int index = catchers.isArray() ? ErrorHandling.match(catchers, error.error()) : -1;
      if (index >= 0) {
        JsonNode catcher = catchers.get(index);
        ObjectNode errorOutput = ErrorHandling.errorOutput(error.error(), error.cause());
        JsonNode output;
        try {
          output =
              InputOutput.resultPath(branch.stateInput, catcher.get("ResultPath"), errorOutput);
        } catch (StatesError e) {
          branchFailed(branch, e.error(), e.cause());
          return;
        }
        runtime.record(branch, HistoryEvents.stateExited(type, branch.stateName, output));
        transitionTo(branch, catcher.path("Next").asText(), output);
        return;
      }
    }
    branchFailed(branch, error.error(), error.cause());
  }

  private boolean retry(BranchState branch, JsonNode retriers, StatesError error) {
    int index = retriers.isArray() ? ErrorHandling.match(retriers, error.error()) : -1;
    if (index < 0) {
      return false;
    }
    JsonNode retrier = retriers.get(index);
    int attempts = branch.retryCounts.get(index);
    if (attempts >= ErrorHandling.maxAttempts(retrier)) {
      return false;
    }
    Duration delay = ErrorHandling.retryDelay(retrier, attempts + 1, random);
    branch.retryCounts.set(index, attempts + 1);
    branch.retryTotal++;
    branch.wakeAt = runtime.now().plus(delay);
    branch.phase = BranchPhase.RETRY_BACKOFF;
    runtime.scheduleBranch(branch, Timers.Kind.RETRY, branch.wakeAt);
    return true;
  }

  // ---- transitions --------------------------------------------------------------------------

  private void exit(BranchState branch, JsonNode state, JsonNode output) {
    String type = state.path("Type").asText();
    runtime.record(branch, HistoryEvents.stateExited(type, branch.stateName, output));
    if (state.path("End").asBoolean(false)) {
      branchSucceeded(branch, output);
    } else {
      transitionTo(branch, state.path("Next").asText(), output);
    }
  }

  private void transitionTo(BranchState branch, String next, JsonNode output) {
    branch.stateName = next;
    branch.stateInput = output;
    branch.phase = BranchPhase.ENTERING;
  }

  void branchSucceeded(BranchState branch, JsonNode output) {
    branch.phase = BranchPhase.SUCCEEDED;
    branch.output = output;
    switch (branch.kind) {
      case ROOT -> runtime.succeedExecution(output, branch.lastEventId);
      case PARALLEL_BRANCH -> fanOut.branchSucceeded(branch);
      case MAP_ITERATION -> fanOut.iterationSucceeded(branch);
    }
  }

  void branchFailed(BranchState branch, String error, String cause) {
    runtime.settle(branch);
    branch.phase = BranchPhase.FAILED;
    branch.error = error;
    branch.cause = cause;
    switch (branch.kind) {
      case ROOT -> runtime.failExecution(error, cause, branch.lastEventId);
      case PARALLEL_BRANCH -> fanOut.branchFailed(branch);
      case MAP_ITERATION -> fanOut.iterationFailed(branch);
    }
  }

  // A path field's value: $$ paths read the context object.
  JsonNode read(JsonNode data, String path, BranchState branch) {
    JsonNode source = path.startsWith("$$") ? runtime.context(branch) : data;
    return JsonPaths.read(source, path, StatesError.RUNTIME);
  }
}
