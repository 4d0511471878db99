package com.aigency.local.metaclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aigency.shared.json.Json;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.AdAccount;
import com.aigency.shared.meta.AdSetSpec;
import com.aigency.shared.meta.AdSpec;
import com.aigency.shared.meta.CampaignSpec;
import com.aigency.shared.meta.CreativeSpec;
import com.aigency.shared.meta.InsightsQuery;
import com.aigency.shared.meta.InsightsQuery.Execution;
import com.aigency.shared.meta.InsightsQuery.Level;
import com.aigency.shared.meta.InsightsRow;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaErrorKind;
import com.aigency.shared.meta.MetaInsights;
import com.aigency.shared.meta.MetaRetryPolicy;
import com.aigency.shared.meta.MetaStatus;
import com.aigency.shared.meta.Money;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Insights, sync and as async report runs, with the real client against the simulator. */
class MetaInsightsOverHttpTest {
  MetaHarness h;
  AccessToken token;

  @AfterEach
  void stop() {
    if (h != null) {
      try {
        h.assertNoSecretLeaked();
      } finally {
        h.close();
      }
    }
  }

  /** What a deployment step creates: one active campaign, ad set and ad per account. */
  record Delivering(AdAccount account, String campaignId, String adSetId, String adId) {}

  Delivering deliver(MetaHarness harness, String currency, Money dailyBudget) throws Exception {
    h = harness;
    token = h.connect();
    AdAccount account =
        h.oauth.adAccounts(token).stream().filter(a -> a.currency().equals(currency)).findFirst().orElseThrow();
    String campaignId =
        h.ads.createCampaign(token, account.id(), new CampaignSpec("aig-i-campaign", "OUTCOME_TRAFFIC", MetaStatus.ACTIVE, List.of(), null));
    ObjectNode targeting = Json.MAPPER.createObjectNode();
    targeting.putObject("geo_locations").putArray("countries").add("DE");
    String adSetId =
        h.ads.createAdSet(token, account.id(), new AdSetSpec(campaignId, "aig-i-adset", dailyBudget, "IMPRESSIONS",
            "LINK_CLICKS", targeting, MetaStatus.ACTIVE, null));
    ObjectNode story = Json.MAPPER.createObjectNode().put("page_id", "1234567890");
    story.putObject("link_data").put("link", "https://shop.example.com").put("message", "Hi");
    String creativeId = h.ads.createCreative(token, account.id(), new CreativeSpec("aig-i-creative", story));
    String adId = h.ads.createAd(token, account.id(), new AdSpec("aig-i-ad", adSetId, creativeId, MetaStatus.ACTIVE));
    h.clock.advance(Duration.ofDays(45));
    return new Delivering(account, campaignId, adSetId, adId);
  }

  LocalDate today(AdAccount account) {
    return LocalDate.ofInstant(h.clock.instant(), ZoneId.of(account.timezoneName()));
  }

