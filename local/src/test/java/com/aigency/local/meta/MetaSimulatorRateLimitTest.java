package com.aigency.local.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.clock.LocalClock;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time-window rate limits ({@code blockSeconds}) and the usage headers of every throttling code. */
class MetaSimulatorRateLimitTest {

  private LocalClock clock;
  private MetaSimulator sim;
  private SimClient c;

  @BeforeEach
  void start() throws Exception {
    clock = new LocalClock(Clock.fixed(Instant.parse("2025-03-03T08:00:00Z"), ZoneOffset.UTC));
    sim = MetaSimulator.start(0, clock, 42L, null);
    c = new SimClient(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static JsonNode usage(HttpResponse<String> r, String header) throws Exception {
    return Json.MAPPER.readTree(r.headers().firstValue(header).orElseThrow(() -> new AssertionError("no " + header)));
  }

  @Test
  void blockRefusesEveryMatchingCallUntilTheClockReachesItsEnd() throws Exception {
    String act = c.account("EUR");
    String accountId = act.substring(4);
    assertThat(c.admin("POST", "/__admin/faults",
        "{\"match\":{\"pathContains\":\"/campaigns\"},\"kind\":\"rateLimit\",\"code\":80004,\"blockSeconds\":150,\"times\":1}")
        .statusCode()).isEqualTo(200);

    // the block starts with the first matching call, not when the fault is added
    clock.advance(Duration.ofMinutes(10));
    HttpResponse<String> first = c.graph("/" + act + "/campaigns", Map.of());
    assertThat(first.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(first).at("/error/code").asInt()).isEqualTo(80004);
    assertThat(SimClient.json(first).at("/error/is_transient").asBoolean()).isTrue();
    JsonNode entry = usage(first, "X-Business-Use-Case-Usage").get(accountId).get(0);
    assertThat(entry.get("estimated_time_to_regain_access").asInt()).isEqualTo(3); // 150 s -> 3 min
    assertThat(entry.get("type").asText()).isEqualTo("ads_management");

    // times is ignored: still refused many calls later; the estimate counts down in whole minutes
    for (int i = 0; i < 5; i++) {
      assertThat(c.graph("/" + act + "/campaigns", Map.of()).statusCode()).isEqualTo(400);
    }
    clock.advance(Duration.ofSeconds(40)); // 110 s left
    HttpResponse<String> mid = c.graph("/" + act + "/campaigns", Map.of());
    assertThat(usage(mid, "X-Business-Use-Case-Usage").get(accountId).get(0).get("estimated_time_to_regain_access").asInt())
        .isEqualTo(2);
    clock.advance(Duration.ofSeconds(109)); // 1 s left
    HttpResponse<String> last = c.graph("/" + act + "/campaigns", Map.of());
    assertThat(last.statusCode()).isEqualTo(400);
    assertThat(usage(last, "X-Business-Use-Case-Usage").get(accountId).get(0).get("estimated_time_to_regain_access").asInt())
        .isEqualTo(1);

    // calls that do not match are not throttled
    assertThat(c.graph("/me", Map.of()).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(1)); // the window is over: the fault is gone
    assertThat(c.graph("/" + act + "/campaigns", Map.of()).statusCode()).isEqualTo(200);
    assertThat(SimClient.json(c.admin("GET", "/__admin/state", null)).get("faults").asInt()).isZero();
  }

  @Test
  void adAccountLevelLimitsCarryAdAccountUsageWithResetSeconds() throws Exception {
    String act = c.account("EUR");
    c.admin("POST", "/__admin/faults", "{\"match\":{\"method\":\"GET\"},\"kind\":\"rateLimit\",\"code\":17,\"blockSeconds\":300}");
    HttpResponse<String> r = c.graph("/" + act + "/adsets", Map.of());
    JsonNode e = SimClient.json(r).get("error");
    assertThat(e.get("code").asInt()).isEqualTo(17);
    assertThat(e.get("error_subcode").asInt()).isEqualTo(2446079);
    assertThat(e.get("message").asText()).isEqualTo("(#17) User request limit reached");
    JsonNode account = usage(r, "X-Ad-Account-Usage");
    assertThat(account.get("acc_id_util_pct").asInt()).isEqualTo(100);
    assertThat(account.get("reset_time_duration").asInt()).isEqualTo(300);
    assertThat(account.get("ads_api_access_tier").asText()).isEqualTo("development_access");
    clock.advance(Duration.ofSeconds(120));
    HttpResponse<String> later = c.graph("/" + act + "/adsets", Map.of());
    assertThat(usage(later, "X-Ad-Account-Usage").get("reset_time_duration").asInt()).isEqualTo(180);
    assertThat(usage(later, "X-Business-Use-Case-Usage").get(act.substring(4)).get(0)
        .get("estimated_time_to_regain_access").asInt()).isEqualTo(3);
    clock.advance(Duration.ofSeconds(180));
    assertThat(c.graph("/" + act + "/adsets", Map.of()).statusCode()).isEqualTo(200);

    c.admin("POST", "/__admin/faults", "{\"kind\":\"rateLimit\",\"code\":613,\"seconds\":45}");
    HttpResponse<String> six13 = c.graph("/" + act + "/ads", Map.of());
    assertThat(SimClient.json(six13).at("/error/code").asInt()).isEqualTo(613);
    assertThat(SimClient.json(six13).at("/error/error_subcode").asInt()).isEqualTo(1487742);
    assertThat(usage(six13, "X-Ad-Account-Usage").get("reset_time_duration").asInt()).isEqualTo(45);
    assertThat(c.graph("/" + act + "/ads", Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void appLevelLimitCarriesAppUsageAndCountFaultsReportWholeMinutes() throws Exception {
    c.token(); // these faults match every call, the OAuth dialog included
    c.admin("POST", "/__admin/faults", "{\"kind\":\"rateLimit\",\"code\":4,\"seconds\":61,\"times\":1}");
    HttpResponse<String> r = c.graph("/me", Map.of());
    assertThat(SimClient.json(r).at("/error/code").asInt()).isEqualTo(4);
    assertThat(SimClient.json(r).at("/error/message").asText()).isEqualTo("(#4) Application request limit reached");
    assertThat(usage(r, "X-App-Usage").get("call_count").asInt()).isEqualTo(100);
    assertThat(r.headers().firstValue("X-Ad-Account-Usage")).isEmpty();
    JsonNode buc = usage(r, "X-Business-Use-Case-Usage");
    assertThat(buc.elements().next().get(0).get("estimated_time_to_regain_access").asInt()).isEqualTo(2);
    assertThat(c.graph("/me", Map.of()).statusCode()).isEqualTo(200);

    c.admin("POST", "/__admin/faults", "{\"kind\":\"rateLimit\",\"code\":80000,\"seconds\":60}");
    HttpResponse<String> insights = c.graph("/me", Map.of());
    JsonNode entry = usage(insights, "X-Business-Use-Case-Usage").elements().next().get(0);
    assertThat(entry.get("type").asText()).isEqualTo("ads_insights");
    assertThat(entry.get("estimated_time_to_regain_access").asInt()).isEqualTo(1);
  }

  @Test
  void badBlockFaultsAreRefused() throws Exception {
    assertThat(c.admin("POST", "/__admin/faults", "{\"kind\":\"rateLimit\",\"blockSeconds\":0}").statusCode()).isEqualTo(400);
    assertThat(c.admin("POST", "/__admin/faults", "{\"kind\":\"serverError\",\"blockSeconds\":10}").statusCode()).isEqualTo(400);
  }
}
