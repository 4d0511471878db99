package com.aigency.shared.agents.offline;

import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One agent of the {@link OfflineModel}: turns a request into the structured output the agent's
 * schema describes, deterministically and without any network call. Adding an offline agent means
 * adding one implementation and registering it in {@link OfflineModel#OfflineModel()}.
 */
public interface OfflineAgent {
  /** The {@code ModelRequest.agent()} name this agent answers, e.g. "onboarding-interviewer". */
  String name();

  /** The output object; must be valid against the agent's schema and carry {@code "offline": true}. */
  ObjectNode respond(ModelRequest request);
}
