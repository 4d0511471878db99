package com.aigency.shared.agents;

import com.aigency.shared.domain.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one agent call, in this order: the kill switch (paused: KILLED, no model request); a budget
 * reservation of the call's worst-case cost (refused: SKIPPED, no model request); the model call;
 * validation of the output against the request's schema, retried with the validation errors sent
 * back to the model; settlement of the budget to the real cost of every attempt; and a recorded
 * {@link AgentRun} whatever happened.
 *
 * <p>Each retry first reserves its own worst case on top of the first reservation, so even a call
 * that retries can never spend past the budget; a retry the budget cannot cover ends the run FAILED
 * with "Agent.BudgetExceeded".
 */
public final class AgentRuntime {
  public static final String INVALID_OUTPUT = "Agent.InvalidOutput";
  public static final String BUDGET_EXCEEDED = "Agent.BudgetExceeded";
  public static final String UNEXPECTED = "Agent.Unexpected";
  public static final int DEFAULT_INVALID_OUTPUT_RETRIES = 2;

  /**
   * @param defaultModel the model of requests that name none
   * @param invalidOutputRetries how many more attempts an invalid output gets (default 2, so at
   *     most 3 model requests per run)
   */
  public record Settings(String defaultModel, int invalidOutputRetries) {
    public Settings {
      Objects.requireNonNull(defaultModel, "defaultModel");
      if (invalidOutputRetries < 0) {
        throw new IllegalArgumentException("invalidOutputRetries must not be negative");
      }
    }

    public static Settings withDefaultModel(String defaultModel) {
      return new Settings(defaultModel, DEFAULT_INVALID_OUTPUT_RETRIES);
    }
  }

  private final ModelClient model;
  private final KillSwitch killSwitch;
  private final BudgetLedger budgets;
  private final RunLog runs;
  private final PriceTable prices;
  private final Clock clock;
  private final Settings settings;
  private final OutputValidator validator = new OutputValidator();

  public AgentRuntime(
      ModelClient model, KillSwitch killSwitch, BudgetLedger budgets, RunLog runs, PriceTable prices, Clock clock, Settings settings) {
    this.model = model;
    this.killSwitch = killSwitch;
    this.budgets = budgets;
    this.runs = runs;
    this.prices = prices;
    this.clock = clock;
    this.settings = settings;
  }

  public AgentResult run(AgentCall call) {
    Instant started = clock.instant();
    ModelRequest request =
        call.request().model() == null ? call.request().withModel(settings.defaultModel()) : call.request();
    var run = new RunDraft(call, Ids.newId("ar", clock), request.model(), RequestFingerprint.of(request), started);

    var pause = killSwitch.activePause(call.tenantId(), call.agent());
    if (pause.isPresent()) {
      return run.notSucceeded(AgentRunStatus.KILLED, null, pause.get().reason());
    }
    var decision = budgets.reserve(call.tenantId(), worstCase(request));
    if (decision instanceof BudgetDecision.Exceeded exceeded) {
      return run.notSucceeded(AgentRunStatus.SKIPPED, null, exceeded.reason());
    }
    BudgetReservation reservation = ((BudgetDecision.Reserved) decision).reservation();
    try {
      return attempt(run, request, reservation);
    } catch (RuntimeException unexpected) {
      // still release the money and leave a trace before the bug surfaces, unless that very step
      // is what failed (settling twice would release the reservation twice)
      try {
        if (!run.settled) {
          run.settle();
        }
        if (!run.recorded) {
          run.record(AgentRunStatus.FAILED, UNEXPECTED, unexpected.toString());
        }
      } catch (RuntimeException cleanup) {
        unexpected.addSuppressed(cleanup);
      }
      throw unexpected;
    }
  }

