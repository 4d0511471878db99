package com.aigency.local.stepfunctions.conformance;

import com.aigency.local.stepfunctions.engine.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares what an interpreter did with a case's expectations; each difference is one line. */
final class Expectations {

  /**
   * What an interpreter did. Fields an interpreter cannot report are null: the npm cross-check has
   * no history, no local clock and no task tokens.
   */
  record Observed(
      String status,
      JsonNode output,
      String error,
      String cause,
      List<ScriptedResources.Call> calls,
      boolean callTimesKnown,
      List<HistoryEvent> history,
      Instant startDate,
      Instant stopDate,
      Integer distinctTokens,
      Map<String, String> placeholders) {}

  private Expectations() {}

  /**
   * The differences between {@code observed} and the case's expectations. With {@code
   * outcomeOnly}, only status, output, error, cause and the calls' parameters are compared.
   */
  static List<String> check(ConformanceCase c, Observed observed, boolean outcomeOnly) {
    List<String> diffs = new ArrayList<>();
    Map<String, String> values = observed.placeholders();
    JsonNode expect = JsonMatch.substitute(c.expect(), values);
    String status = expect.path("status").asText();
    if (!status.equals(observed.status())) {
      diffs.add("status: expected " + status + " but got " + observed.status() + describeFailure(observed));
    }
    if (expect.has("output")) {
      if (observed.output() == null) {
        if (status.equals(observed.status())) {
          diffs.add("output: expected " + expect.get("output") + " but there is none");
        }
      } else {
        String m = JsonMatch.mismatch(expect.get("output"), observed.output());
        if (m != null) {
          diffs.add("output " + m + " (whole output " + observed.output() + ")");
        }
      }
    }
    compareText(diffs, "error", expect, observed.error());
    compareText(diffs, "cause", expect, observed.cause());
    checkCalls(c, observed, values, diffs);
    if (!outcomeOnly) {
      checkHistory(c, observed, diffs);
      checkTimeline(c, observed, diffs);
      if (c.raw().has("expectDistinctTokens")) {
        int want = c.raw().get("expectDistinctTokens").asInt();
        if (observed.distinctTokens() == null || observed.distinctTokens() != want) {
          diffs.add("task tokens: expected " + want + " distinct tokens but saw " + observed.distinctTokens());
        }
      }
    }
    return diffs;
  }

  private static String describeFailure(Observed o) {
    if (o.error() == null && o.cause() == null) {
      return o.output() == null ? "" : " (output " + o.output() + ")";
    }
    return " (error " + o.error() + ", cause " + o.cause() + ")";
  }

  private static void compareText(List<String> diffs, String field, JsonNode expect, String actual) {
    if (!expect.has(field)) {
      return;
    }
    JsonNode actualNode = actual == null ? null : TextNode.valueOf(actual);
    String m = JsonMatch.mismatch(expect.get(field), actualNode);
    if (m != null) {
      diffs.add(field + ": expected " + expect.get(field) + " but got " + (actual == null ? "none" : "\"" + actual + "\""));
    }
  }

  private static Map<String, List<ScriptedResources.Call>> callsByResource(Observed o) {
    Map<String, List<ScriptedResources.Call>> byResource = new HashMap<>();
    for (ScriptedResources.Call call : o.calls()) {
      byResource.computeIfAbsent(call.resource(), k -> new ArrayList<>()).add(call);
    }
    return byResource;
  }

