package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Retry and Catch selection. The spec: a Retrier or Catcher applies when the error name appears in
 * its ErrorEquals, {@code States.ALL} matching any name. AWS refines it, and so does this class:
 *
 * <ul>
 *   <li>{@code States.ALL} "can't catch the States.DataLimitExceeded terminal error or Runtime
 *       error types", and "a States.Runtime error isn't retriable, and will always cause the
 *       execution to fail": those two names match nothing, not even when listed by name;
 *   <li>{@code States.TaskFailed} "acts as a wildcard that matches any known error name except for
 *       States.Timeout" (a heartbeat timeout is a timeout too, so it is excluded as well);
 *   <li>{@code States.Timeout} also matches {@code States.HeartbeatTimeout}, since the spec defines
 *       States.Timeout as "ran longer than TimeoutSeconds, or failed to heartbeat".
 * </ul>
 */
public final class ErrorHandling {
  private static final Set<String> TERMINAL =
      Set.of(StatesError.RUNTIME, StatesError.DATA_LIMIT_EXCEEDED);
  private static final Set<String> TIMEOUTS =
      Set.of(StatesError.TIMEOUT, StatesError.HEARTBEAT_TIMEOUT);
  private static final int DEFAULT_MAX_ATTEMPTS = 3;
  private static final double DEFAULT_INTERVAL_SECONDS = 1;
  private static final double DEFAULT_BACKOFF_RATE = 2.0;

  private ErrorHandling() {}

  /**
   * The index of the first Retrier or Catcher whose ErrorEquals matches {@code error}, or -1 (also
   * when the field is absent).
   */
  public static int match(JsonNode retriersOrCatchers, String error) {
    if (JsonValues.absent(retriersOrCatchers)
        || !retriersOrCatchers.isArray()
        || TERMINAL.contains(error)) {
      return -1;
    }
    for (int i = 0; i < retriersOrCatchers.size(); i++) {
      for (JsonNode name : retriersOrCatchers.get(i).path("ErrorEquals")) {
        if (matches(name.asText(), error)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Whether one ErrorEquals entry matches {@code error}. */
  public static boolean matches(String errorEquals, String error) {
    if (TERMINAL.contains(error)) {
      return false;
    }
    return switch (errorEquals) {
      case StatesError.ALL -> true;
      case StatesError.TASK_FAILED -> !TIMEOUTS.contains(error);
      case StatesError.TIMEOUT -> TIMEOUTS.contains(error);
      default -> errorEquals.equals(error);
    };
  }

  /**
   * The wait before retry number {@code attempt} (1 for the first retry): IntervalSeconds (default
   * 1) times BackoffRate (default 2.0) to the power {@code attempt - 1}, capped at MaxDelaySeconds
   * when given; with JitterStrategy FULL, a uniformly random duration from zero to that delay.
   */
  public static Duration retryDelay(JsonNode retrier, int attempt, RandomGenerator random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt is 1-based: " + attempt);
    }
    double interval = retrier.path("IntervalSeconds").asDouble(DEFAULT_INTERVAL_SECONDS);
    double rate = retrier.path("BackoffRate").asDouble(DEFAULT_BACKOFF_RATE);
    double seconds = interval * Math.pow(rate, attempt - 1);
    JsonNode maxDelay = retrier.get("MaxDelaySeconds");
    if (maxDelay != null && maxDelay.isNumber()) {
      seconds = Math.min(seconds, maxDelay.doubleValue());
    }
    if ("FULL".equals(retrier.path("JitterStrategy").asText())) {
      seconds = random.nextDouble(0, Math.nextUp(seconds));
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** MaxAttempts, default 3; 0 means never retry. */
  public static int maxAttempts(JsonNode retrier) {
    JsonNode max = retrier.get("MaxAttempts");
    return max != null && max.isNumber() ? max.intValue() : DEFAULT_MAX_ATTEMPTS;
  }

  /** The Error Output a Catcher hands on: {@code {"Error": ..., "Cause": ...}}. */
  public static ObjectNode errorOutput(String error, String cause) {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    output.put("Error", error);
    output.put("Cause", cause);
    return output;
  }
}
