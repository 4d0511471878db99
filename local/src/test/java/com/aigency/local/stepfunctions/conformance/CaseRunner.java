package com.aigency.local.stepfunctions.conformance;

import com.aigency.local.clock.LocalClock;
import com.aigency.local.stepfunctions.engine.ExecutionDescription;
import com.aigency.local.stepfunctions.engine.HistoryEvent;
import com.aigency.local.stepfunctions.engine.HistoryPage;
import com.aigency.local.stepfunctions.engine.StartedExecution;
import com.aigency.local.stepfunctions.engine.StateMachineDescription;
import com.aigency.local.stepfunctions.engine.StepFunctionsEngine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one conformance case on {@link StepFunctionsEngine}: a fresh in-memory engine on a {@link
 * LocalClock} fixed at the case's start time, the case's scripted {@link ScriptedResources}, and a
 * driver that advances the clock to the next due timer (the engine's, or a scripted task-token
 * action) whenever the engine is quiescent, so waits, retries and timeouts take no wall time.
 */
final class CaseRunner {

  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/conformance";
  private static final Duration WALL_LIMIT = Duration.ofSeconds(30);
  private static final Duration QUIESCENCE_LIMIT = Duration.ofSeconds(10);
  private static final int MAX_STEPS = 100_000;

  /** What happened, in the terms the expectations use. */
  record Actual(
      String status,
      JsonNode output,
      String error,
      String cause,
      List<HistoryEvent> history,
      Instant startDate,
      Instant stopDate,
      List<ScriptedResources.Call> calls,
      int distinctTokens,
      Map<String, String> placeholders,
      List<String> problems) {}

  private CaseRunner() {}

  static Actual run(ConformanceCase c) throws Exception {
    LocalClock clock = new LocalClock(Clock.fixed(c.startTime(), ZoneOffset.UTC));
    ScriptedResources resources = new ScriptedResources(c.resources(), clock, c.startTime());
    List<String> problems = new ArrayList<>();
    Map<String, String> placeholders = new LinkedHashMap<>();
    placeholders.put("roleArn", ROLE_ARN);
    try (StepFunctionsEngine engine = new StepFunctionsEngine(clock, null, resources)) {
      String base = machineName(c.name());
      for (Map.Entry<String, JsonNode> m : c.machines().entrySet()) {
        String name = machineName(m.getKey() + "-" + base);
        StateMachineDescription machine =
            engine.createStateMachine(
                name, definitionText(m.getValue(), placeholders), ROLE_ARN, "STANDARD");
        placeholders.put("machine:" + m.getKey(), machine.stateMachineArn());
      }
      StateMachineDescription machine =
          engine.createStateMachine(
              base, definitionText(c.definition(), placeholders), ROLE_ARN, "STANDARD");
      placeholders.put("stateMachineArn", machine.stateMachineArn());
      placeholders.put("stateMachineName", machine.name());
      StartedExecution started =
          engine.startExecution(
              machine.stateMachineArn(),
              c.executionName(),
              ConformanceCase.JSON.writeValueAsString(c.input()));
      placeholders.put("executionArn", started.executionArn());

      ExecutionDescription done = drive(engine, clock, resources, started.executionArn(), problems);
      placeholders.put("executionName", done.name());
      List<HistoryEvent> history = history(engine, started.executionArn());
      problems.addAll(resources.problems());
      return new Actual(
          done.status().name(),
          done.output() == null ? null : ConformanceCase.JSON.readTree(done.output()),
          done.error(),
          done.cause(),
          history,
          done.startDate(),
          done.stopDate(),
          resources.calls(),
          resources.tokens().size(),
          placeholders,
          problems);
    }
  }

  private static ExecutionDescription drive(
      StepFunctionsEngine engine,
      LocalClock clock,
      ScriptedResources resources,
      String executionArn,
      List<String> problems) {
    long wallDeadline = System.nanoTime() + WALL_LIMIT.toNanos();
    for (int step = 0; step < MAX_STEPS; step++) {
      if (System.nanoTime() > wallDeadline) {
        throw new IllegalStateException("the execution did not finish within " + WALL_LIMIT + " of wall time");
      }
      engine.awaitQuiescent(QUIESCENCE_LIMIT);
      ExecutionDescription d = engine.describeExecution(executionArn);
      if (d.status().terminal()) {
        return d;
      }
      Instant now = clock.instant();
      List<ScriptedResources.TokenAction> due = resources.due(now);
      if (!due.isEmpty()) {
        for (ScriptedResources.TokenAction action : due) {
          send(engine, action, problems);
        }
        continue;
      }
      Optional<Instant> engineTimer = engine.nextTimer();
      Optional<Instant> tokenAction = resources.nextAction();
      Optional<Instant> next =
          engineTimer.isEmpty()
              ? tokenAction
              : tokenAction.isEmpty() || engineTimer.get().isBefore(tokenAction.get())
                  ? engineTimer
                  : tokenAction;
      if (next.isEmpty()) {
        // quiescent, running, nothing scheduled: give a racing worker one more chance, then stop
        engine.awaitQuiescent(QUIESCENCE_LIMIT);
        if (engine.describeExecution(executionArn).status().terminal()
            || engine.nextTimer().isPresent()) {
          continue;
        }
        throw new IllegalStateException(
            "the execution is RUNNING with no timer and no scripted callback left: it would wait forever");
      }
      if (next.get().isAfter(now)) {
        clock.advanceTo(next.get());
      } else {
        Thread.onSpinWait(); // a timer already due: the engine is about to fire it
      }
    }
    throw new IllegalStateException("the execution did not finish within " + MAX_STEPS + " clock steps");
  }

  private static void send(
      StepFunctionsEngine engine, ScriptedResources.TokenAction action, List<String> problems) {
    JsonNode spec = action.entry();
    try {
      switch (action.kind()) {
        case "heartbeat" -> engine.sendTaskHeartbeat(action.token());
        case "success" ->
            engine.sendTaskSuccess(
                action.token(), ConformanceCase.JSON.writeValueAsString(spec.path("output")));
        case "failure" ->
            engine.sendTaskFailure(
                action.token(),
                spec.hasNonNull("error") ? spec.get("error").asText() : null,
                spec.hasNonNull("cause") ? spec.get("cause").asText() : null);
        default -> problems.add("unknown waitForToken send '" + action.kind() + "'");
      }
    } catch (RuntimeException | JsonProcessingException e) {
      // e.g. a heartbeat after the task timed out: AWS answers TaskTimedOut; the case decides
      problems.add("SendTask " + action.kind() + " at " + action.at() + " failed: " + e);
    }
  }

  private static List<HistoryEvent> history(StepFunctionsEngine engine, String executionArn) {
    List<HistoryEvent> events = new ArrayList<>();
    String token = null;
    do {
      HistoryPage page = engine.getExecutionHistory(executionArn, false, 1000, token);
      events.addAll(page.events());
      token = page.nextToken();
    } while (token != null);
    return events;
  }

  private static String definitionText(JsonNode definition, Map<String, String> placeholders)
      throws JsonProcessingException {
    return ConformanceCase.JSON.writeValueAsString(JsonMatch.substitute(definition, placeholders));
  }

  /** A valid state machine name (at most 80 characters, none of AWS's forbidden ones) for a case. */
  static String machineName(String caseName) {
    String name = caseName.replaceAll("[^A-Za-z0-9_-]", "_");
    return name.length() <= 80 ? name : name.substring(0, 80);
  }
}
