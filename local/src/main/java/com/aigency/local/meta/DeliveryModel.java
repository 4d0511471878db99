package com.aigency.local.meta;

import com.aigency.local.meta.DeliveryRanges.Range;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A seeded model of ad delivery on the local clock: per ad and per day of the ad account's
 * calendar, spend, impressions, reach, clicks and conversions, from the objects' status and
 * budget histories. Pure: no HTTP, no state between calls. Every draw comes from {@link Seeded}
 * keyed by seed, object id and day, so the same seed, objects and clock history always give the
 * same numbers, whatever was asked before. The formulas are documented in docs/meta-simulator.md.
 */
final class DeliveryModel {

  static final String ACTIVE = "ACTIVE";

  record StatusChange(long at, String status) {}

  /** Budgets in minor units of the account currency; 0 when that kind of budget is not set. */
  record BudgetChange(long at, long daily, long lifetime) {}

  record Campaign(String id, String objective, List<StatusChange> statuses, List<BudgetChange> budgets) {}

  /** {@code endAt} is {@link Long#MAX_VALUE} without an end time. */
  record AdSet(
      String id,
      String campaignId,
      String optimizationGoal,
      List<StatusChange> statuses,
      List<BudgetChange> budgets,
      long startAt,
      long endAt) {}

  record Ad(String id, String adsetId, String campaignId, List<StatusChange> statuses) {}

  /**
   * One ad's delivery on one day. Money in minor units of the account currency. {@code
   * eventualConversions} is what the day's clicks will eventually bring (28-day click); what a
   * report sees depends on the window and on {@code daysElapsed} since the day, rounded with the
   * day's fixed {@code roundingOffset}.
   */
  record AdDay(
      String adId,
      String adsetId,
      String campaignId,
      String objective,
      LocalDate day,
      long spend,
      long impressions,
      long reach,
      long clicks,
      long linkClicks,
      double eventualConversions,
      double roundingOffset,
      long orderValue,
      int daysElapsed) {

    /** Whole conversions visible in {@code window} ("default", "7d_click"...), never decreasing. */
    long conversions(String window) {
      return Attribution.count(Attribution.visible(window, eventualConversions, daysElapsed), roundingOffset);
    }
  }

  /** An ad set's learning phase: LEARNING, SUCCESS (50 events) or FAIL (7 days without). */
  record Learning(String status, long events, Long firstDeliveryAt) {}

  record Result(List<AdDay> days, Map<String, Learning> learning) {}

  private final long seed;
  private final String currency;
  private final ZoneId zone;

  DeliveryModel(long seed, String currency, ZoneId zone) {
    this.seed = seed;
    this.currency = currency;
    this.zone = zone;
  }

  private static final class LearningState {
    String status = "LEARNING";
    double events;
    LocalDate firstDay;
    Long firstAt;
  }

  private static final class Week {
    final LocalDate start;
    double allowance;
    double spent;

    Week(LocalDate start) {
      this.start = start;
    }
  }

