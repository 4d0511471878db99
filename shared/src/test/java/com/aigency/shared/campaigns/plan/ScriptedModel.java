package com.aigency.shared.campaigns.plan;

import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.agents.ModelException;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** A model that answers from a script, per call, and keeps every request it received. */
final class ScriptedModel implements ModelClient {
  final List<ModelRequest> requests = new ArrayList<>();
  private final Deque<Function<ModelRequest, ModelReply>> script = new ArrayDeque<>();

  ScriptedModel replies(JsonNode output) {
    script.add(request -> new ModelReply(output.deepCopy(), 900, 400, "gpt-4o-mini", false));
    return this;
  }

  ScriptedModel replies(String json) {
    return replies(Json.read(json));
  }

  /** Answers as the given model would (the offline agents, for a valid reply that fits the request). */
  ScriptedModel delegates(ModelClient model) {
    script.add(request -> {
      ModelReply reply = model.complete(request);
      return new ModelReply(reply.output(), 900, 400, "gpt-4o-mini", false);
    });
    return this;
  }

  ScriptedModel fails(ModelException failure) {
    script.add(request -> {
      throw failure;
    });
    return this;
  }

  @Override
  public synchronized ModelReply complete(ModelRequest request) {
    requests.add(request);
    if (script.isEmpty()) {
      throw new AssertionError("the model was asked more often than scripted (agent " + request.agent() + ")");
    }
    return script.poll().apply(request);
  }

  List<ModelRequest> requestsOf(String agent) {
    return requests.stream().filter(r -> agent.equals(r.agent())).toList();
  }
}
