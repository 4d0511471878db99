package com.aigency.local.meta;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The faults injected through {@code POST /__admin/faults}, and the Graph errors they produce.
 *
 * <p>A fault matches by method and a substring of the raw path. Count faults answer the next
 * {@code times} matching calls. A rate limit with {@code blockSeconds} is a time window instead:
 * the first matching call opens it on the simulator clock and every matching call is refused
 * until the clock reaches its end, when the fault disappears; {@code times} is then ignored.
 */
final class Faults {

  static final Set<String> KINDS =
      Set.of("rateLimit", "tokenInvalid", "serverError", "latency", "reportFailed");

  /** Meta's tier names; a simulator app is always in the development tier. */
  static final String ACCESS_TIER = "development_access";

  private static final JsonNodeFactory NF = JsonNodeFactory.instance;

  static final class Fault {
    String method;
    String pathContains;
    int times;
    String kind;
    long seconds;
    int code;
    /** Null for a count fault. */
    Long blockSeconds;
    /** When the first matching call opened the block; null until then. */
    Instant blockStart;
  }

  private final List<Fault> faults = new ArrayList<>();

  /** Adds the fault described by an admin request; returns an error text, or null when added. */
  String add(JsonNode json) {
    Fault f = new Fault();
    JsonNode match = json.path("match");
    f.method =
        match.path("method").isTextual()
            ? match.path("method").asText().toUpperCase(Locale.ROOT)
            : null;
    f.pathContains = match.path("pathContains").isTextual() ? match.path("pathContains").asText() : null;
    f.times = json.path("times").asInt(1);
    f.kind = json.path("kind").asText("");
    f.seconds = json.path("seconds").asLong(f.kind.equals("latency") ? 1000 : 5);
    f.code = json.path("code").asInt(80004);
    if (!KINDS.contains(f.kind)) {
      return "unknown fault kind: " + f.kind;
    }
    if (json.has("blockSeconds")) {
      if (!f.kind.equals("rateLimit")) {
        return "blockSeconds applies to rateLimit faults only";
      }
      long n = json.path("blockSeconds").asLong(-1);
      if (n <= 0) {
        return "blockSeconds must be a positive number of seconds";
      }
      f.blockSeconds = n;
    }
    faults.add(f);
    return null;
  }

  void clear() {
    faults.clear();
  }

  int size() {
    return faults.size();
  }

  /**
   * The first fault matching this call, consuming one use of a count fault, or null. A block
   * whose window has ended is removed and does not match.
   */
  Fault take(String method, String path, Instant now) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.method != null && !f.method.equals(method)) {
        continue;
      }
      if (f.pathContains != null && !path.contains(f.pathContains)) {
        continue;
      }
      // a failed report run is decided when the run is created: only POST .../insights
      if (f.kind.equals("reportFailed") && !(method.equals("POST") && path.endsWith("/insights"))) {
        continue;
      }
      if (f.blockSeconds != null) {
        if (f.blockStart == null) {
          f.blockStart = now;
        }
        if (!now.isBefore(blockEnd(f))) {
          it.remove();
          continue;
        }
        return f;
      }
      if (--f.times <= 0) {
        it.remove();
      }
      return f;
    }
    return null;
  }

  private static Instant blockEnd(Fault f) {
    return f.blockStart.plusSeconds(f.blockSeconds);
  }

  /** Seconds until calls pass again: what is left of a block, or the fault's {@code seconds}. */
  static long waitSeconds(Fault f, Instant now) {
    if (f.blockSeconds == null) {
      return Math.max(0, f.seconds);
    }
    long millis = Duration.between(now, blockEnd(f)).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  /** The error a non-latency fault answers with; {@code accountId} keys the usage headers. */
  static GraphError error(Fault f, String accountId, Instant now) {
    return switch (f.kind) {
      case "tokenInvalid" ->
          GraphError.invalidToken(
              "Error validating access token: The session has been invalidated because the user"
                  + " changed their password or Facebook has changed the session for security"
                  + " reasons.",
              460);
      case "serverError" ->
          new GraphError(
              500,
              "An unexpected error has occurred. Please retry your request later.",
              "OAuthException",
              2,
              null,
              true,
              null,
              null);
      default -> rateLimit(f, accountId, now);
    };
  }

  /**
   * Meta's throttling answers. Codes 17 and 613 are the ad-account API-level limit and carry
   * {@code X-Ad-Account-Usage}; code 4 is the app-level limit and carries {@code X-App-Usage};
   * 800xx are Business Use Case limits. All carry {@code X-Business-Use-Case-Usage}, whose
   * {@code estimated_time_to_regain_access} Meta gives in minutes.
   */
  static GraphError rateLimit(Fault f, String accountId, Instant now) {
    long wait = waitSeconds(f, now);
    long minutes = (wait + 59) / 60;
    ObjectNode usage = NF.objectNode();
    usage
        .putArray(accountId)
        .addObject()
        .put("type", bucType(f.code))
        .put("call_count", 100)
        .put("total_cputime", 28)
        .put("total_time", 31)
        .put("estimated_time_to_regain_access", minutes)
        .put("ads_api_access_tier", ACCESS_TIER);
    GraphError e =
        switch (f.code) {
          case 4 ->
              new GraphError(400, "(#4) Application request limit reached", "OAuthException", 4, null, true, null, null)
                  .header(
                      "X-App-Usage",
                      Json.write(NF.objectNode().put("call_count", 100).put("total_cputime", 34).put("total_time", 41)));
          case 17 ->
              adAccountUsage(
                  new GraphError(400, "(#17) User request limit reached", "OAuthException", 17, 2446079, true, null, null),
                  wait);
          case 613 ->
              adAccountUsage(
                  new GraphError(
                      400,
                      "(#613) Calls to this api have exceeded the rate limit.",
                      "OAuthException",
                      613,
                      1487742,
                      true,
                      "Too Many Calls",
                      "There have been too many calls from this ad-account. Please wait a bit and try again."),
                  wait);
          default ->
              new GraphError(
                  400,
                  "(#"
                      + f.code
                      + ") There have been too many calls to this ad-account. Wait a bit and try again. For"
                      + " more info, please refer to"
                      + " https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
                  "OAuthException",
                  f.code,
                  2446079,
                  true,
                  null,
                  null);
        };
    return e.header("X-Business-Use-Case-Usage", Json.write(usage));
  }

  private static GraphError adAccountUsage(GraphError e, long resetSeconds) {
    return e.header(
        "X-Ad-Account-Usage",
        Json.write(
            NF.objectNode()
                .put("acc_id_util_pct", 100)
                .put("reset_time_duration", resetSeconds)
                .put("ads_api_access_tier", ACCESS_TIER)));
  }

  /** The Business Use Case bucket Meta names for each throttling code. */
  static String bucType(int code) {
    return switch (code) {
      case 80000 -> "ads_insights";
      case 80003 -> "custom_audience";
      case 80014 -> "catalog_batch";
      default -> "ads_management";
    };
  }
}
