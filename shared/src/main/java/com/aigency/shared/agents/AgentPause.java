package com.aigency.shared.agents;

import java.time.Instant;

/**
 * A kill switch that is on. {@code agent} is the paused agent's name, or null when every agent of
 * the tenant is paused.
 */
public record AgentPause(String tenantId, String agent, String note, Instant pausedAt) {
  public boolean allAgents() {
    return agent == null;
  }

  /** Why a run was KILLED, in words an operator understands. */
  public String reason() {
    String who = allAgents() ? "All agents of this tenant are paused" : "Agent '" + agent + "' is paused for this tenant";
    return note == null || note.isBlank() ? who : who + ": " + note;
  }
}