  private static void checkCalls(ConformanceCase c, Observed o, Map<String, String> values, List<String> diffs) {
    Map<String, List<ScriptedResources.Call>> calls = callsByResource(o);
    c.field("expectCallCount")
        .properties()
        .forEach(
            e -> {
              int got = calls.getOrDefault(e.getKey(), List.of()).size();
              if (got != e.getValue().asInt()) {
                diffs.add("calls of " + e.getKey() + ": expected " + e.getValue().asInt() + " but got " + got);
              }
            });
    c.field("expectCalls")
        .properties()
        .forEach(
            e -> {
              List<JsonNode> got = calls.getOrDefault(e.getKey(), List.of()).stream().map(ScriptedResources.Call::parameters).toList();
              String m = JsonMatch.multisetMismatch(JsonMatch.substitute(e.getValue(), values), got);
              if (m != null) {
                diffs.add("calls of " + e.getKey() + ": " + m);
              }
            });
    c.field("expectCallsInOrder")
        .properties()
        .forEach(
            e -> {
              JsonNode got = ConformanceCase.JSON.valueToTree(calls.getOrDefault(e.getKey(), List.of()).stream().map(ScriptedResources.Call::parameters).toList());
              String m = JsonMatch.mismatch(JsonMatch.substitute(e.getValue(), values), got);
              if (m != null) {
                diffs.add("calls of " + e.getKey() + " in order: " + m);
              }
            });
    if (o.callTimesKnown()) {
      c.field("expectCallTimes")
          .properties()
          .forEach(
              e -> {
                List<JsonNode> times = new ArrayList<>();
                for (ScriptedResources.Call call : calls.getOrDefault(e.getKey(), List.of())) {
                  times.add(seconds(call.secondsAfterStart()));
                }
                String m = JsonMatch.mismatch(e.getValue(), ConformanceCase.JSON.valueToTree(times));
                if (m != null) {
                  diffs.add("call times (seconds after start) of " + e.getKey() + ": " + m + ", all " + times);
                }
              });
    }
  }

  private static void checkHistory(ConformanceCase c, Observed o, List<String> diffs) {
    JsonNode expected = c.field("expectHistoryTypes");
    if (expected.isNull() || o.history() == null) {
      return;
    }
    List<String> got = o.history().stream().map(HistoryEvent::type).toList();
    List<String> want = new ArrayList<>();
    expected.forEach(t -> want.add(t.asText()));
    if (!want.equals(got)) {
      diffs.add("history event types: expected " + want + " but got " + got);
    }
  }

  private static void checkTimeline(ConformanceCase c, Observed o, List<String> diffs) {
    JsonNode timeline = c.field("expectTimeline");
    if (timeline.isNull() || o.history() == null || o.startDate() == null) {
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode entry : timeline) {
      if (entry.has("end")) {
        if (o.stopDate() == null) {
          diffs.add("timeline: expected the execution to end at +" + entry.get("end") + "s but it has not ended");
          continue;
        }
        JsonNode at = seconds(o.startDate(), o.stopDate());
        String m = JsonMatch.mismatch(entry.get("end"), at);
        if (m != null) {
          diffs.add("timeline: expected the execution to end at +" + entry.get("end") + "s but it ended at +" + at + "s");
        }
        continue;
      }
      String state = entry.path("state").asText();
      int occurrence = seen.merge(state, 1, Integer::sum);
      List<HistoryEvent> entered =
          o.history().stream()
              .filter(e -> e.type().endsWith("StateEntered"))
              .filter(e -> e.details() != null && state.equals(e.details().path("name").asText()))
              .toList();
      if (entered.size() < occurrence) {
        diffs.add("timeline: expected state " + state + " to be entered (time #" + occurrence + ") at +" + entry.get("at") + "s but it was entered " + entered.size() + " time(s)");
        continue;
      }
      JsonNode at = seconds(o.startDate(), entered.get(occurrence - 1).timestamp());
      String m = JsonMatch.mismatch(entry.get("at"), at);
      if (m != null) {
        diffs.add("timeline: expected state " + state + " entered at +" + entry.get("at") + "s but it was entered at +" + at + "s");
      }
    }
  }

  private static JsonNode seconds(Instant from, Instant to) {
    return seconds(ScriptedResources.seconds(Duration.between(from, to)));
  }

  private static JsonNode seconds(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    return DecimalNode.valueOf(new BigDecimal(rounded.toPlainString()));
  }
}
