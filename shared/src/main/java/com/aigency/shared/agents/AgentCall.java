package com.aigency.shared.agents;

import java.util.Objects;

/**
 * One call of an agent for a tenant. {@code request.model()} may be null: the runtime then uses its
 * configured default model. {@code request.agent()} must name the same agent.
 *
 * @param projectId null for calls outside a project
 * @param command what the agent was asked to do (e.g. "extract-brief"), recorded on the run
 */
public record AgentCall(String tenantId, String projectId, String agent, String command, ModelRequest request) {
  public AgentCall {
    Objects.requireNonNull(tenantId, "tenantId");
    AgentNames.require(agent);
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(request, "request");
    if (request.agent() != null && !request.agent().equals(agent)) {
      throw new IllegalArgumentException("request is for agent " + request.agent() + ", call is for " + agent);
    }
  }
}
