package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.JsonStateFile;
import com.aigency.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution at run time: its persisted {@link ExecutionState} behind a lock, and the entry
 * points that move it (work units, timers, task tokens, child executions, StopExecution). Every
 * change happens under the lock and is saved before the lock is released; resource calls happen
 * outside it.
 */
final class ExecutionRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionRuntime.class);

  /** AWS ends an execution whose history reaches this many events, the last being the failure. */
  static final int HISTORY_LIMIT = 25_000;

  private static final Set<BranchPhase> TASK_IN_FLIGHT =
      EnumSet.of(
          BranchPhase.INVOKING, BranchPhase.AWAITING_TOKEN, BranchPhase.AWAITING_CHILD_EXECUTION);

  /** Thrown when the next event would exceed the history limit. */
  private static final class HistoryLimitReached extends RuntimeException {
    HistoryLimitReached() {
      super("history limit", null, false, false);
    }
  }

  final ExecutionState state;
  final long sequence;
  private final StepFunctionsEngine engine;
  private final JsonStateFile<ExecutionState> file;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final StateInterpreter interpreter;
  private final JsonNode definition;
  private final JsonNode input;

  /** Resource calls in progress (branch id # generation): not persisted, so resumed ones re-run. */
  private final Set<String> invoking = new HashSet<>();

  ExecutionRuntime(
      StepFunctionsEngine engine,
      ExecutionState state,
      long sequence,
      JsonStateFile<ExecutionState> file) {
    this.engine = engine;
    this.state = state;
    this.sequence = sequence;
    this.file = file;
    this.definition = Json.parse(state.definition).orElseThrow();
    this.input = Json.parse(state.input).orElseThrow();
    this.interpreter = new StateInterpreter(this);
  }

  // ---- entry points -------------------------------------------------------------------------

  /** Starts a new execution: ExecutionStarted, the first state, the execution timeout. */
  void begin() {
    lock.lock();
    try {
      recordExecutionEvent(HistoryEvents.executionStarted(state.input, state.roleArn), 0);
      BranchState root = new BranchState(ExecutionState.ROOT, null, BranchKind.ROOT, 0, "");
      root.stateName = definition.path("StartAt").asText();
      root.stateInput = input;
      root.phase = BranchPhase.ENTERING;
      state.branches.put(root.id, root);
      persist();
      engine.schedule(this, null, Timers.Kind.EXECUTION_TIMEOUT, state.deadline, 0);
      submitAdvance(root);
    } finally {
      lock.unlock();
    }
  }

  /** Picks up a loaded execution where it was: timers, tokens, and branches with work to do. */
  void resume() {
    lock.lock();
    try {
      state.tokens.keySet().forEach(id -> engine.registerToken(id, state.executionArn));
      if (state.status != ExecutionStatus.RUNNING) {
        return;
      }
      engine.schedule(this, null, Timers.Kind.EXECUTION_TIMEOUT, state.deadline, 0);
      for (BranchState branch : List.copyOf(state.branches.values())) {
        resumeBranch(branch);
      }
    } finally {
      lock.unlock();
    }
  }

  private void resumeBranch(BranchState branch) {
    if (branch.timeoutAt != null) {
      scheduleBranch(branch, Timers.Kind.TASK_TIMEOUT, branch.timeoutAt);
    }
    if (branch.heartbeatAt != null) {
      scheduleBranch(branch, Timers.Kind.HEARTBEAT, branch.heartbeatAt);
    }
    switch (branch.phase) {
      case ENTERING, STARTING, OUTCOME_READY, INVOKING -> submitAdvance(branch);
      case WAITING -> scheduleBranch(branch, Timers.Kind.WAIT, branch.wakeAt);
      case RETRY_BACKOFF -> scheduleBranch(branch, Timers.Kind.RETRY, branch.wakeAt);
      default -> {
        // waits on a token, a child execution or its own branches: they will move it
      }
    }
  }

  /**
   * A work unit: moves one branch until it waits, making its resource calls outside the lock. A
   * callback task whose resource call was interrupted by a restart is invoked again, as Step
   * Functions' at-least-once delivery allows.
   */
  void advance(String branchId) {
    while (true) {
      Invocation call;
      lock.lock();
      try {
        call = stepUntilBlocked(branchId);
      } finally {
        lock.unlock();
      }
      if (call == null) {
        return;
      }
      Outcome outcome = engine.invoke(call);
      lock.lock();
      try {
        invoking.remove(call.branchId() + "#" + call.generation());
        if (!running()) {
          return;
        }
        guarded(() -> interpreter.invoked(call, outcome));
        persist();
      } finally {
        lock.unlock();
      }
    }
  }

  /** A work unit for a due timer. */
  void onTimer(Timers.Timer timer) {
    String branchId;
    lock.lock();
    try {
      if (!running()) {
        return;
      }
      if (timer.kind() == Timers.Kind.EXECUTION_TIMEOUT) {
        terminate(ExecutionStatus.TIMED_OUT, StatesError.TIMEOUT, null);
        return;
      }
      BranchState branch = state.branches.get(timer.branchId());
      if (branch == null || branch.generation != timer.generation()) {
        return;
      }
      guarded(() -> interpreter.timerFired(branch, timer.kind()));
      persist();
      branchId = branch.id;
    } finally {
      lock.unlock();
    }
    advance(branchId);
  }

  /**
   * SendTaskSuccess or SendTaskFailure for a token of this execution.
   *
   * @throws com.aigency.local.aws.AwsJsonException TaskTimedOut when the task is already closed
   */
  void completeTask(String tokenId, Outcome outcome) {
    lock.lock();
    try {
      BranchState branch = openTaskOf(tokenId);
      closeToken(tokenId);
      if (branch.phase == BranchPhase.INVOKING) {
        // answered while its resource call is still running (an in-process Lambda calling back)
        branch.earlyOutcome = outcome;
        cancelTaskTimers(branch);
        persist();
        return;
      }
      guarded(() -> interpreter.taskAnswered(branch, outcome));
      persist();
      submitAdvance(branch);
    } finally {
      lock.unlock();
    }
  }

  /** SendTaskHeartbeat: restarts the heartbeat timer of the task. */
  void heartbeat(String tokenId) {
    lock.lock();
    try {
      BranchState branch = openTaskOf(tokenId);
      if (branch.heartbeatSeconds != null) {
        branch.heartbeatAt = now().plusSeconds(branch.heartbeatSeconds);
        engine.cancel(this, branch.id, Timers.Kind.HEARTBEAT);
        scheduleBranch(branch, Timers.Kind.HEARTBEAT, branch.heartbeatAt);
        persist();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A work unit: the child execution a {@code .sync} task waits for has ended. */
  void childExecutionEnded(ParentTask parent, ExecutionDescription child) {
    lock.lock();
    try {
      if (!running()) {
        return;
      }
      BranchState branch = state.branches.get(parent.branchId());
      if (branch == null || branch.generation != parent.generation()) {
        return;
      }
      Outcome outcome = ChildExecutions.outcome(child, parent.jsonOutput());
      if (branch.phase == BranchPhase.INVOKING) {
        // ended before StartExecution even returned to the task
        branch.earlyOutcome = outcome;
        persist();
        return;
      }
      if (branch.phase != BranchPhase.AWAITING_CHILD_EXECUTION
          || !child.executionArn().equals(branch.childExecutionArn)) {
        return;
      }
      guarded(() -> interpreter.taskAnswered(branch, outcome));
      persist();
      submitAdvance(branch);
    } finally {
      lock.unlock();
    }
  }

  /**
   * StopExecution: aborts a running execution; a finished one is left as it is.
   *
   * @return the stop date
   */
  Instant stop(String error, String cause) {
    lock.lock();
    try {
      if (running()) {
        terminate(ExecutionStatus.ABORTED, error, cause);
      }
      return state.stopDate;
    } finally {
      lock.unlock();
    }
  }

  ExecutionDescription describe() {
    lock.lock();
    try {
      return state.describe();
    } finally {
      lock.unlock();
    }
  }

  List<HistoryEvent> history() {
    lock.lock();
    try {
      return List.copyOf(state.history);
    } finally {
      lock.unlock();
    }
  }

  ExecutionDescription awaitTerminal(Duration wallTimeout) throws InterruptedException {
    long remaining = wallTimeout.toNanos();
    lock.lock();
    try {
      while (state.status == ExecutionStatus.RUNNING) {
        if (remaining <= 0) {
          throw new IllegalStateException(
              state.executionArn + " is still RUNNING after " + wallTimeout);
        }
        remaining = changed.awaitNanos(remaining);
      }
      return state.describe();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no save is in progress; after the engine closes, none starts. */
  void quiesceForClose() throws InterruptedException {
    if (lock.tryLock(5, TimeUnit.SECONDS)) {
      lock.unlock();
    }
  }

  // ---- services for the interpreter (called under the lock) ----------------------------------

  Instant now() {
    return engine.now();
  }

  JsonNode definition() {
    return definition;
  }

  ObjectNode context(BranchState branch) {
    return ContextObject.of(state, input, branch);
  }

  BranchState branch(String id) {
    return state.branches.get(id);
  }

  BranchState newBranch(BranchKind kind, BranchState parent, int index, String statesPointer) {
    BranchState branch =
        new BranchState(state.newBranchId(), parent.id, kind, index, statesPointer);
    state.branches.put(branch.id, branch);
    parent.children.add(branch.id);
    return branch;
  }

  /** Forgets a finished Parallel branch or Map iteration. */
  void removeBranch(BranchState branch) {
    state.branches.remove(branch.id);
    BranchState parent = branch.parentId == null ? null : state.branches.get(branch.parentId);
    if (parent != null) {
      parent.children.remove(branch.id);
    }
  }

  void submitAdvance(BranchState branch) {
    String id = branch.id;
    engine.submit(() -> advance(id));
  }

  void record(BranchState branch, HistoryEvents.Pending event) {
    branch.lastEventId = append(event, branch.lastEventId, false);
  }

  TaskTokens.Minted mintToken(BranchState branch) {
    TaskTokens.Minted token = engine.mintToken(state.executionArn);
    state.tokens.put(token.id(), new TokenState(branch.id, true));
    branch.taskTokenId = token.id();
    branch.taskToken = token.token();
    return token;
  }

  void scheduleBranch(BranchState branch, Timers.Kind kind, Instant due) {
    engine.schedule(this, branch.id, kind, due, branch.generation);
  }

  void cancelTaskTimers(BranchState branch) {
    engine.cancel(this, branch.id, Timers.Kind.TASK_TIMEOUT);
    engine.cancel(this, branch.id, Timers.Kind.HEARTBEAT);
    branch.timeoutAt = null;
    branch.heartbeatAt = null;
  }

  boolean stateMachineDeleting() {
    return engine.stateMachineDeleting(state.stateMachineArn);
  }

  Invocation invocation(BranchState branch, ResourceRef ref) {
    return new Invocation(
        state.executionArn, branch.id, branch.generation, ref, branch.parameters, context(branch));
  }

  /**
   * Ends whatever the branch was waiting for: timers, its open token, a child execution still
   * running, its own branches; a new generation makes late answers to the old wait no-ops.
   */
  void settle(BranchState branch) {
    engine.cancelBranch(this, branch.id);
    if (branch.taskTokenId != null) {
      closeToken(branch.taskTokenId);
    }
    if (branch.childExecutionArn != null && TASK_IN_FLIGHT.contains(branch.phase)) {
      engine.stopChildExecution(branch.childExecutionArn);
    }
    for (String childId : List.copyOf(branch.children)) {
      abortTree(childId, true);
    }
    branch.clearTask();
    branch.wakeAt = null;
    branch.generation++;
  }

  /**
   * Aborts a branch and everything under it; with {@code recordEvents}, as a failing sibling aborts
   * it: {@code <Type>StateAborted} for a Task, Wait, Parallel or Map in progress and {@code
   * MapIterationAborted} for an iteration.
   */
  void abortTree(String branchId, boolean recordEvents) {
    BranchState branch = state.branches.get(branchId);
    if (branch == null || branch.phase.terminal()) {
      return;
    }
    for (String childId : List.copyOf(branch.children)) {
      abortTree(childId, recordEvents);
    }
    if (recordEvents) {
      String type = interpreter.stateType(branch);
      if (branch.phase != BranchPhase.ENTERING && StateInterpreter.abortable(type)) {
        record(branch, HistoryEvents.stateAborted(type));
      }
      BranchState parent = branch.parentId == null ? null : state.branches.get(branch.parentId);
      if (branch.kind == BranchKind.MAP_ITERATION && parent != null) {
        record(branch, HistoryEvents.mapIteration("Aborted", parent.stateName, branch.index));
      }
    }
    settle(branch);
    branch.phase = BranchPhase.ABORTED;
    if (branch.kind != BranchKind.ROOT) {
      removeBranch(branch);
    }
  }

  void succeedExecution(JsonNode output, long previousEventId) {
    state.output = Json.write(output);
    finish(ExecutionStatus.SUCCEEDED);
    append(HistoryEvents.executionSucceeded(state.output), previousEventId, true);
    ended();
  }

  void failExecution(String error, String cause, long previousEventId) {
    abortTree(ExecutionState.ROOT, false);
    state.error = blankToNull(error);
    state.cause = blankToNull(cause);
    finish(ExecutionStatus.FAILED);
    append(HistoryEvents.executionFailed(error, cause), previousEventId, true);
    ended();
  }

  // ---- internals ----------------------------------------------------------------------------

  private Invocation stepUntilBlocked(String branchId) {
    Invocation[] call = new Invocation[1];
    guarded(
        () -> {
          while (running()) {
            BranchState branch = state.branches.get(branchId);
            if (branch == null || branch.phase.terminal()) {
              return;
            }
            switch (branch.phase) {
              case ENTERING -> interpreter.enter(branch);
              case STARTING -> interpreter.start(branch);
              case OUTCOME_READY -> interpreter.finish(branch);
              case INVOKING -> {
                String key = branch.id + "#" + branch.generation;
                if (branch.earlyOutcome != null && !invoking.contains(key)) {
                  // resumed after a restart: the answer came before its resource call returned
                  interpreter.taskAnswered(branch, branch.earlyOutcome);
                } else {
                  // one work unit owns a resource call; another one reaching it leaves it alone
                  if (invoking.add(key)) {
                    call[0] = interpreter.invocationOf(branch);
                  }
                  return;
                }
              }
              default -> {
                return;
              }
            }
            persist();
          }
        });
    persist();
    return running() ? call[0] : null;
  }

  // Every change that records events goes through here: reaching AWS's history limit ends the
  // execution the way AWS does, with the failure as event 25,000.
  private void guarded(Runnable change) {
    try {
      change.run();
    } catch (HistoryLimitReached e) {
      failExecution(
          StatesError.RUNTIME,
          "The execution reached the maximum number of history events (" + HISTORY_LIMIT + ").",
          state.history.size());
    }
  }

  private BranchState openTaskOf(String tokenId) {
    TokenState token = state.tokens.get(tokenId);
    if (token == null) {
      throw SfnErrors.taskDoesNotExist();
    }
    BranchState branch = state.branches.get(token.branchId());
    if (!token.open()
        || !running()
        || branch == null
        || !tokenId.equals(branch.taskTokenId)
        || !(branch.phase == BranchPhase.AWAITING_TOKEN || branch.phase == BranchPhase.INVOKING)) {
      throw SfnErrors.taskTimedOut();
    }
    return branch;
  }

  private void closeToken(String tokenId) {
    TokenState token = state.tokens.get(tokenId);
    if (token != null && token.open()) {
      state.tokens.put(tokenId, new TokenState(token.branchId(), false));
    }
  }

  private void terminate(ExecutionStatus status, String error, String cause) {
    abortTree(ExecutionState.ROOT, false);
    if (status == ExecutionStatus.ABORTED) {
      state.error = blankToNull(error);
      state.cause = blankToNull(cause);
    }
    finish(status);
    // AWS chains an abort or a timeout to no event: previousEventId 0
    append(
        status == ExecutionStatus.ABORTED
            ? HistoryEvents.executionAborted(error, cause)
            : HistoryEvents.executionTimedOut(error),
        0,
        true);
    ended();
  }

  private void finish(ExecutionStatus status) {
    state.status = status;
    state.stopDate = now();
    for (String tokenId : List.copyOf(state.tokens.keySet())) {
      closeToken(tokenId);
    }
    engine.cancelExecution(this);
  }

  private void ended() {
    persist();
    changed.signalAll();
    engine.executionEnded(this);
  }

  private long append(HistoryEvents.Pending event, long previousEventId, boolean terminal) {
    long id = state.history.size() + 1L;
    if (!terminal && id >= HISTORY_LIMIT) {
      throw new HistoryLimitReached();
    }
    state.history.add(
        new HistoryEvent(
            id, previousEventId, now(), event.type(), event.detailsMember(), event.details()));
    return id;
  }

  private void recordExecutionEvent(HistoryEvents.Pending event, long previousEventId) {
    append(event, previousEventId, false);
  }

  private boolean running() {
    return state.status == ExecutionStatus.RUNNING && !engine.closed();
  }

  private void persist() {
    if (engine.closed()) {
      return;
    }
    try {
      file.save(state);
    } catch (RuntimeException e) {
      LOG.error("cannot save execution {}", state.executionArn, e);
      throw e;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
