package com.aigency.local.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aigency.local.clock.LocalClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fourteen simulated days, hour by hour on the local clock, over HTTP: an EUR account with an
 * ad-set-budget leads campaign (an ad paused and resumed, a budget raised mid-day) and a
 * campaign-budget sales campaign (paused for two days), and a JPY traffic campaign whose ad set
 * pauses. Checks the delivery invariants through the Insights endpoints, on three simulators run
 * in lockstep: two with seed 42, one with seed 43.
 */
class InsightsSimulationTest {

  /** Monday 2025-03-03 07:00 UTC: 08:00 in Berlin, 16:00 in Tokyo. */
  private static final Instant START = Instant.parse("2025-03-03T07:00:00Z");

  private static final LocalDate D0 = LocalDate.of(2025, 3, 3);
  private static final double EUR = DeliveryRanges.perUsd("EUR");
  private static final double JPY = DeliveryRanges.perUsd("JPY");

  private final LocalClock clock = new LocalClock(Clock.fixed(START, ZoneOffset.UTC));
  private final List<World> worlds = new ArrayList<>();

  /** One simulator and the ids of what was created in it. */
  private static final class World {
    final MetaSimulator sim;
    final SimClient c;
    String eur;
    String jpy;
    String leads;
    String leadsSet;
    String a1;
    String a2;
    String sales;
    String salesA;
    String salesB;
    String adA;
    String adB;
    String jpSet;
    String jpAd;

    World(MetaSimulator sim) {
      this.sim = sim;
      this.c = new SimClient(sim);
    }

    void build() throws Exception {
      eur = c.account("EUR");
      jpy = c.account("JPY");
      leads = c.campaign(eur, "Leads", "OUTCOME_LEADS", null);
      leadsSet = c.adset(eur, leads, "Leads DE", "LEAD_GENERATION", 5_000L);
      a1 = c.ad(eur, leadsSet, "Lead A1");
      a2 = c.ad(eur, leadsSet, "Lead A2");
      sales = c.campaign(eur, "Sales", "OUTCOME_SALES", 8_000L);
      salesA = c.adset(eur, sales, "Sales A", "OFFSITE_CONVERSIONS", null);
      salesB = c.adset(eur, sales, "Sales B", "OFFSITE_CONVERSIONS", null);
      adA = c.ad(eur, salesA, "Sale A");
      adB = c.ad(eur, salesB, "Sale B");
      String jp = c.campaign(jpy, "JP traffic", "OUTCOME_TRAFFIC", null);
      jpSet = c.adset(jpy, jp, "JP", "LINK_CLICKS", 3_000L);
      jpAd = c.ad(jpy, jpSet, "JP ad");
    }
  }

  @AfterEach
  void stop() {
    worlds.forEach(w -> w.sim.close());
  }

