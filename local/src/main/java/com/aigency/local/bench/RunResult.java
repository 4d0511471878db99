package com.aigency.local.bench;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one fresh JVM reported through {@link LambdaBootstrap}'s result line. Times in
 * milliseconds; {@code uptime*} are on the JVM-uptime clock of {@code -Xlog}.
 */
public record RunResult(
    double jvmToMainMs,
    double initMs,
    double firstInvokeMs,
    double totalMs,
    Double secondInvokeMs,
    Double primeMs,
    String origin,
    double uptimeAtMainMs,
    double uptimeAtInitDoneMs,
    double uptimeAtResponseMs,
    JsonNode response) {

  /** Reads the result line out of the bootstrap's stdout; fails with the handler's error if it threw. */
  public static RunResult parse(String stdout) {
    String line = null;
    for (String candidate : stdout.split("\\R")) {
      if (candidate.startsWith(LambdaBootstrap.RESULT_PREFIX)) {
        line = candidate;
      }
    }
    if (line == null) {
      throw new IllegalStateException("The benchmark JVM printed no result line");
    }
    JsonNode json = Json.read(line);
    if (json.has("error")) {
      throw new IllegalStateException("The handler threw " + json.path("error").path("errorType").asText()
          + ": " + json.path("error").path("errorMessage").asText());
    }
    JsonNode uptime = json.path("uptimeMs");
    return new RunResult(
        number(json, "jvmToMainMs"),
        number(json, "initMs"),
        number(json, "firstInvokeMs"),
        number(json, "totalMs"),
        json.path("secondInvokeMs").isNumber() ? json.get("secondInvokeMs").asDouble() : null,
        json.path("primeMs").isNumber() ? json.get("primeMs").asDouble() : null,
        json.path("origin").asText(),
        uptime.path("main").asDouble(),
        uptime.path("initDone").asDouble(),
        uptime.path("response").asDouble(),
        json.path("response"));
  }

  private static double number(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalStateException("The result line has no number " + field + ": " + json);
    }
    return value.asDouble();
  }

  /**
   * Fails unless the response is a success: an HTTP API response with a 2xx status (anything else
   * would time a shorter path, an early 4xx skips the database), an authorizer answer that
   * authorises, or, for the baseline, {@code "hello"}.
   */
  public static void requireSuccess(String function, JsonNode response, boolean baseline) {
    String shown = response.toString();
    if (shown.length() > 600) {
      shown = shown.substring(0, 600) + "...";
    }
    if (baseline) {
      if (!response.isTextual() || !response.asText().equals("hello")) {
        throw new IllegalStateException(function + " answered " + shown + " instead of \"hello\"");
      }
      return;
    }
    if (response.has("statusCode")) {
      int status = response.path("statusCode").asInt();
      if (status < 200 || status >= 300) {
        throw new IllegalStateException(function + " answered HTTP " + status + ": " + shown);
      }
    } else if (response.has("isAuthorized")) {
      if (!response.path("isAuthorized").asBoolean(false)) {
        throw new IllegalStateException(function + " did not authorise the benchmark's key: " + shown);
      }
    } else if (response.isNull() || response.isMissingNode()) {
      throw new IllegalStateException(function + " answered nothing");
    }
  }
}
