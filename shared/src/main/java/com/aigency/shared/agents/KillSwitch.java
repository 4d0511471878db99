package com.aigency.shared.agents;

import java.util.Optional;

/** What the runtime needs of the kill switch; {@link AgentControlStore} is the DynamoDB one. */
public interface KillSwitch {
  /** The pause that stops this agent for this tenant (its own, or the tenant-wide one), if any. */
  Optional<AgentPause> activePause(String tenantId, String agent);
}
