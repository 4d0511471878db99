package com.aigency.shared.agents;

/** Where the runtime records every run; {@link AgentRunStore} is the DynamoDB one. */
public interface RunLog {
  void record(AgentRun run);
}