  @Test
  void syncInsightsMapMetasRowsWithExactSpend() throws Exception {
    Delivering d = deliver(new MetaHarness(), "EUR", Money.parseMajor("20", "EUR"));
    LocalDate until = today(d.account()).minusDays(1);
    LocalDate since = until.minusDays(6);
    InsightsQuery week =
        InsightsQuery.between(Level.CAMPAIGN, since, until).withAttributionWindows(List.of("7d_click", "1d_view"));

    List<InsightsRow> total = h.insights.insights(token, d.account().id(), week);

    assertThat(week.runsAsync()).isFalse();
    assertThat(total).singleElement().satisfies(r -> {
      assertThat(r.campaignId()).isEqualTo(d.campaignId());
      assertThat(r.accountId()).isEqualTo(d.account().accountId());
      assertThat(r.dateStart()).isEqualTo(since);
      assertThat(r.dateStop()).isEqualTo(until);
      assertThat(r.spend().currency()).isEqualTo("EUR");
      assertThat(r.spend().minorUnits()).isPositive();
      // Meta paces up to 7 x the daily budget per week
      assertThat(r.spend().minorUnits()).isLessThanOrEqualTo(7 * 2000);
      assertThat(r.impressions()).isPositive();
      assertThat(r.reach()).isPositive().isLessThanOrEqualTo(r.impressions());
      assertThat(r.clicks()).isLessThanOrEqualTo(r.impressions());
      assertThat(r.frequency()).isNotNull();
      assertThat(r.cpm()).isNotNull();
      assertThat(r.ctr()).isNotNull();
      assertThat(r.raw().path("spend").asText()).matches("\\d+(\\.\\d{1,2})?");
      assertThat(Money.parseMajor(r.raw().path("spend").asText(), "EUR")).isEqualTo(r.spend());
    });

    // daily rows add up to the total, to the cent
    List<InsightsRow> daily = h.insights.insights(token, d.account().id(), week.daily());
    assertThat(daily).hasSize(7);
    assertThat(daily).extracting(InsightsRow::dateStart).doesNotHaveDuplicates();
    assertThat(daily).allSatisfy(r -> assertThat(r.dateStart()).isEqualTo(r.dateStop()));
    assertThat(daily.stream().mapToLong(r -> r.spend().minorUnits()).sum()).isEqualTo(total.get(0).spend().minorUnits());
    assertThat(daily.stream().mapToLong(InsightsRow::impressions).sum()).isEqualTo(total.get(0).impressions());

    // the same rows, page by page
    Map<String, String> params = new java.util.LinkedHashMap<>(week.daily().params());
    params.put("limit", "2");
    assertThat(h.graph.getAllPages(token, "/" + d.account().id() + "/insights", params)).hasSize(7);

    // an ad's own insights
    List<InsightsRow> ad = h.insights.insights(token, d.adId(), InsightsQuery.between(Level.AD, since, until));
    assertThat(ad).singleElement().satisfies(r -> {
      assertThat(r.adId()).isEqualTo(d.adId());
      assertThat(r.adSetId()).isEqualTo(d.adSetId());
      assertThat(r.spend()).isEqualTo(total.get(0).spend());
    });
    assertThat(h.sleeps).isEmpty();
  }

  @Test
  void jpySpendIsWholeYen() throws Exception {
    Delivering d = deliver(new MetaHarness(), "JPY", Money.parseMajor("3000", "JPY"));
    LocalDate until = today(d.account()).minusDays(1);

    List<InsightsRow> rows =
        h.insights.insights(token, d.account().id(), InsightsQuery.between(Level.ACCOUNT, until.minusDays(2), until).daily());

    assertThat(rows).hasSize(3).allSatisfy(r -> {
      assertThat(r.spend().currency()).isEqualTo("JPY");
      assertThat(r.raw().path("spend").asText()).matches("\\d+");
      assertThat(r.spend().minorUnits()).isEqualTo(Long.parseLong(r.raw().path("spend").asText()));
    });
    assertThat(rows.stream().mapToLong(r -> r.spend().minorUnits()).sum()).isPositive();
  }

