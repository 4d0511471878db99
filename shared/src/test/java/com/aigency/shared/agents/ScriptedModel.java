package com.aigency.shared.agents;

import com.aigency.shared.json.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A fake model that answers from a script and keeps every request it received. */
final class ScriptedModel implements ModelClient {
  final List<ModelRequest> requests = new ArrayList<>();
  private final Deque<Supplier<ModelReply>> script = new ArrayDeque<>();

  ScriptedModel replies(String json, long inputTokens, long outputTokens) {
    script.add(() -> new ModelReply(Json.read(json), inputTokens, outputTokens, "gpt-4o-mini", false));
    return this;
  }

  ScriptedModel fails(ModelException failure) {
    script.add(() -> {
      throw failure;
    });
    return this;
  }

  @Override
  public synchronized ModelReply complete(ModelRequest request) {
    requests.add(request);
    if (script.isEmpty()) {
      throw new AssertionError("the model was asked more often than scripted");
    }
    return script.poll().get();
  }
}
