package com.aigency.shared.agents;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of {@link AgentRuntime#run}. Only a {@link Succeeded} carries an output, so a caller
 * has to match on it before it can save anything; a {@link NotSucceeded} (FAILED, KILLED or
 * SKIPPED) has nothing to save, only a reason to show.
 */
public sealed interface AgentResult {
  String runId();

  AgentRunStatus status();

  /** The run as recorded. */
  AgentRun run();

  record Succeeded(AgentRun run, JsonNode output) implements AgentResult {
    @Override
    public String runId() {
      return run.runId();
    }

    @Override
    public AgentRunStatus status() {
      return AgentRunStatus.SUCCESS;
    }
  }

  record NotSucceeded(AgentRun run) implements AgentResult {
    @Override
    public String runId() {
      return run.runId();
    }

    @Override
    public AgentRunStatus status() {
      return run.status();
    }

    /** A named error for FAILED ("Agent.InvalidOutput", "Agent.RateLimited", ...), else null. */
    public String error() {
      return run.error();
    }

    public String reason() {
      return run.reason();
    }
  }
}
