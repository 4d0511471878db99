package com.aigency.local.stepfunctions.engine;

import com.aigency.local.clock.LocalClock;
import com.aigency.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Task resources answered by scripts, recording every call with the local time it was made. */
final class ScriptedResources implements TaskResources {

  /** What a resource does with its parameters and context. */
  @FunctionalInterface
  interface Script {
    JsonNode answer(JsonNode parameters, JsonNode context) throws StatesError;
  }

  record Call(String resource, JsonNode parameters, JsonNode context, Instant at) {
    String token() {
      return context.path("Task").path("Token").asText(null);
    }
  }

  private final LocalClock clock;
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  ScriptedResources(LocalClock clock) {
    this.clock = clock;
  }

  ScriptedResources on(String resource, Script script) {
    scripts.put(resource, script);
    return this;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String resource) {
    return calls.stream().filter(c -> c.resource().equals(resource)).toList();
  }

  @Override
  public boolean supports(String resource) {
    return scripts.containsKey(resource);
  }

  @Override
  public JsonNode invoke(String resource, JsonNode parameters, JsonNode context) {
    calls.add(new Call(resource, parameters, context, clock.instant()));
    Script script = scripts.get(resource);
    if (script == null) {
      throw new IllegalStateException("no script for " + resource);
    }
    return script.answer(parameters, context);
  }
}
