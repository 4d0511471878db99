package com.aigency.local.aws.events;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.aws.AwsJsonService;
import com.aigency.local.aws.LocalAwsAccount;
import com.aigency.local.clock.LocalClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * EventBridge for local runs: PutEvents (and TestEventPattern) on the wire, rules and schedules
 * wired in Java by the runner from template.yaml.
 *
 * <p>PutEvents validates entries as EventBridge does (failed entries are reported per entry, more
 * than 10 entries fail the call) and hands each matching rule's target the full event envelope,
 * asynchronously: a target failure is logged and never reaches the sender. Schedules fire on the
 * {@link LocalClock}; see {@link #addSchedule}.
 */
public final class LocalEventBridge implements AwsJsonService, AutoCloseable {

  public static final String TARGET_PREFIX = "AWSEvents";
  public static final String DEFAULT_BUS = "default";

  private static final int MAX_ENTRIES = 10;
  private static final int MAX_REQUEST_BYTES = 256 * 1024;
  private static final ObjectReader STRICT_JSON =
      AwsJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private record Rule(EventPattern pattern, EventTarget target) {}

  private final LocalClock clock;
  private final ExecutorService deliveryPool;
  private final EventSchedules schedules;
  private final Map<String, Map<String, Rule>> rulesByBus = new ConcurrentHashMap<>();

  /**
   * @param clock the clock schedules fire on and events are stamped with
   * @param dataDirectory where schedule progress is saved; null keeps it in memory
   */
  public LocalEventBridge(LocalClock clock, Path dataDirectory) {
    this.clock = clock;
    this.deliveryPool = Executors.newCachedThreadPool(daemonThreads("local-eventbridge-delivery-"));
    this.schedules = new EventSchedules(clock, dataDirectory, deliveryPool);
    createEventBus(DEFAULT_BUS);
  }

  /** {@code arn:aws:events:us-east-1:000000000000:rule/[<bus>/]<name>}. */
  public static String ruleArn(String eventBusName, String ruleName) {
    String bus = DEFAULT_BUS.equals(eventBusName) ? "" : eventBusName + "/";
    return LocalAwsAccount.arn("events", "rule/" + bus + ruleName);
  }

  @Override
  public String targetPrefix() {
    return TARGET_PREFIX;
  }

  /** Declares a custom event bus; PutEvents to a bus never declared fails for that entry. */
  public void createEventBus(String name) {
    rulesByBus.computeIfAbsent(name, bus -> new ConcurrentHashMap<>());
  }

  /** {@link #addRule(String, String, JsonNode, Consumer)} on the default bus. */
  public void addRule(String ruleName, JsonNode eventPattern, Consumer<JsonNode> target) {
    addRule(DEFAULT_BUS, ruleName, eventPattern, target);
  }

  /**
   * Sends every event on {@code eventBusName} that matches {@code eventPattern} to {@code target}
   * (a copy of the full envelope each). Declares the bus if needed; replaces a rule of the same
   * name.
   *
   * @throws InvalidEventPatternException if EventBridge would reject the pattern
   */
  public void addRule(
      String eventBusName, String ruleName, JsonNode eventPattern, Consumer<JsonNode> target) {
    EventPattern pattern = EventPattern.parse(eventPattern);
    createEventBus(eventBusName);
    rulesByBus
        .get(eventBusName)
        .put(
            ruleName,
            new Rule(pattern, new EventTarget("rule " + ruleArn(eventBusName, ruleName), target)));
  }

  public boolean removeRule(String eventBusName, String ruleName) {
    Map<String, Rule> rules = rulesByBus.get(eventBusName);
    return rules != null && rules.remove(ruleName) != null;
  }

  /**
   * Fires {@code target} on every occurrence of {@code expression} ({@code rate(N
   * minute|minutes|hour|hours|day|days)}, {@code cron(min hour dom month dow year)} in UTC, or
   * {@code at(...)}), on the LocalClock. A rate counts from when the schedule is first added. The
   * target receives {@code input} when given, else a Scheduled Event envelope whose {@code time} is
   * the occurrence. When the clock jumps past several occurrences each fires once, in order.
   * Replaces a schedule of the same name.
   *
   * @param input constant input for the target, or null for the Scheduled Event envelope
   * @throws IllegalArgumentException if EventBridge would reject the expression
   */
  public void addSchedule(
      String name, String expression, JsonNode input, Consumer<JsonNode> target) {
    schedules.add(name, expression, input, target);
  }

  public boolean removeSchedule(String name) {
    return schedules.remove(name);
  }

  /** When the schedule fires next; empty for an unknown or exhausted schedule. */
  public Optional<Instant> nextFireTime(String name) {
    return schedules.nextFireTime(name);
  }

  /** Every live schedule's next fire time, for printing. */
  public Map<String, Instant> nextFireTimes() {
    return schedules.nextFireTimes();
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    return switch (operation) {
      case "PutEvents" -> putEvents(request);
      case "TestEventPattern" -> testEventPattern(request);
      default -> throw AwsJsonException.unknownOperation(operation);
    };
  }

  /** Stops the schedules and lets deliveries already queued finish for a moment. */
  @Override
  public void close() {
    schedules.close();
    deliveryPool.shutdown();
    try {
      deliveryPool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deliveryPool.shutdownNow();
  }

  private JsonNode putEvents(JsonNode request) {
    JsonNode entries = request.get("Entries");
    if (entries == null || !entries.isArray()) {
      throw AwsJsonException.validation(
          "1 validation error detected: Value null at 'entries' failed to satisfy constraint:"
              + " Member must not be null");
    }
    if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
      throw AwsJsonException.validation(
          "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member"
              + " must have length less than or equal to 10 and greater than or equal to 1");
    }
    if (requestSize(entries) > MAX_REQUEST_BYTES) {
      throw AwsJsonException.validation(
          "Total size of the entries in the request is over the limit.");
    }
    ArrayNode results = AwsJson.MAPPER.createArrayNode();
    int failed = 0;
    for (JsonNode entry : entries) {
      ObjectNode result = putEvent(entry);
      failed += result.has("ErrorCode") ? 1 : 0;
      results.add(result);
    }
    ObjectNode response = AwsJson.object().put("FailedEntryCount", failed);
    response.set("Entries", results);
    return response;
  }

  private ObjectNode putEvent(JsonNode entry) {
    String source = entry.path("Source").asText("");
    String detailType = entry.path("DetailType").asText("");
    String detailText = entry.path("Detail").asText("");
    if (source.isEmpty()) {
      return failure(
          "InvalidArgument",
          "Parameter Source is not valid. Reason: Source is a required argument.");
    }
    if (detailType.isEmpty()) {
      return failure(
          "InvalidArgument",
          "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
    }
    if (detailText.isEmpty()) {
      return failure(
          "InvalidArgument",
          "Parameter Detail is not valid. Reason: Detail is a required argument.");
    }
    if (source.startsWith("aws.")) {
      return failure("NotAuthorizedForSourceException", "Not authorized for the source.");
    }
    JsonNode detail = parseObject(detailText);
    if (detail == null) {
      return failure("MalformedDetail", "Detail is malformed.");
    }
    String bus = busName(entry.path("EventBusName").asText(DEFAULT_BUS));
    Map<String, Rule> rules = rulesByBus.get(bus);
    if (rules == null) {
      return failure("ResourceNotFoundException", "Event bus " + bus + " does not exist.");
    }
    List<String> resources = new ArrayList<>();
    entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
    Instant time = AwsJson.optionalTimestamp(entry, "Time").orElseGet(clock::instant);
    String id = UUID.randomUUID().toString();
    ObjectNode event = EventEnvelope.of(id, detailType, source, time, resources, detail);
    for (Rule rule : rules.values()) {
      if (rule.pattern().matches(event)) {
        JsonNode copy = event.deepCopy();
        deliveryPool.execute(() -> rule.target().deliver(copy));
      }
    }
    return AwsJson.object().put("EventId", id);
  }

  private JsonNode testEventPattern(JsonNode request) {
    EventPattern pattern;
    try {
      pattern = EventPattern.parse(AwsJson.requiredText(request, "EventPattern"));
    } catch (InvalidEventPatternException e) {
      throw AwsJsonException.badRequest("InvalidEventPatternException", e.getMessage());
    }
    JsonNode event = parseObject(AwsJson.requiredText(request, "Event"));
    if (event == null) {
      throw AwsJsonException.validation("Parameter Event is not valid.");
    }
    return AwsJson.object().put("Result", pattern.matches(event));
  }

  private static JsonNode parseObject(String text) {
    try {
      JsonNode node = STRICT_JSON.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  // EventBusName may be a name or an ARN ending in event-bus/<name>.
  private static String busName(String nameOrArn) {
    int slash = nameOrArn.lastIndexOf("event-bus/");
    return nameOrArn.startsWith("arn:") && slash >= 0
        ? nameOrArn.substring(slash + "event-bus/".length())
        : nameOrArn;
  }

  // Counted as EventBridge counts entry size: Time, Source, DetailType, Detail and Resources.
  private static long requestSize(JsonNode entries) {
    long size = 0;
    for (JsonNode entry : entries) {
      size += entry.has("Time") ? 14 : 0;
      size += utf8Length(entry.path("Source").asText(""));
      size += utf8Length(entry.path("DetailType").asText(""));
      size += utf8Length(entry.path("Detail").asText(""));
      for (JsonNode resource : entry.path("Resources")) {
        size += utf8Length(resource.asText());
      }
    }
    return size;
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static ObjectNode failure(String code, String message) {
    return AwsJson.object().put("ErrorCode", code).put("ErrorMessage", message);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