  /** Delivery of every ad from its creation up to {@code now} (the current day is partial). */
  Result simulate(List<Campaign> campaigns, List<AdSet> adsets, List<Ad> ads, Instant now) {
    long nowS = now.getEpochSecond();
    Map<String, Campaign> cById = new LinkedHashMap<>();
    campaigns.forEach(c -> cById.put(c.id(), c));
    Map<String, AdSet> sById = new LinkedHashMap<>();
    adsets.forEach(s -> sById.put(s.id(), s));
    List<Ad> live = new ArrayList<>();
    Map<String, Ad> adById = new HashMap<>();
    for (Ad a : ads) {
      AdSet s = sById.get(a.adsetId());
      if (s != null && cById.containsKey(s.campaignId()) && !a.statuses().isEmpty()) {
        live.add(a);
        adById.put(a.id(), a);
      }
    }
    Map<String, LearningState> learning = new LinkedHashMap<>();
    adsets.forEach(s -> learning.put(s.id(), new LearningState()));
    List<AdDay> out = new ArrayList<>();
    if (live.isEmpty()) {
      return new Result(out, learningOut(learning));
    }
    long first = Long.MAX_VALUE;
    for (Ad a : live) {
      first = Math.min(first, a.statuses().get(0).at());
    }
    LocalDate today = day(nowS);
    Map<String, Integer> deliveredDays = new HashMap<>();
    Map<String, Week> weeks = new HashMap<>();

    for (LocalDate day = day(first); !day.isAfter(today); day = day.plusDays(1)) {
      long ds = day.atStartOfDay(zone).toEpochSecond();
      long de = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
      long end = Math.min(de, nowS);
      if (end <= ds) {
        break;
      }
      double dayLength = de - ds; // 23 or 25 hours on DST days

      // Segment by segment, in time order: the budget in force is shared among the ads active
      // in the segment and paced; nothing later in the day changes what earlier segments spent,
      // so a paused ad's spend stays frozen.
      Map<String, Double> spendAd = new LinkedHashMap<>();
      Map<String, String> poolOf = new HashMap<>();
      Map<String, Double> pacing = new HashMap<>();
      Long[] cuts = cuts(ds, end, cById.values(), sById.values(), live).toArray(new Long[0]);
      for (int i = 0; i + 1 < cuts.length; i++) {
        long t0 = cuts[i];
        double frac = (cuts[i + 1] - t0) / dayLength;
        Map<String, List<Ad>> activeBySet = new LinkedHashMap<>();
        for (Ad a : live) {
          if (active(a, sById.get(a.adsetId()), cById.get(sById.get(a.adsetId()).campaignId()), t0)) {
            activeBySet.computeIfAbsent(a.adsetId(), k -> new ArrayList<>()).add(a);
          }
        }
        Map<String, Double> allowAd = new LinkedHashMap<>();
        Map<String, Double> allowPool = new LinkedHashMap<>();
        for (Campaign c : cById.values()) {
          List<AdSet> sets = new ArrayList<>();
          for (AdSet s : sById.values()) {
            if (s.campaignId().equals(c.id()) && activeBySet.containsKey(s.id())) {
              sets.add(s);
            }
          }
          if (sets.isEmpty()) {
            continue;
          }
          double campaignBudget = dailyBudget(c.budgets(), t0, campaignLifetimeDays(c, sById.values()));
          if (campaignBudget > 0) {
            // campaign budget: shared across its delivering ad sets by a seeded daily weight
            double amount = campaignBudget * frac;
            allowPool.merge(c.id(), amount, Double::sum);
            double total = 0;
            for (AdSet s : sets) {
              total += weight(s.id(), day);
            }
            for (AdSet s : sets) {
              split(amount * weight(s.id(), day) / total, activeBySet.get(s.id()), day, c.id(), allowAd, poolOf);
            }
          } else {
            for (AdSet s : sets) {
              double b = dailyBudget(s.budgets(), t0, adsetLifetimeDays(s));
              if (b > 0) {
                allowPool.merge(s.id(), b * frac, Double::sum);
                split(b * frac, activeBySet.get(s.id()), day, s.id(), allowAd, poolOf);
              }
            }
          }
        }
        // pacing per pool and day; a calendar week (Sunday to Saturday) never spends more than its
        // budget: what was allowed so far plus the rest of the week at the budget now in force
        Map<String, Double> scale = new HashMap<>();
        long segmentEnd = cuts[i + 1];
        for (Map.Entry<String, Double> e : allowPool.entrySet()) {
          String pool = e.getKey();
          double allowance = e.getValue();
          LocalDate d = day;
          double p =
              pacing.computeIfAbsent(
                  pool,
                  k -> {
                    Range r = poolLearning(k, cById, sById, learning) ? DeliveryRanges.LEARNING_PACING : DeliveryRanges.PACING;
                    return Seeded.between(r.lo(), r.hi(), seed, "pacing", k, d);
                  });
          LocalDate weekStart = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
          Week week = weeks.get(pool);
          if (week == null || !week.start.equals(weekStart)) {
            week = new Week(weekStart);
            weeks.put(pool, week);
          }
          week.allowance += allowance;
          long weekEnd = weekStart.plusDays(7).atStartOfDay(zone).toEpochSecond();
          double budgetNow = allowance / frac;
          double weekCap = week.allowance + budgetNow * (weekEnd - segmentEnd) / 86_400.0;
          double spend = Math.min(allowance * p, Math.max(0, weekCap - week.spent));
          week.spent += spend;
          scale.put(pool, allowance > 0 ? spend / allowance : 0);
        }
        allowAd.forEach((ad, allowance) -> spendAd.merge(ad, allowance * scale.get(poolOf.get(ad)), Double::sum));
      }

      Map<String, Double> dayEvents = new HashMap<>();
      int elapsed = (int) ChronoUnit.DAYS.between(day, today);
      for (Map.Entry<String, Double> e : spendAd.entrySet()) {
        Ad ad = adById.get(e.getKey());
        AdSet s = sById.get(ad.adsetId());
        Campaign c = cById.get(s.campaignId());
        long spend = (long) Math.floor(e.getValue());
        LearningState ls = learning.get(s.id());
        double cpmMinor =
            cpmUsd(s, c.objective(), day, ls.status.equals("LEARNING"))
                * DeliveryRanges.perUsd(currency)
                * DeliveryRanges.minorPerMajor(currency);
        long impressions = Math.round(spend * 1000.0 / cpmMinor);
        if (impressions == 0 && spend == 0) {
          continue;
        }
        long clicks = Math.round(impressions * Seeded.between(ctr(c).lo(), ctr(c).hi(), seed, "ctr", ad.id()));
        Range share = DeliveryRanges.LINK_CLICK_SHARE;
        long linkClicks = Math.round(clicks * Seeded.between(share.lo(), share.hi(), seed, "link", ad.id()));
        Range cvr = DeliveryRanges.cvr(c.objective());
        double conversions = cvr == null ? 0 : linkClicks * Seeded.between(cvr.lo(), cvr.hi(), seed, "cvr", ad.id());
        int before = deliveredDays.getOrDefault(ad.id(), 0);
        Range f0 = DeliveryRanges.FIRST_DAY_FREQUENCY;
        double frequency =
            Seeded.between(f0.lo(), f0.hi(), seed, "frequency", ad.id())
                + DeliveryRanges.FREQUENCY_GROWTH_PER_DAY * before;
        long reach = impressions == 0 ? 0 : Math.max(1, Math.min(impressions, Math.round(impressions / frequency)));
        if (impressions > 0) {
          deliveredDays.put(ad.id(), before + 1);
          if (ls.firstDay == null) {
            ls.firstDay = day;
            ls.firstAt = Math.max(ds, ad.statuses().get(0).at());
          }
        }
        out.add(
            new AdDay(
                ad.id(),
                s.id(),
                c.id(),
                c.objective(),
                day,
                spend,
                impressions,
                reach,
                clicks,
                linkClicks,
                conversions,
                Seeded.uniform(seed, "conversion-rounding", ad.id(), day),
                "OUTCOME_SALES".equals(c.objective()) ? orderValue(s) : 0,
                elapsed));
        double events =
            switch (DeliveryRanges.event(s.optimizationGoal(), c.objective())) {
              case IMPRESSIONS -> impressions;
              case LINK_CLICKS -> linkClicks;
              case CLICKS -> clicks;
              case CONVERSIONS -> conversions * (1 + Attribution.VIEW_SHARE);
            };
        dayEvents.merge(s.id(), events, Double::sum);
      }

      // learning ends with 50 events, or fails once 7 full days have passed without them
      for (Map.Entry<String, LearningState> e : learning.entrySet()) {
        LearningState ls = e.getValue();
        if (!ls.status.equals("LEARNING") || ls.firstDay == null) {
          continue;
        }
        ls.events += dayEvents.getOrDefault(e.getKey(), 0.0);
        if (ls.events >= DeliveryRanges.LEARNING_EVENTS) {
          ls.status = "SUCCESS";
        } else if (end == de && ChronoUnit.DAYS.between(ls.firstDay, day) >= DeliveryRanges.LEARNING_DAYS - 1) {
          ls.status = "FAIL";
        }
      }
    }
    return new Result(out, learningOut(learning));
  }

