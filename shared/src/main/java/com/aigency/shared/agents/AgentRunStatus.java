package com.aigency.shared.agents;

/** How an agent run ended. Only SUCCESS carries an output a caller may save. */
public enum AgentRunStatus {
  SUCCESS,
  FAILED,
  /** The agent (or all agents of the tenant) was paused: no model request was made. */
  KILLED,
  /** The monthly AI budget could not cover the call's worst case: no model request was made. */
  SKIPPED
}
