package com.aigency.local.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aigency.local.meta.DeliveryModel.Ad;
import com.aigency.local.meta.DeliveryModel.AdDay;
import com.aigency.local.meta.DeliveryModel.AdSet;
import com.aigency.local.meta.DeliveryModel.BudgetChange;
import com.aigency.local.meta.DeliveryModel.Campaign;
import com.aigency.local.meta.DeliveryModel.StatusChange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The delivery model without HTTP: budgets, pauses, learning, reach, attribution, determinism. */
class DeliveryModelTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Monday 2025-03-03 in Berlin; the 28-day runs cross the switch to summer time. */
  private static final LocalDate DAY0 = LocalDate.of(2025, 3, 3);

  private static long at(int day, int hour) {
    return DAY0.plusDays(day).atTime(hour, 0).atZone(BERLIN).toEpochSecond();
  }

  private static List<StatusChange> active(long from) {
    return List.of(new StatusChange(from, "ACTIVE"));
  }

  private static Instant now(int day, int hour) {
    return Instant.ofEpochSecond(at(day, hour));
  }

  /** One ad-set-budget campaign with {@code ads} ads, everything active from day 0 09:00. */
  private static DeliveryModel.Result abo(long seed, String objective, String goal, long dailyBudget, int ads, Instant now) {
    long t = at(0, 9);
    Campaign c = new Campaign("c1", objective, active(t), List.of());
    AdSet s = new AdSet("s1", "c1", goal, active(t), List.of(new BudgetChange(t, dailyBudget, 0)), t, Long.MAX_VALUE);
    List<Ad> list = new ArrayList<>();
    for (int i = 0; i < ads; i++) {
      list.add(new Ad("a" + i, "s1", "c1", active(t)));
    }
    return new DeliveryModel(seed, "EUR", BERLIN).simulate(List.of(c), List.of(s), list, now);
  }

  private static Map<LocalDate, Long> spendByDay(List<AdDay> days) {
    return days.stream().collect(Collectors.groupingBy(AdDay::day, TreeMap::new, Collectors.summingLong(AdDay::spend)));
  }

  @Test
  void spendStaysWithin125PercentOfTheDailyBudgetAndSevenTimesPerWeek() {
    for (long seed = 1; seed <= 20; seed++) {
      DeliveryModel.Result r = abo(seed, "OUTCOME_TRAFFIC", "LINK_CLICKS", 5_000, 3, now(28, 0));
      Map<LocalDate, Long> byDay = spendByDay(r.days());
      assertThat(byDay).hasSize(28);
      long theSeed = seed;
      byDay.forEach((day, spend) -> assertThat(spend).as("seed %s day %s", theSeed, day).isLessThanOrEqualTo(6_250));
      // day 0 started at 09:00: 15 of 24 hours of budget
      assertThat(byDay.get(LocalDate.of(2025, 3, 3))).isLessThanOrEqualTo(Math.round(5_000 * 15 / 24.0 * 1.25));
      // calendar weeks (Sunday to Saturday) never above 7x the daily budget
      Map<LocalDate, Long> byWeek = new TreeMap<>();
      byDay.forEach((d, s) -> byWeek.merge(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)), s, Long::sum));
      byWeek.values().forEach(w -> assertThat(w).isLessThanOrEqualTo(7 * 5_000));
      // and it does spend: over the full days, close to the budget on average
      long fullDays = byDay.values().stream().skip(1).mapToLong(Long::longValue).sum();
      assertThat(fullDays).isBetween(Math.round(27 * 5_000 * 0.85), 27 * 5_000L + 5_000);
    }
  }

  @Test
  void campaignBudgetIsSharedAcrossAdSetsAndPausingStopsDelivery() {
    long t = at(0, 0);
    Campaign c = new Campaign("c1", "OUTCOME_SALES", active(t), List.of(new BudgetChange(t, 10_000, 0)));
    AdSet s1 = new AdSet("s1", "c1", "OFFSITE_CONVERSIONS", active(t), List.of(), t, Long.MAX_VALUE);
    AdSet s2 = new AdSet("s2", "c1", "OFFSITE_CONVERSIONS", active(t), List.of(), t, Long.MAX_VALUE);
    // a2 is paused on day 2 at 12:00 and resumed on day 4 at 12:00
    Ad a1 = new Ad("a1", "s1", "c1", active(t));
    Ad a2 = new Ad("a2", "s2", "c1",
        List.of(new StatusChange(t, "ACTIVE"), new StatusChange(at(2, 12), "PAUSED"), new StatusChange(at(4, 12), "ACTIVE")));
    DeliveryModel.Result r = new DeliveryModel(7, "EUR", BERLIN).simulate(List.of(c), List.of(s1, s2), List.of(a1, a2), now(7, 0));
    Map<LocalDate, Long> byDay = spendByDay(r.days());
    byDay.values().forEach(v -> assertThat(v).isLessThanOrEqualTo(12_500));
    List<LocalDate> a2Days = r.days().stream().filter(d -> d.adId().equals("a2")).map(AdDay::day).toList();
    assertThat(a2Days).doesNotContain(LocalDate.of(2025, 3, 6)); // day 3: paused all day
    assertThat(a2Days).contains(LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 7));
    // while a2 is paused its ad set has no active ad: the whole campaign budget goes to s1
    long a1Day3 = r.days().stream().filter(d -> d.adId().equals("a1") && d.day().equals(LocalDate.of(2025, 3, 6))).findFirst().orElseThrow().spend();
    assertThat(a1Day3).isGreaterThan(7_000);
  }

  @Test
  void aPauseFreezesTodaysSpendAndPastDaysNeverChange() {
    long t = at(0, 0);
    Campaign c = new Campaign("c1", "OUTCOME_LEADS", active(t), List.of());
    AdSet s = new AdSet("s1", "c1", "LEAD_GENERATION", active(t), List.of(new BudgetChange(t, 8_000, 0)), t, Long.MAX_VALUE);
    Ad a = new Ad("a1", "s1", "c1", List.of(new StatusChange(t, "ACTIVE"), new StatusChange(at(3, 10), "PAUSED")));
    DeliveryModel m = new DeliveryModel(3, "EUR", BERLIN);
    long at10 = spendByDay(m.simulate(List.of(c), List.of(s), List.of(a), now(3, 10)).days()).get(LocalDate.of(2025, 3, 6));
    long at18 = spendByDay(m.simulate(List.of(c), List.of(s), List.of(a), now(3, 18)).days()).get(LocalDate.of(2025, 3, 6));
    assertThat(at18).isEqualTo(at10).isPositive();

    List<AdDay> early = m.simulate(List.of(c), List.of(s), List.of(a), now(3, 0)).days();
    List<AdDay> late = m.simulate(List.of(c), List.of(s), List.of(a), now(20, 0)).days();
    for (AdDay d : early) {
      AdDay same = late.stream().filter(x -> x.day().equals(d.day())).findFirst().orElseThrow();
      assertThat(List.of(same.spend(), same.impressions(), same.reach(), same.clicks(), same.linkClicks()))
          .isEqualTo(List.of(d.spend(), d.impressions(), d.reach(), d.clicks(), d.linkClicks()));
      assertThat(same.conversions("default")).isGreaterThanOrEqualTo(d.conversions("default"));
    }
  }

  @Test
  void whatADayHasSpentOnlyGrowsAsTheClockMoves() {
    for (long seed = 1; seed <= 5; seed++) {
      Map<String, long[]> seen = new java.util.HashMap<>();
      for (int h = 10; h <= 9 * 24; h++) {
        DeliveryModel.Result r = abo(seed, "OUTCOME_LEADS", "LEAD_GENERATION", 7_000, 3, Instant.ofEpochSecond(at(0, 0) + h * 3_600L));
        for (AdDay d : r.days()) {
          long[] before = seen.put(d.adId() + d.day(), new long[] {d.spend(), d.impressions(), d.clicks(), d.conversions("default")});
          if (before != null) {
            assertThat(d.spend()).isGreaterThanOrEqualTo(before[0]);
            assertThat(d.impressions()).isGreaterThanOrEqualTo(before[1]);
            assertThat(d.clicks()).isGreaterThanOrEqualTo(before[2]);
            assertThat(d.conversions("default")).isGreaterThanOrEqualTo(before[3]);
          }
        }
      }
    }
  }

  @Test
  void budgetChangesApplyFromTheMomentTheyAreMade() {
    long t = at(0, 0);
    Campaign c = new Campaign("c1", "OUTCOME_TRAFFIC", active(t), List.of());
    AdSet s = new AdSet("s1", "c1", "LINK_CLICKS", active(t),
        List.of(new BudgetChange(t, 4_000, 0), new BudgetChange(at(2, 12), 12_000, 0)), t, Long.MAX_VALUE);
    Ad a = new Ad("a1", "s1", "c1", active(t));
    Map<LocalDate, Long> byDay = spendByDay(new DeliveryModel(11, "EUR", BERLIN).simulate(List.of(c), List.of(s), List.of(a), now(4, 0)).days());
    assertThat(byDay.get(LocalDate.of(2025, 3, 4))).isLessThanOrEqualTo(5_000);
    // half a day at 40 EUR and half at 120 EUR: at most 1.25 x 80 EUR
    assertThat(byDay.get(LocalDate.of(2025, 3, 5))).isLessThanOrEqualTo(10_000).isGreaterThan(5_000);
    assertThat(byDay.get(LocalDate.of(2025, 3, 6))).isGreaterThan(9_000);
  }

  @Test
  void ratesStayInTheirRangesAndReachIsConsistent() {
    DeliveryModel.Result r = abo(5, "OUTCOME_TRAFFIC", "LINK_CLICKS", 20_000, 2, now(14, 0));
    DeliveryRanges.Range cpm = DeliveryRanges.cpmUsd("LINK_CLICKS", "OUTCOME_TRAFFIC").scale(0.92);
    DeliveryRanges.Range ctr = DeliveryRanges.ctr("OUTCOME_TRAFFIC");
    Map<String, List<AdDay>> byAd = r.days().stream().collect(Collectors.groupingBy(AdDay::adId));
    for (List<AdDay> days : byAd.values()) {
      for (AdDay d : days) {
        double cpmEur = d.spend() / 100.0 / d.impressions() * 1000;
        assertThat(cpmEur).isBetween(cpm.lo() * 0.99, cpm.hi() * DeliveryRanges.LEARNING_CPM_CEILING * 1.01);
        assertThat((double) d.clicks() / d.impressions()).isBetween(ctr.lo() - 0.001, ctr.hi() + 0.001);
        assertThat(d.reach()).isPositive().isLessThanOrEqualTo(d.impressions());
      }
      // frequency grows by 0.03 per earlier delivery day
      double first = (double) days.get(0).impressions() / days.get(0).reach();
      double last = (double) days.get(days.size() - 1).impressions() / days.get(days.size() - 1).reach();
      assertThat(first).isBetween(0.99, 1.31);
      assertThat(last - first).isCloseTo(0.03 * (days.size() - 1), within(0.02));
    }
  }

  @Test
  void learningEndsWithFiftyEventsOrFailsAfterSevenDays() {
    DeliveryModel.Result traffic = abo(1, "OUTCOME_TRAFFIC", "LINK_CLICKS", 10_000, 1, now(10, 0));
    assertThat(traffic.learning().get("s1").status()).isEqualTo("SUCCESS");
    assertThat(traffic.learning().get("s1").events()).isGreaterThanOrEqualTo(50);

    DeliveryModel.Result smallSales = abo(1, "OUTCOME_SALES", "OFFSITE_CONVERSIONS", 1_000, 1, now(6, 0));
    assertThat(smallSales.learning().get("s1").status()).isEqualTo("LEARNING");
    DeliveryModel.Result later = abo(1, "OUTCOME_SALES", "OFFSITE_CONVERSIONS", 1_000, 1, now(8, 0));
    assertThat(later.learning().get("s1").status()).isEqualTo("FAIL");

    // CPM is higher while learning: same ad set and day, learning vs not
    DeliveryModel m = new DeliveryModel(9, "EUR", BERLIN);
    AdSet s = new AdSet("s9", "c", "LINK_CLICKS", List.of(), List.of(), 0, Long.MAX_VALUE);
    double learningSum = 0;
    double steadySum = 0;
    for (int d = 0; d < 30; d++) {
      learningSum += m.cpmUsd(s, "OUTCOME_TRAFFIC", LocalDate.of(2025, 3, 3).plusDays(d), true);
      steadySum += m.cpmUsd(s, "OUTCOME_TRAFFIC", LocalDate.of(2025, 3, 3).plusDays(d), false);
    }
    assertThat(learningSum).isGreaterThan(steadySum * 1.1);
  }

  @Test
  void conversionsOfAPastDayAreRestatedUpwardsOverTheAttributionWindow() {
    long t = at(0, 0);
    Campaign c = new Campaign("c1", "OUTCOME_LEADS", active(t), List.of());
    AdSet s = new AdSet("s1", "c1", "LEAD_GENERATION", active(t), List.of(new BudgetChange(t, 30_000, 0)), t, Long.MAX_VALUE);
    Ad a = new Ad("a1", "s1", "c1", active(t));
    DeliveryModel m = new DeliveryModel(21, "EUR", BERLIN);
    long previous = -1;
    List<Long> seen = new ArrayList<>();
    for (int day = 1; day <= 10; day++) {
      AdDay d0 = m.simulate(List.of(c), List.of(s), List.of(a), now(day, 1)).days().get(0);
      long n = d0.conversions("default");
      assertThat(n).isGreaterThanOrEqualTo(previous);
      assertThat(d0.conversions("1d_click")).isLessThanOrEqualTo(d0.conversions("7d_click"));
      assertThat(d0.conversions("7d_click")).isLessThanOrEqualTo(d0.conversions("28d_click"));
      previous = n;
      seen.add(n);
    }
    assertThat(seen.get(seen.size() - 1)).isGreaterThan(seen.get(0));
  }

  @Test
  void sameSeedSameNumbersOtherSeedOtherNumbers() {
    DeliveryModel.Result a = abo(42, "OUTCOME_SALES", "OFFSITE_CONVERSIONS", 5_000, 3, now(9, 15));
    DeliveryModel.Result b = abo(42, "OUTCOME_SALES", "OFFSITE_CONVERSIONS", 5_000, 3, now(9, 15));
    DeliveryModel.Result other = abo(43, "OUTCOME_SALES", "OFFSITE_CONVERSIONS", 5_000, 3, now(9, 15));
    assertThat(a).isEqualTo(b);
    assertThat(other.days()).isNotEqualTo(a.days());
  }

  @Test
  void yenAmountsArePlausible() {
    long t = at(0, 0);
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    Campaign c = new Campaign("c1", "OUTCOME_TRAFFIC", active(t), List.of());
    AdSet s = new AdSet("s1", "c1", "LINK_CLICKS", active(t), List.of(new BudgetChange(t, 3_000, 0)), t, Long.MAX_VALUE);
    List<AdDay> days = new DeliveryModel(1, "JPY", tokyo).simulate(List.of(c), List.of(s), List.of(new Ad("a1", "s1", "c1", active(t))), now(5, 0)).days();
    for (AdDay d : days.subList(1, days.size())) {
      assertThat(d.spend()).isLessThanOrEqualTo(3_750); // yen, no minor units
      double cpmYen = d.spend() * 1000.0 / d.impressions();
      assertThat(cpmYen).isBetween(5 * 150 * 0.99, 12 * 150 * 1.5 * 1.01);
    }
  }

  @Test
  void reachOfSeveralCellsIsTheLargestPlusAShareOfTheRest() {
    assertThat(DeliveryModel.combineReach(List.of(100L, 50L, 50L), 0.35)).isEqualTo(135);
    assertThat(DeliveryModel.combineReach(List.of(7L), 0.35)).isEqualTo(7);
    assertThat(DeliveryModel.combineReach(List.of(), 0.35)).isZero();
    assertThat(Attribution.clickShare(0)).isCloseTo(0.50, within(1e-9));
    assertThat(Attribution.clickShare(1)).isCloseTo(0.65, within(1e-9));
    assertThat(Attribution.clickShare(27)).isCloseTo(1.0, within(1e-9));
    assertThat(Attribution.visible("1d_view", 10, 5)).isCloseTo(2.0, within(1e-9));
    assertThat(Attribution.visible("7d_view", 10, 5)).isNegative();
  }
}
