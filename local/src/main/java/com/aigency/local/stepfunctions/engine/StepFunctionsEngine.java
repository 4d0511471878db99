package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.clock.LocalClock;
import com.aigency.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Step Functions: registers state machines and runs their executions on the {@link
 * LocalClock}, so Wait states, retry intervals, task timeouts, heartbeats and execution timeouts
 * are timers that fire when the clock is advanced. Executions, their Parallel branches and Map
 * iterations run on virtual threads; every change to an execution happens under its lock.
 *
 * <p>With a data folder, state machines and every execution (definition, history, the position of
 * each running branch, retry counters, timers, task tokens) are saved on each transition, and a new
 * engine on the same folder resumes the running executions where they were.
 *
 * <p>Errors are {@link AwsJsonException}s with Step Functions' error codes.
 */
public final class StepFunctionsEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsEngine.class);

  private static final Comparator<ExecutionRuntime> NEWEST_FIRST =
      Comparator.comparing((ExecutionRuntime r) -> r.state.startDate)
          .thenComparingLong(r -> r.sequence)
          .reversed();

  private final LocalClock clock;
  private final TaskResources resources;
  private final EngineStore store;
  private final TaskTokens tokens;
  private final Timers timers = new Timers();
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicLong sequence = new AtomicLong();
  private final StateMachineRegistry machines;

  /** Guards starting executions (name checks) and forgetting them; reads need no lock. */
  private final Object executionsLock = new Object();

  private final Map<String, ExecutionRuntime> executions = new ConcurrentHashMap<>();

  /** Which execution issued each task token, by token id. */
  private final Map<String, String> tokenOwners = new ConcurrentHashMap<>();

  private final LocalClock.Subscription clockSubscription;
  private volatile boolean closed;

  /**
   * @param dataDirectory where {@code stepfunctions/} keeps state machines and executions; null
   *     keeps everything in memory
   * @param resources what Task states call, besides the engine's own {@code states:startExecution}
   */
  public StepFunctionsEngine(LocalClock clock, Path dataDirectory, TaskResources resources) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resources = Objects.requireNonNull(resources, "resources");
    this.store = new EngineStore(dataDirectory);
    this.tokens = new TaskTokens(store.taskTokenKey());
    this.machines =
        new StateMachineRegistry(
            store,
            clock,
            resource ->
                ResourceRef.parse(resource).childExecution() || resources.supports(resource));
    load();
    this.clockSubscription = clock.onAdvance(this::fireDueTimers);
    fireDueTimers();
  }

  // ---- state machines -----------------------------------------------------------------------

  /**
   * CreateStateMachine: validates the definition; creating the same name with the same definition
   * again returns the existing machine, as AWS does.
   *
   * @param type null or {@code STANDARD}: EXPRESS is refused
   */
  public StateMachineDescription createStateMachine(
      String name, String definition, String roleArn, String type) {
    return machines.create(name, definition, roleArn, type);
  }

  /**
   * UpdateStateMachine: running executions keep the definition they started with.
   *
   * @param definition null to keep it
   * @param roleArn null to keep it
   */
  public StateMachineDescription updateStateMachine(
      String stateMachineArn, String definition, String roleArn) {
    return machines.update(stateMachineArn, definition, roleArn);
  }

  public StateMachineDescription describeStateMachine(String stateMachineArn) {
    return machines.describe(stateMachineArn);
  }

  /** All state machines, oldest first. */
  public List<StateMachineDescription> listStateMachines() {
    return machines.list();
  }

  /**
   * DeleteStateMachine: the machine is DELETING until its running executions end; each of them
   * fails with {@code States.Runtime} at its next state transition, as in AWS. Then the machine and
   * its executions are gone. Deleting an unknown machine succeeds.
   */
  public void deleteStateMachine(String stateMachineArn) {
    if (machines.markDeleting(stateMachineArn)) {
      finishDeletionIfIdle(stateMachineArn);
    }
  }

  // ---- executions ---------------------------------------------------------------------------

  /**
   * StartExecution. A name is unique per machine: the same name with the same input while that
   * execution is RUNNING returns it again (idempotent); anything else with a used name is
   * ExecutionAlreadyExists, as AWS documents.
   *
   * @param name null for a random UUID
   * @param input JSON text; null for {@code {}}
   */
  public StartedExecution startExecution(String stateMachineArn, String name, String input) {
    return startExecution(stateMachineArn, name, input, null);
  }

  public ExecutionDescription describeExecution(String executionArn) {
    return runtime(executionArn).describe();
  }

  /**
   * ListExecutions of one machine, newest first.
   *
   * @param statusFilter null for all
   * @param maxResults null or 0 for 100, at most 1000
   * @param nextToken null for the first page
   */
  public ExecutionPage listExecutions(
      String stateMachineArn, String statusFilter, Integer maxResults, String nextToken) {
    describeStateMachine(stateMachineArn);
    ExecutionStatus status = statusFilter == null ? null : parseStatus(statusFilter);
    List<ExecutionDescription> matching =
        executions.values().stream()
            .filter(r -> r.state.stateMachineArn.equals(stateMachineArn))
            .sorted(NEWEST_FIRST)
            .map(ExecutionRuntime::describe)
            .filter(d -> status == null || d.status() == status)
            .toList();
    PageTokens.Page<ExecutionDescription> page =
        PageTokens.page(
            matching, "executions " + stateMachineArn + " " + statusFilter, maxResults, nextToken);
    return new ExecutionPage(page.items(), page.nextToken());
  }

  /**
   * GetExecutionHistory.
   *
   * @param maxResults null or 0 for 100, at most 1000
   * @param nextToken null for the first page
   */
  public HistoryPage getExecutionHistory(
      String executionArn, boolean reverseOrder, Integer maxResults, String nextToken) {
    List<HistoryEvent> events = runtime(executionArn).history();
    if (reverseOrder) {
      events = events.reversed();
    }
    PageTokens.Page<HistoryEvent> page =
        PageTokens.page(
            events, "history " + executionArn + " " + reverseOrder, maxResults, nextToken);
    return new HistoryPage(page.items(), page.nextToken());
  }

  /**
   * StopExecution: a running execution ends ABORTED with the given error and cause (both optional);
   * a finished one stays as it is.
   *
   * @return the stop date
   */
  public Instant stopExecution(String executionArn, String error, String cause) {
    return runtime(executionArn).stop(error, cause);
  }

  // ---- task tokens --------------------------------------------------------------------------

  /**
   * SendTaskSuccess.
   *
   * @throws AwsJsonException InvalidToken for a token this engine never issued, TaskDoesNotExist
   *     for one whose execution is gone, TaskTimedOut for one whose task is closed (already
   *     answered, failed, timed out or aborted), InvalidOutput for output that is not JSON
   */
  public void sendTaskSuccess(String taskToken, String output) {
    String tokenId = tokenId(taskToken);
    String problem = output == null ? "No output" : Json.problem(output);
    if (problem != null) {
      throw SfnErrors.invalidOutput(problem);
    }
    owner(tokenId).completeTask(tokenId, Outcome.success(Json.parse(output).orElseThrow()));
  }

  /** SendTaskFailure; error and cause are optional. Errors as {@link #sendTaskSuccess}. */
  public void sendTaskFailure(String taskToken, String error, String cause) {
    String tokenId = tokenId(taskToken);
    owner(tokenId).completeTask(tokenId, Outcome.failure(error, cause));
  }

  /**
   * SendTaskHeartbeat: restarts the task's HeartbeatSeconds. Errors as {@link #sendTaskSuccess}.
   */
  public void sendTaskHeartbeat(String taskToken) {
    String tokenId = tokenId(taskToken);
    owner(tokenId).heartbeat(tokenId);
  }

  // ---- test and runner helpers --------------------------------------------------------------

  /**
   * Waits (in wall time) until the execution is no longer RUNNING.
   *
   * @throws IllegalStateException if it still runs after {@code wallTimeout}
   */
  public ExecutionDescription awaitTerminal(String executionArn, Duration wallTimeout) {
    try {
      return runtime(executionArn).awaitTerminal(wallTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + executionArn, e);
    }
  }

  /** The earliest pending timer of any execution: where to advance the clock to next. */
  public Optional<Instant> nextTimer() {
    return timers.next();
  }

  /**
   * True when no execution is doing work right now: every running one waits for a timer, a task
   * token, or a child execution. Then only advancing the clock or answering a token moves them.
   */
  public boolean quiescent() {
    return busy.get() == 0;
  }

  /**
   * Waits (in wall time) until {@link #quiescent()}.
   *
   * @throws IllegalStateException if work is still going on after {@code wallTimeout}
   */
  public void awaitQuiescent(Duration wallTimeout) {
    long deadline = System.nanoTime() + wallTimeout.toNanos();
    while (!quiescent()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the engine is still busy after " + wallTimeout);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for quiescence", e);
      }
    }
  }

  /** Stops running executions' work; their saved state stays for the next engine. */
  @Override
  public void close() {
    closed = true;
    machines.close();
    clockSubscription.close();
    try {
      for (ExecutionRuntime runtime : executions.values()) {
        runtime.quiesceForClose();
      }
      workers.shutdownNow();
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("Step Functions workers still running after close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timers.clear();
  }

  // ---- services for executions --------------------------------------------------------------

  Instant now() {
    return clock.instant();
  }

  boolean closed() {
    return closed;
  }

  /** Runs {@code work} on a virtual thread, counted as work in progress until it returns. */
  void submit(Runnable work) {
    if (closed) {
      return;
    }
    busy.incrementAndGet();
    try {
      workers.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException | Error e) {
              LOG.error("Step Functions work failed", e);
            } finally {
              busy.decrementAndGet();
            }
          });
    } catch (RejectedExecutionException e) {
      busy.decrementAndGet();
    }
  }

  void schedule(
      ExecutionRuntime runtime, String branchId, Timers.Kind kind, Instant due, long generation) {
    if (due == null) {
      return;
    }
    timers.add(due, runtime.state.executionArn, branchId, kind, generation);
    if (!due.isAfter(now())) {
      fireDueTimers();
    }
  }

  void cancel(ExecutionRuntime runtime, String branchId, Timers.Kind kind) {
    timers.cancel(runtime.state.executionArn, branchId, kind);
  }

  void cancelBranch(ExecutionRuntime runtime, String branchId) {
    timers.cancelBranch(runtime.state.executionArn, branchId);
  }

  void cancelExecution(ExecutionRuntime runtime) {
    timers.cancelExecution(runtime.state.executionArn);
  }

  TaskTokens.Minted mintToken(String executionArn) {
    TaskTokens.Minted token = tokens.mint();
    tokenOwners.put(token.id(), executionArn);
    return token;
  }

  void registerToken(String tokenId, String executionArn) {
    tokenOwners.put(tokenId, executionArn);
  }

  boolean stateMachineDeleting(String stateMachineArn) {
    return machines.deleting(stateMachineArn);
  }

  /** Calls a Task's resource: the engine's own child executions, or {@link TaskResources}. */
  Outcome invoke(Invocation call) {
    try {
      JsonNode result =
          call.ref().childExecution()
              ? startChildExecution(call)
              : resources.invoke(
                  call.ref().arn(), call.parameters().deepCopy(), call.context().deepCopy());
      return Outcome.success(result == null ? NullNode.getInstance() : result);
    } catch (StatesError e) {
      return Outcome.failure(e);
    } catch (RuntimeException e) {
      // TaskResources answers failures as StatesError; anything else is a bug to see at once
      LOG.error("Task resource {} failed unexpectedly", call.ref().arn(), e);
      return Outcome.failure(
          StatesError.RUNTIME, "The resource " + call.ref().arn() + " failed unexpectedly: " + e);
    }
  }

  /** After an execution ended: tell a waiting parent task, finish a pending machine deletion. */
  void executionEnded(ExecutionRuntime runtime) {
    ParentTask parent = runtime.state.parentTask;
    String machineArn = runtime.state.stateMachineArn;
    submit(
        () -> {
          if (parent != null) {
            ExecutionRuntime parentRuntime = executions.get(parent.executionArn());
            if (parentRuntime != null) {
              parentRuntime.childExecutionEnded(parent, runtime.describe());
            }
          }
          finishDeletionIfIdle(machineArn);
        });
  }

  void stopChildExecution(String executionArn) {
    submit(
        () -> {
          ExecutionRuntime child = executions.get(executionArn);
          if (child != null) {
            child.stop(null, null);
          }
        });
  }

  // ---- internals ----------------------------------------------------------------------------

  private StartedExecution startExecution(
      String stateMachineArn, String name, String input, ParentTask parent) {
    String machineName = SfnNames.stateMachineName(stateMachineArn);
    String executionName = name == null ? UUID.randomUUID().toString() : name;
    if (!SfnNames.validName(executionName)) {
      throw SfnErrors.invalidName(executionName);
    }
    String inputText = input == null ? "{}" : input;
    String problem = Json.problem(inputText);
    if (problem != null) {
      throw SfnErrors.invalidExecutionInput(problem);
    }
    JsonNode parsedInput = Json.parse(inputText).orElseThrow();
    synchronized (executionsLock) {
      StateMachineDescription machine = machines.active(stateMachineArn);
      String executionArn = SfnNames.executionArn(machineName, executionName);
      ExecutionRuntime existing = executions.get(executionArn);
      if (existing != null) {
        ExecutionDescription running = existing.describe();
        if (running.status() == ExecutionStatus.RUNNING
            && Json.parse(running.input()).orElseThrow().equals(parsedInput)) {
          return new StartedExecution(executionArn, running.startDate());
        }
        throw SfnErrors.executionAlreadyExists(executionArn);
      }
      ExecutionState state = new ExecutionState();
      state.executionArn = executionArn;
      state.stateMachineArn = stateMachineArn;
      state.stateMachineName = machineName;
      state.name = executionName;
      state.definition = machine.definition();
      state.roleArn = machine.roleArn();
      state.input = inputText;
      state.status = ExecutionStatus.RUNNING;
      state.startDate = now();
      state.deadline = state.startDate.plus(Definitions.executionTimeout(machine.definition()));
      state.parentTask = parent;
      ExecutionRuntime runtime =
          new ExecutionRuntime(
              this, state, sequence.incrementAndGet(), store.executionFile(executionArn));
      executions.put(executionArn, runtime);
      runtime.begin();
      return new StartedExecution(executionArn, state.startDate);
    }
  }

  private JsonNode startChildExecution(Invocation call) {
    ChildExecutions.Request request = ChildExecutions.request(call.parameters());
    ParentTask parent =
        call.ref().waitsForChild()
            ? new ParentTask(
                call.executionArn(),
                call.branchId(),
                call.generation(),
                call.ref().pattern() == ResourceRef.Pattern.RUN_JOB_JSON)
            : null;
    try {
      return ChildExecutions.started(
          startExecution(request.stateMachineArn(), request.name(), request.input(), parent));
    } catch (AwsJsonException e) {
      throw new StatesError("StepFunctions." + e.errorCode() + "Exception", e.getMessage());
    }
  }

  private ExecutionRuntime runtime(String executionArn) {
    SfnNames.requireExecutionArn(executionArn);
    ExecutionRuntime runtime = executions.get(executionArn);
    if (runtime == null) {
      throw SfnErrors.executionDoesNotExist(executionArn);
    }
    return runtime;
  }

  private String tokenId(String taskToken) {
    if (taskToken == null || taskToken.isEmpty()) {
      throw SfnErrors.validation(
          "1 validation error detected: Value at 'taskToken' failed to satisfy constraint:"
              + " Member must have length greater than or equal to 1");
    }
    return tokens.idOf(taskToken);
  }

  private ExecutionRuntime owner(String tokenId) {
    String executionArn = tokenOwners.get(tokenId);
    ExecutionRuntime runtime = executionArn == null ? null : executions.get(executionArn);
    if (runtime == null) {
      throw SfnErrors.taskDoesNotExist();
    }
    return runtime;
  }

  private static ExecutionStatus parseStatus(String status) {
    try {
      return ExecutionStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw SfnErrors.validation(
          "1 validation error detected: Value '"
              + status
              + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value"
              + " set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED]");
    }
  }

  private void finishDeletionIfIdle(String stateMachineArn) {
    synchronized (executionsLock) {
      if (!machines.deletingArns().contains(stateMachineArn)) {
        return;
      }
      List<ExecutionRuntime> own =
          executions.values().stream()
              .filter(r -> r.state.stateMachineArn.equals(stateMachineArn))
              .toList();
      if (own.stream().anyMatch(r -> r.describe().status() == ExecutionStatus.RUNNING)) {
        return;
      }
      for (ExecutionRuntime runtime : own) {
        executions.remove(runtime.state.executionArn);
        store.deleteExecution(runtime.state.executionArn);
      }
      machines.remove(stateMachineArn);
    }
  }

  private void fireDueTimers() {
    if (closed) {
      return;
    }
    for (Timers.Timer timer : timers.takeDue(now())) {
      ExecutionRuntime runtime = executions.get(timer.executionArn());
      if (runtime != null) {
        submit(() -> runtime.onTimer(timer));
      }
    }
  }

  private void load() {
    List<ExecutionState> loaded =
        store.loadExecutions().stream()
            .sorted(Comparator.comparing((ExecutionState s) -> s.startDate))
            .toList();
    for (ExecutionState state : loaded) {
      executions.put(
          state.executionArn,
          new ExecutionRuntime(
              this, state, sequence.incrementAndGet(), store.executionFile(state.executionArn)));
    }
    for (ExecutionRuntime runtime : executions.values()) {
      runtime.resume();
    }
    // a child that ended just before the last stop may not have reached its waiting parent
    for (ExecutionRuntime runtime : executions.values()) {
      if (runtime.state.status.terminal() && runtime.state.parentTask != null) {
        executionEnded(runtime);
      }
    }
    machines.deletingArns().forEach(this::finishDeletionIfIdle);
  }
}