  @Test
  void aLongAdLevelQueryRunsAsAnAsyncReportPolledOnTheClock() throws Exception {
    Delivering d = deliver(new MetaHarness(), "EUR", Money.parseMajor("15", "EUR"));
    LocalDate until = today(d.account()).minusDays(1);
    InsightsQuery longRange = InsightsQuery.between(Level.AD, until.minusDays(39), until).daily();
    assertThat(longRange.runsAsync()).isTrue();

    List<InsightsRow> rows = h.insights.insights(token, d.account().id(), longRange);

    // Meta's job took 30 s on the simulator clock, polled every 5 s, no real sleeping
    assertThat(h.sleeps).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo(Duration.ofSeconds(5)));
    Duration waited = h.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(waited).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(35));
    assertThat(rows).isNotEmpty().allSatisfy(r -> {
      assertThat(r.adId()).isEqualTo(d.adId());
      assertThat(r.dateStart()).isEqualTo(r.dateStop());
    });
    assertThat(h.logs.toString()).contains("Meta POST /" + d.account().id() + "/insights -> 200", "/insights -> 200", "Insights report run");

    // the same rows as a synchronous read of the same complete days
    List<InsightsRow> sync = h.insights.insights(token, d.account().id(), longRange.withExecution(Execution.SYNC));
    assertThat(byDay(rows)).isEqualTo(byDay(sync));
  }

  @Test
  void theAsyncStepsArePublicForAStateMachine() throws Exception {
    Delivering d = deliver(new MetaHarness(), "EUR", Money.parseMajor("15", "EUR"));
    InsightsQuery q = InsightsQuery.preset(Level.CAMPAIGN, "last_7d");

    String runId = h.insights.startReport(token, d.account().id(), q);
    MetaInsights.ReportRun first = h.insights.reportStatus(token, runId);
    assertThat(first.isCompleted()).isFalse();
    assertThat(first.asyncStatus()).isIn("Job Not Started", "Job Started");

    h.clock.advance(Duration.ofSeconds(31));
    MetaInsights.ReportRun done = h.insights.reportStatus(token, runId);
    assertThat(done.isCompleted()).isTrue();
    assertThat(done.percentCompletion()).isEqualTo(100);
    assertThat(h.insights.reportRows(token, runId, d.account().id(), q))
        .singleElement()
        .satisfies(r -> assertThat(r.campaignId()).isEqualTo(d.campaignId()));
  }

  @Test
  void aFailedJobIsAClearError() throws Exception {
    Delivering d = deliver(new MetaHarness(), "EUR", Money.parseMajor("15", "EUR"));
    h.fault("{\"kind\":\"reportFailed\",\"match\":{\"pathContains\":\"/insights\"}}");

    MetaApiException failure =
        h.record(catchThrowableOfType(MetaApiException.class,
            () -> h.insights.insights(token, d.account().id(), InsightsQuery.preset(Level.AD, "last_7d").withExecution(Execution.ASYNC))));

    assertThat(failure.kind()).isEqualTo(MetaErrorKind.UNKNOWN);
    assertThat(failure.errorName()).isEqualTo("Meta.Failed");
    assertThat(failure.getMessage()).contains("Job Failed", "report run");
    assertThat(h.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aJobThatOutlastsTheBoundIsATransientTimeout() throws Exception {
    Delivering d =
        deliver(new MetaHarness(MetaRetryPolicy.DEFAULT.withAsync(Duration.ofSeconds(4), Duration.ofSeconds(20))), "EUR",
            Money.parseMajor("15", "EUR"));

    MetaApiException timeout =
        h.record(catchThrowableOfType(MetaApiException.class,
            () -> h.insights.insights(token, d.account().id(), InsightsQuery.preset(Level.AD, "last_7d").withExecution(Execution.ASYNC))));

    assertThat(timeout.kind()).isEqualTo(MetaErrorKind.TRANSIENT);
    assertThat(timeout.getMessage()).contains("not complete after PT20S", "Job Running");
    assertThat(h.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void anInvalidFieldIsInvalidParameter() throws Exception {
    Delivering d = deliver(new MetaHarness(), "EUR", Money.parseMajor("15", "EUR"));
    MetaApiException failure =
        h.record(catchThrowableOfType(MetaApiException.class,
            () -> h.insights.insights(token, d.account().id(), InsightsQuery.preset(Level.AD, "last_7d").withFields(List.of("spend", "bogus_metric")))));
    assertThat(failure.kind()).isEqualTo(MetaErrorKind.INVALID_PARAMETER);
    assertThat(failure.field()).contains("bogus_metric");
  }

  private static Map<LocalDate, List<Long>> byDay(List<InsightsRow> rows) {
    return rows.stream()
        .collect(Collectors.toMap(InsightsRow::dateStart, r -> List.of(r.spend().minorUnits(), r.impressions(), r.clicks())));
  }
}