  private static Map<String, Learning> learningOut(Map<String, LearningState> learning) {
    Map<String, Learning> out = new LinkedHashMap<>();
    learning.forEach((id, ls) -> out.put(id, new Learning(ls.status, (long) Math.floor(ls.events + 1e-9), ls.firstAt)));
    return out;
  }

  LocalDate day(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
  }

  /** The day's start, its end (or now) and every change inside: delivery is constant between. */
  private static TreeSet<Long> cuts(
      long from, long to, Collection<Campaign> campaigns, Collection<AdSet> adsets, List<Ad> ads) {
    TreeSet<Long> cuts = new TreeSet<>();
    cuts.add(from);
    cuts.add(to);
    for (Campaign c : campaigns) {
      c.statuses().forEach(x -> addInside(cuts, x.at(), from, to));
      c.budgets().forEach(x -> addInside(cuts, x.at(), from, to));
    }
    for (AdSet s : adsets) {
      s.statuses().forEach(x -> addInside(cuts, x.at(), from, to));
      s.budgets().forEach(x -> addInside(cuts, x.at(), from, to));
      addInside(cuts, s.startAt(), from, to);
      addInside(cuts, s.endAt(), from, to);
    }
    for (Ad a : ads) {
      a.statuses().forEach(x -> addInside(cuts, x.at(), from, to));
    }
    return cuts;
  }

  private static void addInside(TreeSet<Long> cuts, long t, long from, long to) {
    if (t > from && t < to) {
      cuts.add(t);
    }
  }

  /** An ad delivers only while it, its ad set and its campaign are ACTIVE, within the schedule. */
  static boolean active(Ad a, AdSet s, Campaign c, long t) {
    return ACTIVE.equals(statusAt(a.statuses(), t))
        && ACTIVE.equals(statusAt(s.statuses(), t))
        && ACTIVE.equals(statusAt(c.statuses(), t))
        && s.startAt() <= t
        && t < s.endAt();
  }

