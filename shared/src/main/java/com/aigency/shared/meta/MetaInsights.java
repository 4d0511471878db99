package com.aigency.shared.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta insights of an ad account, campaign, ad set or ad.
 *
 * <p>Small queries are read synchronously ({@code GET /<id>/insights}, all pages). Large ones (see
 * {@link InsightsQuery#runsAsync()}) run as an async report: {@code POST /<id>/insights} returns a
 * {@code report_run_id}; {@code GET /<report_run_id>} is polled, waiting {@link
 * MetaRetryPolicy#asyncPollInterval()} between polls through the {@link Sleeper}, until {@code
 * async_status} is {@code Job Completed} with {@code async_percent_completion} 100; then {@code GET
 * /<report_run_id>/insights} pages the rows. The total wait is bounded by {@link
 * MetaRetryPolicy#asyncMaxWait()}. {@link #startReport}, {@link #reportStatus} and {@link
 * #reportRows} are public so a state machine can do the waiting instead (DESIGN.md principle 5).
 *
 * <p>{@code spend} arrives as a major-unit decimal string ("12.34") and becomes exact {@link Money}
 * in the account currency ({@code account_currency}, which every query requests).
 */
public final class MetaInsights {
  private static final Logger LOG = LoggerFactory.getLogger(MetaInsights.class);

  public static final String JOB_COMPLETED = "Job Completed";
  public static final String JOB_FAILED = "Job Failed";
  public static final String JOB_SKIPPED = "Job Skipped";

  /** An async report run's state ({@code GET /<report_run_id>}). */
  public record ReportRun(String id, String asyncStatus, int percentCompletion) {
    /** {@code Job Completed} and 100 %: Meta may report the status a little before the rows are ready. */
    public boolean isCompleted() {
      return JOB_COMPLETED.equals(asyncStatus) && percentCompletion >= 100;
    }

    public boolean isFailed() {
      return JOB_FAILED.equals(asyncStatus) || JOB_SKIPPED.equals(asyncStatus);
    }
  }

  private final MetaGraph graph;
  private final MetaAds ads;

  public MetaInsights(MetaGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.ads = new MetaAds(graph);
  }

  /**
   * The rows of {@code query} for {@code objectId} ({@code act_<id>} or a campaign, ad set or ad
   * id), sync or async as {@link InsightsQuery#runsAsync()} decides.
   */
  public List<InsightsRow> insights(AccessToken token, String objectId, InsightsQuery query) {
    return query.runsAsync() ? insightsAsync(token, objectId, query) : insightsSync(token, objectId, query);
  }

  /** {@code GET /<id>/insights}, all pages. */
  public List<InsightsRow> insightsSync(AccessToken token, String objectId, InsightsQuery query) {
    MetaAds.requireObjectId(objectId, "objectId");
    Map<String, String> p = new LinkedHashMap<>(query.params());
    p.put("limit", "500");
    return rows(token, objectId, query, graph.getAllPages(token, "/" + objectId + "/insights", p));
  }

  /** Starts an async report, polls it to completion within the policy's bound, returns its rows. */
  public List<InsightsRow> insightsAsync(AccessToken token, String objectId, InsightsQuery query) {
    String runId = startReport(token, objectId, query);
    MetaRetryPolicy policy = graph.policy();
    Duration waited = Duration.ZERO;
    while (true) {
      ReportRun run = reportStatus(token, runId);
      if (run.isCompleted()) {
        return reportRows(token, runId, objectId, query);
      }
      if (run.isFailed()) {
        throw MetaApiException.of(
            JOB_FAILED.equals(run.asyncStatus()) ? MetaErrorKind.UNKNOWN : MetaErrorKind.TRANSIENT,
            "Insights report run " + runId + " for " + objectId + " ended with async_status '" + run.asyncStatus()
                + "' at " + run.percentCompletion() + "%"
                + (JOB_FAILED.equals(run.asyncStatus()) ? "; narrow the query (fewer days, level or breakdowns)" : "; run it again"));
      }
      if (waited.compareTo(policy.asyncMaxWait()) >= 0) {
        throw MetaApiException.of(
            MetaErrorKind.TRANSIENT,
            "Insights report run " + runId + " for " + objectId + " not complete after " + waited
                + " (async_status '" + run.asyncStatus() + "', " + run.percentCompletion() + "%)");
      }
      Duration wait = policy.asyncPollInterval();
      Duration left = policy.asyncMaxWait().minus(waited);
      if (wait.compareTo(left) > 0) {
        wait = left;
      }
      LOG.info("Insights report run {} at {}% ({}); polling again in {}", runId, run.percentCompletion(), run.asyncStatus(), wait);
      try {
        graph.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw MetaApiException.of(MetaErrorKind.TRANSIENT, "Interrupted waiting for insights report run " + runId);
      }
      waited = waited.plus(wait);
    }
  }

  /** {@code POST /<id>/insights}: starts an async report run and returns its {@code report_run_id}. */
  public String startReport(AccessToken token, String objectId, InsightsQuery query) {
    MetaAds.requireObjectId(objectId, "objectId");
    JsonNode body = graph.post(token, "/" + objectId + "/insights", query.params(), false);
    String runId = body.path("report_run_id").asText("");
    if (runId.isEmpty()) {
      throw MetaApiException.of(MetaErrorKind.UNKNOWN, "Meta.Failed: starting an insights report gave no report_run_id");
    }
    LOG.info("Insights report run {} started for {} (level {})", runId, objectId, query.level().value());
    return runId;
  }

  /** {@code GET /<report_run_id>}: {@code async_status} and {@code async_percent_completion}. */
  public ReportRun reportStatus(AccessToken token, String reportRunId) {
    MetaAds.requireObjectId(reportRunId, "reportRunId");
    JsonNode body =
        graph.get(token, "/" + reportRunId, Map.of("fields", "id,async_status,async_percent_completion"));
    return new ReportRun(
        body.path("id").asText(reportRunId),
        body.path("async_status").asText(""),
        body.path("async_percent_completion").asInt(0));
  }

  /**
   * {@code GET /<report_run_id>/insights}, all pages.
   *
   * @param objectId the object the report is about, to find the currency if rows lack it
   */
  public List<InsightsRow> reportRows(AccessToken token, String reportRunId, String objectId, InsightsQuery query) {
    MetaAds.requireObjectId(reportRunId, "reportRunId");
    return rows(
        token, objectId, query, graph.getAllPages(token, "/" + reportRunId + "/insights", Map.of("limit", "500")));
  }

  // ------------------------------------------------------------------ mapping

  private List<InsightsRow> rows(AccessToken token, String objectId, InsightsQuery query, List<JsonNode> data) {
    List<InsightsRow> out = new ArrayList<>(data.size());
    String fallbackCurrency = null;
    for (JsonNode row : data) {
      String currency = row.path("account_currency").asText("");
      if (currency.isEmpty()) {
        if (fallbackCurrency == null) {
          fallbackCurrency = currencyOf(token, objectId, row);
        }
        currency = fallbackCurrency;
      }
      out.add(row(row, currency, query));
    }
    return List.copyOf(out);
  }

  private String currencyOf(AccessToken token, String objectId, JsonNode row) {
    String accountId = row.path("account_id").asText("");
    String account = !accountId.isEmpty() ? "act_" + RateLimitUsage.stripAct(accountId) : ads.adAccountOf(token, objectId);
    return ads.accountCurrency(token, account);
  }

  /** Maps one row; {@code currency} is the account currency. */
  static InsightsRow row(JsonNode row, String currency, InsightsQuery query) {
    Map<String, String> breakdowns = new LinkedHashMap<>();
    for (String b : query.breakdowns()) {
      if (row.hasNonNull(b)) {
        breakdowns.put(b, row.path(b).asText());
      }
    }
    return new InsightsRow(
        text(row, "account_id"),
        text(row, "campaign_id"),
        text(row, "adset_id"),
        text(row, "ad_id"),
        date(row, "date_start"),
        date(row, "date_stop"),
        longValue(row, "impressions"),
        longValue(row, "reach"),
        decimal(row, "frequency"),
        spend(row, currency),
        longValue(row, "clicks"),
        decimal(row, "ctr"),
        decimal(row, "cpm"),
        actions(row.path("actions")),
        breakdowns,
        row);
  }

  /** "12.34" EUR -> 1234 minor units, exactly; a finer value than the currency has is rounded half-up. */
  static Money spend(JsonNode row, String currency) {
    if (currency == null || currency.isEmpty()) {
      return null;
    }
    BigDecimal spend = decimal(row, "spend");
    if (spend == null) {
      return Money.zero(currency);
    }
    try {
      return Money.ofMajor(spend, currency);
    } catch (ArithmeticException e) {
      LOG.debug("spend {} has more decimals than {}; rounding half-up", spend.toPlainString(), currency);
      return Money.ofMajor(spend, currency, RoundingMode.HALF_UP);
    }
  }

  static Map<String, InsightsRow.ActionValue> actions(JsonNode actions) {
    Map<String, InsightsRow.ActionValue> out = new LinkedHashMap<>();
    if (!actions.isArray()) {
      return out;
    }
    for (JsonNode a : actions) {
      String type = a.path("action_type").asText("");
      if (type.isEmpty()) {
        continue;
      }
      Map<String, BigDecimal> windows = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getKey().equals("action_type") && !f.getKey().equals("value")) {
          BigDecimal v = parse(f.getValue());
          if (v != null) {
            windows.put(f.getKey(), v);
          }
        }
      }
      BigDecimal value = parse(a.path("value"));
      out.put(type, new InsightsRow.ActionValue(value == null ? BigDecimal.ZERO : value, windows));
    }
    return out;
  }

  private static String text(JsonNode row, String field) {
    JsonNode v = row.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static LocalDate date(JsonNode row, String field) {
    String v = text(row, field);
    return v == null || v.isEmpty() ? null : LocalDate.parse(v);
  }

  private static long longValue(JsonNode row, String field) {
    BigDecimal v = decimal(row, field);
    return v == null ? 0 : v.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static BigDecimal decimal(JsonNode row, String field) {
    return parse(row.path(field));
  }

  private static BigDecimal parse(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return null;
    }
    String s = v.asText().trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
