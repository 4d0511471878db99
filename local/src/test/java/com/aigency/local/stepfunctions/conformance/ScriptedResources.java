package com.aigency.local.stepfunctions.conformance;

import com.aigency.local.stepfunctions.asl.StatesError;
import com.aigency.local.stepfunctions.engine.TaskResources;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The {@link TaskResources} of one case, answering from the case's {@code "resources"} script (see
 * the suite's README; the same rules as {@code local/src/test/node/scripted-resources.mjs}).
 *
 * <p>A call picks the first entry of its resource's list that still has a use left and whose
 * {@code "if"} matches the parameters; an entry is used once unless it says {@code "repeat": true}.
 * An entry answers with {@code "return"}, {@code "echo"} (the parameters), {@code "fail"} (a {@link
 * StatesError}) or, for a {@code .waitForTaskToken} resource, {@code "waitForToken"}: the runner
 * then sends heartbeats and SendTaskSuccess/SendTaskFailure at the given seconds after the call,
 * on the local clock ({@link #due}).
 */
final class ScriptedResources implements TaskResources {

  /** Something the runner does with a task token at a time on the local clock. */
  record TokenAction(Instant at, long order, String token, String kind, JsonNode entry) {}

  /** One call: when (seconds after the start), which resource, with what. */
  record Call(String resource, JsonNode parameters, double secondsAfterStart) {}

  private static final Comparator<TokenAction> BY_TIME =
      Comparator.comparing(TokenAction::at).thenComparingLong(TokenAction::order);

  private final Map<String, List<Slot>> script = new LinkedHashMap<>();
  private final Clock clock;
  private final Instant start;
  private final List<Call> calls = new ArrayList<>();
  private final PriorityQueue<TokenAction> actions = new PriorityQueue<>(BY_TIME);
  private final Set<String> tokens = new HashSet<>();
  private final List<String> problems = new ArrayList<>();
  private long order;

  private static final class Slot {
    final JsonNode entry;
    int used;

    Slot(JsonNode entry) {
      this.entry = entry;
    }
  }

  ScriptedResources(JsonNode resources, Clock clock, Instant start) {
    this.clock = clock;
    this.start = start;
    resources
        .properties()
        .forEach(
            e -> {
              List<Slot> slots = new ArrayList<>();
              e.getValue().forEach(entry -> slots.add(new Slot(entry)));
              script.put(e.getKey(), slots);
            });
  }

  /** The resource without its integration pattern suffix. */
  static String baseResource(String resource) {
    return resource.replaceFirst("\\.(waitForTaskToken|sync:2|sync)$", "");
  }

  private String key(String resource) {
    return script.containsKey(resource) ? resource : baseResource(resource);
  }

  @Override
  public boolean supports(String resource) {
    return script.containsKey(resource) || script.containsKey(baseResource(resource));
  }

  @Override
  public JsonNode invoke(String resource, JsonNode parameters, JsonNode context) {
    JsonNode entry;
    Instant now = clock.instant();
    synchronized (this) {
      String key = key(resource);
      calls.add(new Call(key, parameters, seconds(Duration.between(start, now))));
      entry = pick(key, parameters);
      if (entry == null) {
        String problem = "unscripted call of " + resource + " with " + parameters;
        problems.add(problem);
        throw new StatesError("Conformance.Unscripted", problem);
      }
      if (entry.has("waitForToken")) {
        scheduleCallback(resource, parameters, context, entry.get("waitForToken"), now);
      }
    }
    if (entry.has("fail")) {
      JsonNode fail = entry.get("fail");
      throw new StatesError(fail.path("error").asText(), fail.path("cause").asText(""));
    }
    if (entry.path("echo").asBoolean(false)) {
      return parameters;
    }
    if (entry.has("return")) {
      return entry.get("return");
    }
    if (entry.has("waitForToken")) {
      return ConformanceCase.JSON.createObjectNode();
    }
    problems.add("response " + entry + " says neither return, echo, fail nor waitForToken");
    throw new StatesError("Conformance.BadScript", "bad scripted response " + entry);
  }

  private JsonNode pick(String key, JsonNode parameters) {
    List<Slot> slots = script.get(key);
    if (slots == null) {
      return null;
    }
    for (Slot slot : slots) {
      boolean repeat = slot.entry.path("repeat").asBoolean(false);
      if (!repeat && slot.used >= 1) {
        continue;
      }
      if (slot.entry.has("if") && !JsonMatch.matches(slot.entry.get("if"), parameters)) {
        continue;
      }
      slot.used++;
      return slot.entry;
    }
    return null;
  }

  private void scheduleCallback(
      String resource, JsonNode parameters, JsonNode context, JsonNode spec, Instant now) {
    if (!resource.endsWith(".waitForTaskToken")) {
      problems.add("waitForToken scripted for " + resource + ", which is no callback task");
      return;
    }
    String token = token(context, parameters).orElse(null);
    if (token == null) {
      problems.add("no task token in the context or parameters of a call of " + resource);
      return;
    }
    tokens.add(token);
    for (JsonNode heartbeat : spec.path("heartbeats")) {
      actions.add(new TokenAction(at(now, heartbeat), order++, token, "heartbeat", spec));
    }
    String send = spec.path("send").asText("none");
    if (!"none".equals(send)) {
      actions.add(new TokenAction(at(now, spec.path("after")), order++, token, send, spec));
    }
  }

  private static Instant at(Instant now, JsonNode seconds) {
    return now.plusNanos(Math.round(seconds.asDouble(0) * 1_000_000_000d));
  }

  /** The task token: {@code $$.Task.Token}, else a "token"/"TaskToken" field of the parameters. */
  static Optional<String> token(JsonNode context, JsonNode parameters) {
    JsonNode fromContext = context == null ? null : context.path("Task").path("Token");
    if (fromContext != null && fromContext.isTextual()) {
      return Optional.of(fromContext.asText());
    }
    return findToken(parameters);
  }

  private static Optional<String> findToken(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject()) {
      for (String field : List.of("token", "TaskToken", "taskToken")) {
        if (node.path(field).isTextual()) {
          return Optional.of(node.get(field).asText());
        }
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        Optional<String> inner = findToken(it.next());
        if (inner.isPresent()) {
          return inner;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> inner = findToken(element);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /** When the next token action is due, if any. */
  synchronized Optional<Instant> nextAction() {
    TokenAction next = actions.peek();
    return next == null ? Optional.empty() : Optional.of(next.at());
  }

  /** Removes and returns the actions due at or before {@code now}, in order. */
  synchronized List<TokenAction> due(Instant now) {
    List<TokenAction> due = new ArrayList<>();
    while (!actions.isEmpty() && !actions.peek().at().isAfter(now)) {
      due.add(actions.poll());
    }
    return due;
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized Set<String> tokens() {
    return Set.copyOf(tokens);
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1_000_000_000d;
  }
}