  static String statusAt(List<StatusChange> changes, long t) {
    String status = null;
    for (StatusChange c : changes) {
      if (c.at() <= t) {
        status = c.status();
      }
    }
    return status;
  }

  /** The daily budget in force at {@code t}; a lifetime budget is spread evenly over its days. */
  static double dailyBudget(List<BudgetChange> changes, long t, int lifetimeDays) {
    BudgetChange current = null;
    for (BudgetChange c : changes) {
      if (c.at() <= t) {
        current = c;
      }
    }
    if (current == null) {
      return 0;
    }
    if (current.daily() > 0) {
      return current.daily();
    }
    return current.lifetime() > 0 ? (double) current.lifetime() / lifetimeDays : 0;
  }

  private static int adsetLifetimeDays(AdSet s) {
    if (s.endAt() == Long.MAX_VALUE) {
      return DeliveryRanges.LIFETIME_DAYS_WITHOUT_END;
    }
    return (int) Math.max(1, (s.endAt() - s.startAt() + 86_399) / 86_400);
  }

  /** A campaign's lifetime budget runs from its creation to the last end time of its ad sets. */
  private static int campaignLifetimeDays(Campaign c, Collection<AdSet> adsets) {
    long end = Long.MIN_VALUE;
    for (AdSet s : adsets) {
      if (s.campaignId().equals(c.id())) {
        if (s.endAt() == Long.MAX_VALUE) {
          return DeliveryRanges.LIFETIME_DAYS_WITHOUT_END;
        }
        end = Math.max(end, s.endAt());
      }
    }
    if (end == Long.MIN_VALUE || c.statuses().isEmpty()) {
      return DeliveryRanges.LIFETIME_DAYS_WITHOUT_END;
    }
    return (int) Math.max(1, (end - c.statuses().get(0).at() + 86_399) / 86_400);
  }

  /** Seeded daily weight in [0.5, 1.5) that shares a budget among ad sets or ads. */
  private double weight(String id, LocalDate day) {
    return 0.5 + Seeded.uniform(seed, "weight", id, day);
  }

  private void split(
      double amount, List<Ad> ads, LocalDate day, String pool, Map<String, Double> allowAd, Map<String, String> poolOf) {
    double total = 0;
    for (Ad a : ads) {
      total += weight(a.id(), day);
    }
    for (Ad a : ads) {
      allowAd.merge(a.id(), amount * weight(a.id(), day) / total, Double::sum);
      poolOf.put(a.id(), pool);
    }
  }

  private static boolean poolLearning(
      String pool, Map<String, Campaign> campaigns, Map<String, AdSet> adsets, Map<String, LearningState> learning) {
    if (adsets.containsKey(pool)) {
      return learning.get(pool).status.equals("LEARNING");
    }
    for (AdSet s : adsets.values()) {
      if (s.campaignId().equals(pool) && learning.get(s.id()).status.equals("LEARNING")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ad set's CPM in USD for the day: a base drawn once per ad set within the goal's range,
   * jittered per day; higher and more variable while learning.
   */
  double cpmUsd(AdSet s, String objective, LocalDate day, boolean learning) {
    Range r = DeliveryRanges.cpmUsd(s.optimizationGoal(), objective);
    double base = Seeded.between(r.lo(), r.hi(), seed, "cpm", s.id());
    double u = 2 * Seeded.uniform(seed, "cpm-day", s.id(), day) - 1;
    if (learning) {
      double v = base * DeliveryRanges.LEARNING_CPM_FACTOR * (1 + DeliveryRanges.LEARNING_CPM_JITTER * u);
      return Math.max(r.lo(), Math.min(r.hi() * DeliveryRanges.LEARNING_CPM_CEILING, v));
    }
    return Math.max(r.lo(), Math.min(r.hi(), base * (1 + DeliveryRanges.CPM_JITTER * u)));
  }

  private static Range ctr(Campaign c) {
    return DeliveryRanges.ctr(c.objective());
  }

  /** Average order value of the ad set, in minor units (sales only; 0 otherwise). */
  private long orderValue(AdSet s) {
    Range r = DeliveryRanges.ORDER_VALUE_USD;
    return Math.round(
        Seeded.between(r.lo(), r.hi(), seed, "order-value", s.id())
            * DeliveryRanges.perUsd(currency)
            * DeliveryRanges.minorPerMajor(currency));
  }

  /**
   * People reached by several cells (days of one ad, or ads): the largest plus {@code newShare}
   * of the others, so reach never exceeds the sum (nor the impressions) and grows sub-linearly.
   */
  static long combineReach(Collection<Long> reaches, double newShare) {
    long max = 0;
    long sum = 0;
    for (long r : reaches) {
      max = Math.max(max, r);
      sum += r;
    }
    return max + Math.round(newShare * (sum - max));
  }
}
