package com.aigency.shared.agents;

/** Agent names go into keys, so they are plain identifiers: no '#', no '*', nothing blank. */
final class AgentNames {
  private AgentNames() {}

  static String require(String agent) {
    if (agent == null || !agent.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("Agent name must be 1-64 letters, digits, '_', '.' or '-': " + agent);
    }
    return agent;
  }
}
