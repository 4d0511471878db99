package com.aigency.local.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Async Insights jobs ({@code POST /{object}/insights} then {@code GET /{report_run_id}}): an
 * {@code adreportrun} object kept with the other objects, whose status follows the simulator
 * clock from its creation ({@code time_ref}):
 *
 * <ul>
 *   <li>0-2 s: Job Not Started, 0 %;
 *   <li>2-5 s: Job Started, 0 %;
 *   <li>5-25 s: Job Running, 1..99 % linearly;
 *   <li>25-30 s: Job Running at 100 % (Meta shows 100 % a little before completing);
 *   <li>from 30 s: Job Completed, 100 %, with {@code time_completed}.
 * </ul>
 *
 * A run created while a {@code reportFailed} fault matched goes from Job Started to Job Failed at
 * 5 s with 0 %. Its rows are the query's answer as of {@code time_ref}.
 */
final class AsyncReportRuns {

  private AsyncReportRuns() {}

  static final String TYPE = "adreportrun";
  static final long STARTED_AFTER = 2;
  static final long RUNNING_AFTER = 5;
  static final long FULL_AFTER = 25;
  static final long COMPLETED_AFTER = 30;

  private static final JsonNodeFactory NF = JsonNodeFactory.instance;

  static ObjectNode create(String id, String accountId, ObjectNode scope, InsightsQuery q, Instant now, boolean fail) {
    ObjectNode run = NF.objectNode().put("_type", TYPE).put("id", id).put("account_id", accountId);
    run.put("time_ref", now.getEpochSecond());
    run.put("date_start", q.since().toString());
    run.put("date_stop", q.until().toString());
    if (scope != null) {
      run.put("_scope", scope.path("id").asText());
    }
    run.set("_query", q.toJson());
    run.put("_fail", fail);
    return run;
  }

  private static long elapsed(ObjectNode run, Instant now) {
    return now.getEpochSecond() - run.path("time_ref").asLong();
  }

  static String status(ObjectNode run, Instant now) {
    long e = elapsed(run, now);
    boolean fail = run.path("_fail").asBoolean();
    if (e < STARTED_AFTER) {
      return "Job Not Started";
    }
    if (e < RUNNING_AFTER) {
      return "Job Started";
    }
    if (fail) {
      return "Job Failed";
    }
    return e < COMPLETED_AFTER ? "Job Running" : "Job Completed";
  }

  static int percent(ObjectNode run, Instant now) {
    long e = elapsed(run, now);
    if (e < RUNNING_AFTER || run.path("_fail").asBoolean()) {
      return 0;
    }
    if (e >= FULL_AFTER) {
      return 100;
    }
    return (int) Math.max(1, Math.min(99, (e - RUNNING_AFTER) * 100 / (FULL_AFTER - RUNNING_AFTER)));
  }

  /** {@code GET /{report_run_id}}: all fields, or those named in {@code fields}. */
  static ObjectNode describe(ObjectNode run, Instant now, Map<String, JsonNode> params) {
    String status = status(run, now);
    ObjectNode all = NF.objectNode();
    all.put("id", run.path("id").asText());
    all.put("account_id", run.path("account_id").asText());
    all.put("time_ref", run.path("time_ref").asLong());
    all.put("async_status", status);
    all.put("async_percent_completion", percent(run, now));
    all.put("is_running", status.equals("Job Started") || status.equals("Job Running"));
    all.put("date_start", run.path("date_start").asText());
    all.put("date_stop", run.path("date_stop").asText());
    if (status.equals("Job Completed")) {
      all.put("time_completed", run.path("time_ref").asLong() + COMPLETED_AFTER);
    }
    JsonNode fields = params.get("fields");
    if (fields == null || fields.asText().isBlank()) {
      return all;
    }
    List<String> wanted = new ArrayList<>(List.of("id"));
    for (String f : fields.asText().split(",")) {
      wanted.add(f.trim());
    }
    ObjectNode out = NF.objectNode();
    for (String f : wanted) {
      if (all.has(f)) {
        out.set(f, all.get(f));
      }
    }
    return out;
  }

  /** Meta's answer when the results of a job that has not completed are fetched. */
  static GraphError notReady() {
    return new GraphError(
        400,
        "Error accessing adreport job.",
        "OAuthException",
        2601,
        1815107,
        true,
        "Loading Async Ads Report Failed",
        "Sorry, the report cannot be loaded successfully. Please check if your job status is completed instead of"
            + " failed or running before fetching the data.");
  }

  static InsightsQuery query(ObjectNode run) {
    return InsightsQuery.fromJson(run.path("_query"));
  }

  static Instant timeRef(ObjectNode run) {
    return Instant.ofEpochSecond(run.path("time_ref").asLong());
  }
}
