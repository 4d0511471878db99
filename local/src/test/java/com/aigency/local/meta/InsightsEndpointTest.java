package com.aigency.local.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.clock.LocalClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Insights endpoints over HTTP: shapes, parameters, errors, async report runs. */
class InsightsEndpointTest {

  /** Monday 2025-03-03 09:00 UTC: 10:00 in Berlin, 18:00 in Tokyo. */
  private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

  private LocalClock clock;
  private MetaSimulator sim;
  private SimClient c;
  private String act;
  private String campaign;
  private String adset;
  private String ad;

  @BeforeEach
  void start() throws Exception {
    clock = new LocalClock(Clock.fixed(START, ZoneOffset.UTC));
    sim = MetaSimulator.start(0, clock, 42L, null);
    c = new SimClient(sim);
    act = c.account("EUR");
    campaign = c.campaign(act, "Leads", "OUTCOME_LEADS", null);
    adset = c.adset(act, campaign, "DE leads", "LEAD_GENERATION", 20_000L);
    ad = c.ad(act, adset, "Lead ad");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static Map<String, String> q(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private void assertParamError(Map<String, String> query, String param) throws Exception {
    HttpResponse<String> r = c.graph("/" + act + "/insights", query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode e = SimClient.json(r).get("error");
    assertThat(e.get("code").asInt()).isEqualTo(100);
    assertThat(e.get("type").asText()).isEqualTo("OAuthException");
    assertThat(e.get("message").asText()).startsWith("(#100) ").contains(param);
    assertThat(e.get("fbtrace_id").asText()).isNotEmpty();
  }

  @Test
  void rowsHaveMetasShapeAndDefaults() throws Exception {
    clock.advance(Duration.ofDays(3));
    HttpResponse<String> r = c.graph("/" + campaign + "/insights", Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-FB-Ads-Insights-Throttle").orElseThrow()).contains("acc_id_util_pct");
    JsonNode row = SimClient.json(r).at("/data/0");
    // default: last_30d (today excluded), the object's own level, impressions and spend
    assertThat(row.get("date_start").asText()).isEqualTo("2025-02-04");
    assertThat(row.get("date_stop").asText()).isEqualTo("2025-03-05");
    assertThat(row.get("account_id").asText()).isEqualTo(act.substring(4));
    assertThat(row.get("campaign_id").asText()).isEqualTo(campaign);
    assertThat(row.has("adset_id")).isFalse();
    assertThat(row.get("impressions").asText()).matches("\\d+");
    assertThat(row.get("spend").asText()).matches("\\d+(\\.\\d{1,2})?");

    JsonNode full =
        c.graphJson("/" + ad + "/insights", q("date_preset", "last_3d", "fields",
            "account_id,account_name,account_currency,campaign_id,campaign_name,adset_id,adset_name,ad_id,ad_name,objective,"
                + "impressions,reach,frequency,spend,clicks,inline_link_clicks,ctr,cpm,cpc,cpp,actions,cost_per_action_type,"
                + "action_values,purchase_roas,quality_ranking"))
            .at("/data/0");
    assertThat(full.get("ad_name").asText()).isEqualTo("Lead ad");
    assertThat(full.get("adset_name").asText()).isEqualTo("DE leads");
    assertThat(full.get("campaign_name").asText()).isEqualTo("Leads");
    assertThat(full.get("account_currency").asText()).isEqualTo("EUR");
    assertThat(full.get("objective").asText()).isEqualTo("OUTCOME_LEADS");
    for (String f : List.of("impressions", "reach", "spend", "clicks", "inline_link_clicks", "ctr", "cpm", "cpc", "frequency")) {
      assertThat(full.get(f).isTextual()).as(f).isTrue();
    }
    assertThat(full.has("quality_ranking")).isFalse(); // valid at Meta, not simulated
    assertThat(full.has("action_values")).isFalse(); // no purchases for leads
    JsonNode types = full.get("actions");
    assertThat(types.findValuesAsText("action_type")).contains("link_click", "post_engagement", "lead");
    JsonNode lead = null;
    for (JsonNode a : types) {
      if (a.get("action_type").asText().equals("lead")) {
        lead = a;
      }
    }
    assertThat(lead.get("value").asText()).matches("\\d+");
    assertThat(lead.has("7d_click")).isFalse(); // window keys only when asked for
    assertThat(full.get("cost_per_action_type").findValuesAsText("action_type")).contains("lead");
  }

  @Test
  void attributionWindowsAddPerWindowCounts() throws Exception {
    clock.advance(Duration.ofDays(10));
    JsonNode rows =
        c.graphJson("/" + act + "/insights", q("level", "ad", "date_preset", "last_7d", "fields", "actions",
            "action_attribution_windows", "[\"1d_click\",\"7d_click\",\"28d_click\",\"1d_view\",\"default\"]"))
            .get("data");
    JsonNode lead = null;
    for (JsonNode a : rows.get(0).get("actions")) {
      if (a.get("action_type").asText().equals("lead")) {
        lead = a;
      }
    }
    long oneDay = lead.path("1d_click").asLong();
    long sevenDay = lead.path("7d_click").asLong();
    long view = lead.path("1d_view").asLong();
    assertThat(oneDay).isPositive().isLessThanOrEqualTo(sevenDay);
    assertThat(sevenDay).isLessThanOrEqualTo(lead.path("28d_click").asLong());
    assertThat(lead.get("default").asText()).isEqualTo(lead.get("value").asText());
    // value is the default setting, 7d_click + 1d_view, rounded down per ad and day
    assertThat(lead.get("value").asLong()).isBetween(sevenDay, sevenDay + view + 7);
    JsonNode link = rows.get(0).get("actions").get(0);
    assertThat(link.get("action_type").asText()).isEqualTo("link_click");
    assertThat(link.get("1d_click").asText()).isEqualTo(link.get("value").asText());
    assertThat(link.has("1d_view")).isFalse();
  }

  @Test
  void datePresetsFollowTheAccountTimeZone() throws Exception {
    String jpy = c.account("JPY");
    String jc = c.campaign(jpy, "JP traffic", "OUTCOME_TRAFFIC", null);
    String js = c.adset(jpy, jc, "JP", "LINK_CLICKS", 5_000L);
    c.ad(jpy, js, "JP ad");
    clock.advance(Duration.ofHours(7)); // 16:00 UTC: still the 3rd in Berlin, already the 4th in Tokyo
    JsonNode tokyo = c.graphJson("/" + jpy + "/insights", q("date_preset", "today", "fields", "spend,account_currency")).at("/data/0");
    assertThat(tokyo.get("date_start").asText()).isEqualTo("2025-03-04");
    assertThat(tokyo.get("spend").asText()).matches("\\d+"); // yen: no decimals
    JsonNode tokyoYesterday = c.graphJson("/" + jpy + "/insights", q("date_preset", "yesterday")).at("/data/0");
    assertThat(tokyoYesterday.get("date_start").asText()).isEqualTo("2025-03-03");
    JsonNode berlin = c.graphJson("/" + act + "/insights", q("date_preset", "today")).at("/data/0");
    assertThat(berlin.get("date_start").asText()).isEqualTo("2025-03-03");
    JsonNode max = c.graphJson("/" + act + "/insights", q("date_preset", "maximum")).at("/data/0");
    assertThat(max.get("date_start").asText()).isEqualTo("2025-03-03");
    JsonNode month = c.graphJson("/" + act + "/insights", q("date_preset", "this_month")).at("/data/0");
    assertThat(month.get("date_start").asText()).isEqualTo("2025-03-01");
  }

  @Test
  void timeIncrementsLevelsFilteringAndPaging() throws Exception {
    String ad2 = c.ad(act, adset, "Lead ad 2");
    clock.advance(Duration.ofDays(9));
    String range = "{\"since\":\"2025-03-03\",\"until\":\"2025-03-11\"}";
    List<JsonNode> daily = c.insights("/" + act + "/insights", q("level", "ad", "time_range", range, "time_increment", "1",
        "fields", "ad_id,spend", "limit", "3"));
    assertThat(daily).hasSize(18); // 9 days x 2 ads, fetched 3 at a time
    assertThat(daily.get(0).get("date_start").asText()).isEqualTo("2025-03-03");
    assertThat(daily.get(0).get("date_stop").asText()).isEqualTo("2025-03-03");
    List<JsonNode> weekly = c.insights("/" + act + "/insights", q("time_range", range, "time_increment", "7"));
    assertThat(weekly).hasSize(2);
    assertThat(weekly.get(1).get("date_start").asText()).isEqualTo("2025-03-10");
    assertThat(weekly.get(1).get("date_stop").asText()).isEqualTo("2025-03-11");
    List<JsonNode> monthly = c.insights("/" + act + "/insights", q("time_range", range, "time_increment", "monthly"));
    assertThat(monthly).hasSize(1);
    JsonNode filtered = c.graphJson("/" + act + "/insights", q("level", "ad", "time_range", range, "fields", "ad_id",
        "filtering", "[{\"field\":\"ad.id\",\"operator\":\"IN\",\"value\":[\"" + ad2 + "\"]}]"));
    assertThat(filtered.get("data")).hasSize(1);
    assertThat(filtered.at("/data/0/ad_id").asText()).isEqualTo(ad2);
    // the sum of the days is the all_days row
    JsonNode total = c.graphJson("/" + act + "/insights", q("time_range", range, "fields", "spend")).at("/data/0");
    double sum = daily.stream().mapToDouble(r -> Double.parseDouble(r.get("spend").asText())).sum();
    assertThat(Double.parseDouble(total.get("spend").asText())).isCloseTo(sum, org.assertj.core.api.Assertions.within(0.001));
  }

  @Test
  void invalidParametersAnswerCode100NamingTheParameter() throws Exception {
    assertParamError(q("level", "creative"), "level");
    assertParamError(q("date_preset", "last_5d"), "date_preset");
    assertParamError(q("time_range", "{\"since\":\"2025-03-10\"}"), "time_range");
    assertParamError(q("time_range", "{\"since\":\"2025-03-10\",\"until\":\"2025-03-01\"}"), "time_range");
    assertParamError(q("time_range", "last week"), "time_range");
    assertParamError(q("time_increment", "0"), "time_increment");
    assertParamError(q("time_increment", "weekly"), "time_increment");
    assertParamError(q("fields", "impressions,spendd"), "spendd is not valid for fields param");
    assertParamError(q("action_attribution_windows", "[\"2d_click\"]"), "action_attribution_windows");
    assertParamError(q("filtering", "[{\"field\":\"campaign.name\",\"operator\":\"IN\",\"value\":[\"x\"]}]"), "campaign.name");
    assertParamError(q("limit", "many"), "limit");
    HttpResponse<String> old = c.graph("/" + act + "/insights", q("time_range", "{\"since\":\"2021-01-01\",\"until\":\"2021-01-31\"}"));
    assertThat(SimClient.json(old).at("/error/code").asInt()).isEqualTo(3018);
  }

  @Test
  void learningStageInfoIsExposedOnAdSets() throws Exception {
    JsonNode before = c.graphJson("/" + adset, q("fields", "name,learning_stage_info"));
    assertThat(before.at("/learning_stage_info/status").asText()).isEqualTo("LEARNING");
    assertThat(before.has("_statusHistory")).isFalse();
    clock.advance(Duration.ofDays(9));
    JsonNode listed = c.graphJson("/" + act + "/adsets", q("fields", "learning_stage_info"));
    String status = listed.at("/data/0/learning_stage_info/status").asText();
    assertThat(status).isIn("SUCCESS", "FAIL");
    assertThat(listed.at("/data/0/learning_stage_info/conversions").isNumber()).isTrue();
    assertThat(c.graphJson("/" + campaign, q("fields", "learning_stage_info")).has("learning_stage_info")).isFalse();
  }

  @Test
  void asyncReportRunProgressesOnTheClockAndPagesTheSameRowsAsTheSyncCall() throws Exception {
    clock.advance(Duration.ofDays(6).plusHours(2)); // Sunday 12:00 in Berlin: no midnight ahead
    Map<String, String> query = q("level", "ad", "date_preset", "last_7d", "time_increment", "1",
        "fields", "ad_id,impressions,spend,reach,actions", "action_attribution_windows", "7d_click,1d_view");
    HttpResponse<String> created = c.post("/" + act + "/insights", query);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String run = SimClient.json(created).get("report_run_id").asText();

    JsonNode s0 = c.graphJson("/" + run, Map.of());
    assertThat(s0.get("id").asText()).isEqualTo(run);
    assertThat(s0.get("account_id").asText()).isEqualTo(act.substring(4));
    assertThat(s0.get("async_status").asText()).isEqualTo("Job Not Started");
    assertThat(s0.get("async_percent_completion").asInt()).isZero();
    assertThat(s0.get("time_ref").asLong()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(s0.get("date_start").asText()).isEqualTo("2025-03-02");
    assertThat(s0.get("date_stop").asText()).isEqualTo("2025-03-08");

    clock.advance(Duration.ofSeconds(3));
    assertThat(c.graphJson("/" + run, Map.of()).get("async_status").asText()).isEqualTo("Job Started");
    clock.advance(Duration.ofSeconds(12)); // 15 s
    JsonNode running = c.graphJson("/" + run, q("fields", "async_status,async_percent_completion"));
    assertThat(running.get("async_status").asText()).isEqualTo("Job Running");
    assertThat(running.get("async_percent_completion").asInt()).isBetween(1, 99);
    assertThat(running.has("date_start")).isFalse();
    HttpResponse<String> early = c.graph("/" + run + "/insights", Map.of());
    assertThat(SimClient.json(early).at("/error/code").asInt()).isEqualTo(2601);
    assertThat(SimClient.json(early).at("/error/error_subcode").asInt()).isEqualTo(1815107);
    assertThat(SimClient.json(early).at("/error/is_transient").asBoolean()).isTrue();

    clock.advance(Duration.ofSeconds(11)); // 26 s: Meta's "100 % but still running"
    JsonNode almost = c.graphJson("/" + run, Map.of());
    assertThat(almost.get("async_status").asText()).isEqualTo("Job Running");
    assertThat(almost.get("async_percent_completion").asInt()).isEqualTo(100);
    assertThat(c.graph("/" + run + "/insights", Map.of()).statusCode()).isEqualTo(400);

    clock.advance(Duration.ofSeconds(5)); // 31 s
    JsonNode done = c.graphJson("/" + run, Map.of());
    assertThat(done.get("async_status").asText()).isEqualTo("Job Completed");
    assertThat(done.get("async_percent_completion").asInt()).isEqualTo(100);
    assertThat(done.get("time_completed").asLong()).isEqualTo(done.get("time_ref").asLong() + 30);

    List<JsonNode> paged = c.insights("/" + run + "/insights", q("limit", "2"));
    assertThat(paged).hasSize(6); // Mon..Sat of the week before Sunday the 9th, one ad
    assertThat(paged).isEqualTo(c.insights("/" + act + "/insights", query));
  }

  @Test
  void aReportRunCanFail() throws Exception {
    c.admin("POST", "/__admin/faults", "{\"match\":{\"pathContains\":\"/insights\"},\"kind\":\"reportFailed\"}");
    // GETs do not consume the fault; the next POST .../insights does
    assertThat(c.graph("/" + act + "/insights", Map.of()).statusCode()).isEqualTo(200);
    String run = c.ok("/" + campaign + "/insights", q("date_preset", "today")).get("report_run_id").asText();
    clock.advance(Duration.ofSeconds(60));
    JsonNode failed = c.graphJson("/" + run, Map.of());
    assertThat(failed.get("async_status").asText()).isEqualTo("Job Failed");
    assertThat(failed.get("async_percent_completion").asInt()).isZero();
    assertThat(SimClient.json(c.graph("/" + run + "/insights", Map.of())).at("/error/code").asInt()).isEqualTo(2601);
    String ok = c.ok("/" + campaign + "/insights", q("date_preset", "today")).get("report_run_id").asText();
    clock.advance(Duration.ofSeconds(30));
    assertThat(c.graphJson("/" + ok, Map.of()).get("async_status").asText()).isEqualTo("Job Completed");
  }

  @Test
  void insightsAndReportRunsSurviveARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    sim.close();
    sim = MetaSimulator.start(0, clock, 42L, dir);
    c = new SimClient(sim);
    act = c.account("EUR");
    campaign = c.campaign(act, "Leads", "OUTCOME_LEADS", null);
    adset = c.adset(act, campaign, "DE leads", "LEAD_GENERATION", 20_000L);
    c.ad(act, adset, "Lead ad");
    clock.advance(Duration.ofDays(2));
    c.status(adset, "PAUSED");
    clock.advance(Duration.ofDays(1));
    String run = c.ok("/" + act + "/insights", q("date_preset", "last_3d", "time_increment", "1")).get("report_run_id").asText();
    List<JsonNode> before = c.insights("/" + act + "/insights", q("date_preset", "last_3d", "time_increment", "1"));
    String token = c.token();
    sim.close();

    sim = MetaSimulator.start(0, clock, 7L, dir); // the saved seed wins, so the numbers stay
    c = new SimClient(sim);
    HttpResponse<String> again = c.get(SimClient.V + "/" + act + "/insights?date_preset=last_3d&time_increment=1&access_token=" + token);
    assertThat(SimClient.json(again).get("data")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(before));
    clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> status = c.get(SimClient.V + "/" + run + "?access_token=" + token);
    assertThat(SimClient.json(status).get("async_status").asText()).isEqualTo("Job Completed");
  }
}