  private AgentResult attempt(RunDraft run, ModelRequest first, BudgetReservation reservation) {
    run.reservation = reservation;
    ModelRequest request = first;
    for (int attempt = 0; ; attempt++) {
      ModelReply reply;
      try {
        reply = model.complete(request);
      } catch (ModelException failed) {
        return run.settleAndFail(failed.errorName(), failed.getMessage());
      }
      run.add(reply);
      List<String> problems = validator.problems(request.outputSchema(), reply.output());
      if (problems.isEmpty()) {
        run.settle();
        return new AgentResult.Succeeded(run.record(AgentRunStatus.SUCCESS, null, null), reply.output());
      }
      if (attempt == settings.invalidOutputRetries()) {
        return run.settleAndFail(
            INVALID_OUTPUT,
            "Output did not match schema '" + request.schemaName() + "' after " + (attempt + 1) + " attempts: "
                + String.join("; ", problems));
      }
      request = request.withMessages(withFeedback(request, reply.output(), problems));
      var more = budgets.extend(run.reservation, worstCase(request));
      if (more instanceof BudgetDecision.Exceeded exceeded) {
        return run.settleAndFail(BUDGET_EXCEEDED, "Cannot retry the invalid output: " + exceeded.reason());
      }
      run.reservation = ((BudgetDecision.Reserved) more).reservation();
    }
  }

  /** The conversation plus the rejected output and what was wrong with it, for the next attempt. */
  private static List<ChatMessage> withFeedback(ModelRequest request, JsonNode output, List<String> problems) {
    List<ChatMessage> messages = new ArrayList<>(request.messages());
    messages.add(ChatMessage.assistant(output == null ? "(no JSON)" : output.toString()));
    messages.add(
        ChatMessage.user(
            "Your previous reply did not match the JSON schema '"
                + request.schemaName()
                + "':\n- "
                + String.join("\n- ", problems)
                + "\nReply again with JSON that matches the schema exactly."));
    return messages;
  }

  private long worstCase(ModelRequest request) {
    return prices.worstCaseMicros(request.model(), InputTokenCeiling.of(request), request.maxOutputTokens());
  }

  /** What is known of a run so far; it turns into the recorded AgentRun when the run ends. */
  private final class RunDraft {
    final AgentCall call;
    final String runId;
    final String requestedModel;
    final String inputHash;
    final Instant started;
    String answeredModel;
    long inputTokens;
    long outputTokens;
    boolean offline;
    BudgetReservation reservation;
    boolean settled;
    boolean recorded;

    RunDraft(AgentCall call, String runId, String requestedModel, String inputHash, Instant started) {
      this.call = call;
      this.runId = runId;
      this.requestedModel = requestedModel;
      this.answeredModel = requestedModel;
      this.inputHash = inputHash;
      this.started = started;
    }

    void add(ModelReply reply) {
      inputTokens += reply.inputTokens();
      outputTokens += reply.outputTokens();
      offline |= reply.offline();
      if (reply.model() != null) {
        answeredModel = reply.model();
      }
    }

    /** Priced as the model asked for; the offline model's answers are free whatever was asked. */
    long costMicros() {
      return prices.costMicros(offline ? PriceTable.OFFLINE_MODEL : requestedModel, inputTokens, outputTokens);
    }

    void settle() {
      settled = true;
      budgets.settle(reservation, costMicros());
    }

    AgentResult settleAndFail(String error, String reason) {
      settle();
      return new AgentResult.NotSucceeded(record(AgentRunStatus.FAILED, error, reason));
    }

    AgentResult notSucceeded(AgentRunStatus status, String error, String reason) {
      return new AgentResult.NotSucceeded(record(status, error, reason));
    }

    AgentRun record(AgentRunStatus status, String error, String reason) {
      AgentRun run =
          new AgentRun(
              runId,
              call.agent(),
              call.command(),
              call.tenantId(),
              call.projectId(),
              status,
              answeredModel,
              inputTokens,
              outputTokens,
              inputTokens + outputTokens == 0 ? 0 : costMicros(),
              Duration.between(started, clock.instant()).toMillis(),
              inputHash,
              error,
              reason,
              offline,
              started);
      recorded = true;
      runs.record(run);
      return run;
    }
  }
}