  private static Map<String, String> q(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static double num(JsonNode row, String field) {
    return Double.parseDouble(row.get(field).asText());
  }

  private static long lead(JsonNode row) {
    for (JsonNode a : row.path("actions")) {
      if (a.get("action_type").asText().equals("lead")) {
        return a.get("value").asLong();
      }
    }
    return 0;
  }

  private static double todaySpend(World w, String ad) throws Exception {
    JsonNode data = w.c.graphJson("/" + ad + "/insights", q("date_preset", "today", "fields", "spend")).get("data");
    return data.isEmpty() ? 0 : num(data.get(0), "spend");
  }

  @Test
  void fourteenDaysHourByHour() throws Exception {
    for (long seed : new long[] {42, 42, 43}) {
      World w = new World(MetaSimulator.start(0, clock, seed, null));
      w.build();
      worlds.add(w);
    }
    World w = worlds.get(0);

    Map<String, Long> leadsSeen = new HashMap<>();
    boolean restated = false;
    double a2AtPause = -1;
    double a1AtPause = -1;
    for (int h = 1; h <= 14 * 24; h++) {
      clock.advance(Duration.ofHours(1));
      for (World x : worlds) {
        switch (h) {
          case 30 -> x.c.status(x.jpSet, "PAUSED"); // Tokyo 03-04 22:00
          case 60 -> x.c.status(x.jpSet, "ACTIVE"); // Tokyo 03-06 04:00
          case 74 -> x.c.status(x.a2, "PAUSED"); // Berlin 03-06 10:00
          case 127 -> x.c.status(x.a2, "ACTIVE"); // Berlin 03-08 15:00
          case 173 -> x.c.dailyBudget(x.leadsSet, 9_000); // Berlin 03-10 13:00
          case 216 -> x.c.status(x.sales, "PAUSED"); // Berlin 03-12 08:00
          case 264 -> x.c.status(x.sales, "ACTIVE"); // Berlin 03-14 08:00
          default -> {}
        }
      }
      if (h == 74) {
        a2AtPause = todaySpend(w, w.a2);
        a1AtPause = todaySpend(w, w.a1);
        assertThat(a2AtPause).isPositive();
      }
      if (h == 84) { // ten hours later, same day: the paused ad has not spent a cent more
        assertThat(todaySpend(w, w.a2)).isEqualTo(a2AtPause);
        assertThat(todaySpend(w, w.a1)).isGreaterThan(a1AtPause);
      }
      if (h % 24 == 1) { // every morning at 09:00 in Berlin, re-read every past day's leads
        for (JsonNode row : w.c.insights("/" + w.eur + "/insights",
            q("level", "ad", "time_increment", "1", "date_preset", "maximum", "fields", "ad_id,actions"))) {
          // only days already over: their clicks are final, so any gain is attribution catching up
          if (!LocalDate.parse(row.get("date_start").asText()).isBefore(D0.plusDays(h / 24))) {
            continue;
          }
          String key = row.get("ad_id").asText() + "/" + row.get("date_start").asText();
          Long before = leadsSeen.put(key, lead(row));
          if (before != null) {
            assertThat(lead(row)).as("leads of %s", key).isGreaterThanOrEqualTo(before);
            restated |= lead(row) > before;
          }
        }
      }
    }
    assertThat(restated).as("some past day gained conversions when read later").isTrue();

    String range = "{\"since\":\"2025-03-03\",\"until\":\"2025-03-16\"}";

    // ad-set budget: never above 125 % of the day's budget (50 EUR, 90 EUR from 03-10 13:00)
    Map<String, Double> leadsSpend = new HashMap<>();
    for (JsonNode row : w.c.insights("/" + w.leadsSet + "/insights", q("time_increment", "1", "time_range", range, "fields", "spend"))) {
      LocalDate day = LocalDate.parse(row.get("date_start").asText());
      double budget = day.isBefore(LocalDate.of(2025, 3, 10)) ? 50 : 90;
      double activeShare = day.equals(D0) ? 16 / 24.0 : 1;
      assertThat(num(row, "spend")).as("leads %s", day).isLessThanOrEqualTo(1.25 * budget * activeShare);
      leadsSpend.put(day.toString(), num(row, "spend"));
    }
    assertThat(leadsSpend).hasSize(14);
    assertThat(leadsSpend.get("2025-03-11")).isGreaterThan(60); // the raised budget is spent

    // campaign budget of 80 EUR shared by two ad sets; paused 03-12 08:00 to 03-14 08:00
    Map<String, Double> salesSpend = new HashMap<>();
    for (JsonNode row : w.c.insights("/" + w.eur + "/insights",
        q("level", "campaign", "time_increment", "1", "time_range", range, "fields", "campaign_id,spend",
            "filtering", "[{\"field\":\"campaign.id\",\"operator\":\"EQUAL\",\"value\":\"" + w.sales + "\"}]"))) {
      LocalDate day = LocalDate.parse(row.get("date_start").asText());
      double activeShare = day.equals(D0) ? 16 / 24.0 : day.toString().equals("2025-03-12") ? 8 / 24.0
          : day.toString().equals("2025-03-14") ? 16 / 24.0 : 1;
      assertThat(num(row, "spend")).as("sales %s", day).isLessThanOrEqualTo(1.25 * 80 * activeShare);
      salesSpend.put(day.toString(), num(row, "spend"));
    }
    assertThat(salesSpend).doesNotContainKey("2025-03-13").containsKeys("2025-03-12", "2025-03-14").hasSize(13);

    // the paused ad has no row for the day it was paused throughout
    List<String> a2Days = new ArrayList<>();
    w.c.insights("/" + w.a2 + "/insights", q("time_increment", "1", "time_range", range)).forEach(r -> a2Days.add(r.get("date_start").asText()));
    assertThat(a2Days).contains("2025-03-06", "2025-03-08").doesNotContain("2025-03-07");

    // JPY: whole yen, within 125 % of 3000 yen; nothing on the Tokyo day the ad set was paused
    List<String> jpDays = new ArrayList<>();
    for (JsonNode row : w.c.insights("/" + w.jpSet + "/insights", q("time_increment", "1", "date_preset", "maximum", "fields", "spend,account_currency"))) {
      assertThat(row.get("spend").asText()).matches("\\d+");
      assertThat(row.get("account_currency").asText()).isEqualTo("JPY");
      assertThat(num(row, "spend")).isLessThanOrEqualTo(3_750);
      jpDays.add(row.get("date_start").asText());
    }
    assertThat(jpDays).contains("2025-03-04", "2025-03-06").doesNotContain("2025-03-05");

    // CPM and CTR within the documented ranges (wider CPM ceiling while learning), per ad and day
    Map<String, DeliveryRanges.Range[]> ranges = new HashMap<>();
    for (String ad : List.of(w.a1, w.a2)) {
      ranges.put(ad, new DeliveryRanges.Range[] {DeliveryRanges.cpmUsd("LEAD_GENERATION", "OUTCOME_LEADS").scale(EUR), DeliveryRanges.ctr("OUTCOME_LEADS")});
    }
    for (String ad : List.of(w.adA, w.adB)) {
      ranges.put(ad, new DeliveryRanges.Range[] {DeliveryRanges.cpmUsd("OFFSITE_CONVERSIONS", "OUTCOME_SALES").scale(EUR), DeliveryRanges.ctr("OUTCOME_SALES")});
    }
    ranges.put(w.jpAd, new DeliveryRanges.Range[] {DeliveryRanges.cpmUsd("LINK_CLICKS", "OUTCOME_TRAFFIC").scale(JPY), DeliveryRanges.ctr("OUTCOME_TRAFFIC")});
    List<JsonNode> adDays = new ArrayList<>();
    for (String act : List.of(w.eur, w.jpy)) {
      adDays.addAll(w.c.insights("/" + act + "/insights", q("level", "ad", "time_increment", "1", "date_preset", "maximum",
          "fields", "ad_id,impressions,reach,frequency,spend,clicks,ctr,cpm,cpc")));
    }
    int checked = 0;
    for (JsonNode row : adDays) {
      double impressions = num(row, "impressions");
      if (impressions < 300) {
        continue; // a few hours of delivery: rounding dominates
      }
      DeliveryRanges.Range[] r = ranges.get(row.get("ad_id").asText());
      assertThat(num(row, "cpm")).as("cpm %s", row).isBetween(r[0].lo() * 0.99, r[0].hi() * DeliveryRanges.LEARNING_CPM_CEILING * 1.01);
      double slack = 50 / impressions; // half a click, in percent
      assertThat(num(row, "ctr")).as("ctr %s", row).isBetween(r[1].lo() * 100 - slack, r[1].hi() * 100 + slack);
      checked++;
    }
    assertThat(checked).isGreaterThan(50);

    // reach never above impressions, frequency = impressions / reach, at every level and span
    List<JsonNode> all = new ArrayList<>(adDays);
    for (String level : List.of("account", "campaign", "adset", "ad")) {
      for (String increment : List.of("1", "7", "all_days")) {
        all.addAll(w.c.insights("/" + w.eur + "/insights", q("level", level, "time_increment", increment, "date_preset", "maximum",
            "fields", "impressions,reach,frequency")));
      }
    }
    for (JsonNode row : all) {
      assertThat(num(row, "reach")).as("reach %s", row).isPositive().isLessThanOrEqualTo(num(row, "impressions"));
      assertThat(num(row, "frequency")).isCloseTo(num(row, "impressions") / num(row, "reach"), within(1e-6));
    }
    // frequency rises with time: the whole run's frequency beats a single day's
    JsonNode total = w.c.graphJson("/" + w.a1 + "/insights", q("date_preset", "maximum", "fields", "frequency")).at("/data/0");
    JsonNode firstDay = w.c.graphJson("/" + w.a1 + "/insights", q("time_range", "{\"since\":\"2025-03-04\",\"until\":\"2025-03-04\"}", "fields", "frequency")).at("/data/0");
    assertThat(num(total, "frequency")).isGreaterThan(num(firstDay, "frequency") + 1);

    // determinism: same seed, same objects, same clock history => the very same JSON
    Map<String, String> report = q("level", "ad", "time_increment", "1", "date_preset", "maximum",
        "fields", "ad_id,impressions,reach,frequency,spend,clicks,ctr,cpm,actions,action_values,cost_per_action_type,purchase_roas",
        "limit", "500");
    String one = worlds.get(0).c.graph("/" + worlds.get(0).eur + "/insights", report).body();
    String two = worlds.get(1).c.graph("/" + worlds.get(1).eur + "/insights", report).body();
    String other = worlds.get(2).c.graph("/" + worlds.get(2).eur + "/insights", report).body();
    assertThat(two).isEqualTo(one);
    List<String> spendOne = SimClient.json(worlds.get(0).c.graph("/" + worlds.get(0).eur + "/insights", report)).get("data").findValuesAsText("spend");
    List<String> spendOther = SimClient.json(worlds.get(2).c.graph("/" + worlds.get(2).eur + "/insights", report)).get("data").findValuesAsText("spend");
    assertThat(other).isNotEqualTo(one);
    assertThat(spendOther).isNotEqualTo(spendOne);
  }
}
