package com.aigency.local.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /{object}/insights}: runs the {@link DeliveryModel} over the ad account's objects
 * and aggregates its per-ad days into Meta's rows (numbers as strings, money in major units).
 */
final class InsightsEndpoint {

  private static final JsonNodeFactory NF = JsonNodeFactory.instance;
  private static final Set<String> CLICK_WINDOWS = Set.of("1d_click", "7d_click", "28d_click", "default");

  /** What the endpoint needs of an ad account. */
  record Account(String id, String name, String currency, ZoneId zone) {}

  private final long seed;

  InsightsEndpoint(long seed) {
    this.seed = seed;
  }

  // ---------------------------------------------------------------- model input

  private static boolean of(ObjectNode o, Account a, String type) {
    return o.path("_type").asText().equals(type) && o.path("account_id").asText().equals(a.id());
  }

  DeliveryModel.Result simulate(Account a, Collection<ObjectNode> objects, Instant asOf) {
    List<DeliveryModel.Campaign> campaigns = new ArrayList<>();
    List<DeliveryModel.AdSet> adsets = new ArrayList<>();
    List<DeliveryModel.Ad> ads = new ArrayList<>();
    for (ObjectNode o : objects) {
      String id = o.path("id").asText();
      if (of(o, a, "campaign")) {
        campaigns.add(
            new DeliveryModel.Campaign(
                id, o.path("objective").asText(), StatusHistory.statuses(o), StatusHistory.budgets(o)));
      } else if (of(o, a, "adset")) {
        long created = StatusHistory.epoch(o.path("created_time").asText(null), 0);
        adsets.add(
            new DeliveryModel.AdSet(
                id,
                o.path("campaign_id").asText(),
                o.path("optimization_goal").asText(null),
                StatusHistory.statuses(o),
                StatusHistory.budgets(o),
                StatusHistory.epoch(o.path("start_time").asText(null), created),
                StatusHistory.epoch(o.path("end_time").asText(null), Long.MAX_VALUE)));
      } else if (of(o, a, "ad")) {
        ads.add(
            new DeliveryModel.Ad(
                id, o.path("adset_id").asText(), o.path("campaign_id").asText(), StatusHistory.statuses(o)));
      }
    }
    return new DeliveryModel(seed, a.currency(), a.zone()).simulate(campaigns, adsets, ads, asOf);
  }

  static LocalDate today(Account a, Instant asOf) {
    return asOf.atZone(a.zone()).toLocalDate();
  }

  /** The first day any campaign, ad set or ad of the account existed (for {@code maximum}). */
  static LocalDate earliest(Account a, Collection<ObjectNode> objects, Instant asOf) {
    LocalDate first = today(a, asOf);
    for (ObjectNode o : objects) {
      if (of(o, a, "campaign") || of(o, a, "adset") || of(o, a, "ad")) {
        long t = StatusHistory.epoch(o.path("created_time").asText(null), Long.MAX_VALUE);
        if (t != Long.MAX_VALUE) {
          LocalDate d = Instant.ofEpochSecond(t).atZone(a.zone()).toLocalDate();
          first = d.isBefore(first) ? d : first;
        }
      }
    }
    return first;
  }

  /** The {@code learning_stage_info} of an ad set as of {@code now}. */
  ObjectNode learningStageInfo(Account a, Collection<ObjectNode> objects, String adsetId, Instant now) {
    DeliveryModel.Learning l = simulate(a, objects, now).learning().get(adsetId);
    ObjectNode out = NF.objectNode();
    out.put("status", l == null ? "LEARNING" : l.status());
    out.put("conversions", l == null ? 0 : l.events());
    if (l != null && l.firstDeliveryAt() != null) {
      out.put("last_sig_edit_ts", l.firstDeliveryAt());
    }
    out.putArray("attribution_windows").add("7d_click").add("1d_view");
    return out;
  }

  // ---------------------------------------------------------------- rows

  /**
   * The rows of a query over the ads under {@code scope} (null: the whole account), as of {@code
   * asOf}: one per time bucket and object of the query's level that had delivery.
   */
  List<ObjectNode> rows(Account a, Map<String, ObjectNode> objects, ObjectNode scope, InsightsQuery q, Instant asOf) {
    DeliveryModel.Result result = simulate(a, objects.values(), asOf);
    Map<String, Integer> order = new HashMap<>();
    int i = 0;
    for (String id : objects.keySet()) {
      order.put(id, i++);
    }
    // (bucket, position of the level's object) -> aggregate
    TreeMap<Long, Agg> groups = new TreeMap<>();
    for (DeliveryModel.AdDay d : result.days()) {
      if (d.day().isBefore(q.since()) || d.day().isAfter(q.until()) || !inScope(d, scope) || !passes(d, q)) {
        continue;
      }
      String key =
          switch (q.level()) {
            case "campaign" -> d.campaignId();
            case "adset" -> d.adsetId();
            case "ad" -> d.adId();
            default -> a.id();
          };
      long bucket = bucket(q, d.day());
      long sortKey = bucket * 1_000_000L + order.getOrDefault(key, 0);
      Agg g = groups.computeIfAbsent(sortKey, k -> new Agg(key, bucket));
      g.add(d, q.windows());
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (Agg g : groups.values()) {
      if (g.impressions == 0 && g.spend == 0) {
        continue;
      }
      rows.add(row(a, objects, q, g));
    }
    return rows;
  }

  private static boolean inScope(DeliveryModel.AdDay d, ObjectNode scope) {
    if (scope == null) {
      return true;
    }
    String id = scope.path("id").asText();
    return switch (scope.path("_type").asText()) {
      case "campaign" -> d.campaignId().equals(id);
      case "adset" -> d.adsetId().equals(id);
      case "ad" -> d.adId().equals(id);
      default -> false;
    };
  }

  private static boolean passes(DeliveryModel.AdDay d, InsightsQuery q) {
    for (InsightsQuery.Filter f : q.filters()) {
      String v =
          switch (f.field()) {
            case "campaign.id" -> d.campaignId();
            case "adset.id" -> d.adsetId();
            default -> d.adId();
          };
      if (!f.accepts(v)) {
        return false;
      }
    }
    return true;
  }

  /** Index of the time bucket holding {@code day}: 0 for all_days, months or N-day steps from since. */
  private static long bucket(InsightsQuery q, LocalDate day) {
    return switch (q.increment()) {
      case "all_days" -> 0;
      case "monthly" -> ChronoUnit.MONTHS.between(q.since().withDayOfMonth(1), day.withDayOfMonth(1));
      default -> ChronoUnit.DAYS.between(q.since(), day) / Integer.parseInt(q.increment());
    };
  }

  private static LocalDate[] bucketDates(InsightsQuery q, long bucket) {
    LocalDate from;
    LocalDate to;
    switch (q.increment()) {
      case "all_days" -> {
        from = q.since();
        to = q.until();
      }
      case "monthly" -> {
        LocalDate month = q.since().withDayOfMonth(1).plusMonths(bucket);
        from = month.isBefore(q.since()) ? q.since() : month;
        to = month.with(TemporalAdjusters.lastDayOfMonth());
      }
      default -> {
        int n = Integer.parseInt(q.increment());
        from = q.since().plusDays(bucket * n);
        to = from.plusDays(n - 1);
      }
    }
    return new LocalDate[] {from, to.isAfter(q.until()) ? q.until() : to};
  }

  /** Sums of one row; reach is deduplicated across days and ads (see DeliveryModel.combineReach). */
  private static final class Agg {
    final String key;
    final long bucket;
    final Set<String> objectives = new java.util.LinkedHashSet<>();
    final Set<String> campaigns = new java.util.LinkedHashSet<>();
    final Set<String> adsets = new java.util.LinkedHashSet<>();
    long spend;
    long impressions;
    long clicks;
    long linkClicks;
    final Map<String, List<Long>> reachByAd = new LinkedHashMap<>();
    /** action_type -> "value" or a window -> count (or value in minor units). */
    final Map<String, Map<String, Long>> actions = new LinkedHashMap<>();
    final Map<String, Map<String, Long>> values = new LinkedHashMap<>();

    Agg(String key, long bucket) {
      this.key = key;
      this.bucket = bucket;
    }

    void add(DeliveryModel.AdDay d, List<String> windows) {
      objectives.add(d.objective());
      campaigns.add(d.campaignId());
      adsets.add(d.adsetId());
      spend += d.spend();
      impressions += d.impressions();
      clicks += d.clicks();
      linkClicks += d.linkClicks();
      reachByAd.computeIfAbsent(d.adId(), k -> new ArrayList<>()).add(d.reach());
      // on-platform actions are counted when they happen: same number in every click window
      for (String type : List.of("link_click", "page_engagement", "post_engagement")) {
        long n = type.equals("link_click") ? d.linkClicks() : d.clicks();
        put(actions, type, "value", n);
        for (String w : windows) {
          if (CLICK_WINDOWS.contains(w)) {
            put(actions, type, w, n);
          }
        }
      }
      for (String type : DeliveryRanges.conversionActions(d.objective())) {
        long n = d.conversions("default");
        put(actions, type, "value", n);
        if (d.orderValue() > 0) {
          put(values, type, "value", n * d.orderValue());
        }
        for (String w : windows) {
          if (Attribution.visible(w, d.eventualConversions(), d.daysElapsed()) >= 0) {
            long c = d.conversions(w);
            put(actions, type, w, c);
            if (d.orderValue() > 0) {
              put(values, type, w, c * d.orderValue());
            }
          }
        }
      }
    }

    private static void put(Map<String, Map<String, Long>> m, String type, String key, long n) {
      m.computeIfAbsent(type, k -> new LinkedHashMap<>()).merge(key, n, Long::sum);
    }

    long reach() {
      List<Long> perAd = new ArrayList<>();
      for (List<Long> days : reachByAd.values()) {
        perAd.add(DeliveryModel.combineReach(days, DeliveryRanges.NEW_PEOPLE_OTHER_DAYS));
      }
      return DeliveryModel.combineReach(perAd, DeliveryRanges.NEW_PEOPLE_OTHER_ADS);
    }
  }

  private ObjectNode row(Account a, Map<String, ObjectNode> objects, InsightsQuery q, Agg g) {
    int depth = InsightsQuery.LEVELS.indexOf(q.level());
    String campaignId = g.campaigns.size() == 1 ? g.campaigns.iterator().next() : null;
    String adsetId = g.adsets.size() == 1 ? g.adsets.iterator().next() : null;
    long reach = g.reach();
    int decimals = DeliveryRanges.decimals(a.currency());
    BigDecimal spend = BigDecimal.valueOf(g.spend, decimals);
    ObjectNode r = NF.objectNode();
    for (String f : q.fields()) {
      switch (f) {
        case "account_id" -> r.put(f, a.id());
        case "account_name" -> r.put(f, a.name());
        case "account_currency" -> r.put(f, a.currency());
        case "campaign_id", "campaign_name", "objective", "buying_type" -> {
          if (depth >= 1 && campaignId != null) {
            ObjectNode c = objects.get(campaignId);
            String field = f.equals("campaign_id") ? "id" : f.equals("campaign_name") ? "name" : f;
            r.put(f, c.path(field).asText());
          }
        }
        case "adset_id", "adset_name", "optimization_goal" -> {
          if (depth >= 2 && adsetId != null) {
            ObjectNode s = objects.get(adsetId);
            String field = f.equals("adset_id") ? "id" : f.equals("adset_name") ? "name" : f;
            r.put(f, s.path(field).asText());
          }
        }
        case "ad_id", "ad_name" -> {
          if (depth >= 3) {
            r.put(f, f.equals("ad_id") ? g.key : objects.get(g.key).path("name").asText());
          }
        }
        case "impressions" -> r.put(f, String.valueOf(g.impressions));
        case "reach" -> r.put(f, String.valueOf(reach));
        case "frequency" -> ratio(r, f, g.impressions, reach, 1);
        case "spend" -> r.put(f, money(spend));
        case "clicks" -> r.put(f, String.valueOf(g.clicks));
        case "inline_link_clicks" -> r.put(f, String.valueOf(g.linkClicks));
        case "ctr" -> ratio(r, f, g.clicks, g.impressions, 100);
        case "inline_link_click_ctr" -> ratio(r, f, g.linkClicks, g.impressions, 100);
        case "cpm" -> ratio(r, f, spend, g.impressions, 1000);
        case "cpp" -> ratio(r, f, spend, reach, 1000);
        case "cpc" -> ratio(r, f, spend, g.clicks, 1);
        case "cost_per_inline_link_click" -> ratio(r, f, spend, g.linkClicks, 1);
        case "actions" -> actionList(r, f, g.actions, (type, key, n) -> String.valueOf(n));
        case "action_values" -> actionList(r, f, g.values, (type, key, n) -> money(BigDecimal.valueOf(n, decimals)));
        case "cost_per_action_type" -> actionList(r, f, g.actions, (type, key, n) -> decimal(spend, BigDecimal.valueOf(n), 1));
        case "purchase_roas" -> roas(r, f, g, spend, decimals);
        default -> {
          // date_start/date_stop are added below; other valid fields are not simulated
        }
      }
    }
    LocalDate[] dates = bucketDates(q, g.bucket);
    r.put("date_start", dates[0].toString());
    r.put("date_stop", dates[1].toString());
    return r;
  }

  private interface Format {
    String apply(String type, String key, long n);
  }

  /** Meta's action list: one element per type with "value" and a key per requested window. */
  private static void actionList(ObjectNode r, String field, Map<String, Map<String, Long>> m, Format format) {
    ArrayNode list = NF.arrayNode();
    for (Map.Entry<String, Map<String, Long>> e : m.entrySet()) {
      Map<String, Long> byKey = e.getValue();
      if (byKey.values().stream().allMatch(n -> n == 0)) {
        continue;
      }
      if (field.equals("cost_per_action_type") && byKey.getOrDefault("value", 0L) == 0) {
        continue;
      }
      ObjectNode x = list.addObject().put("action_type", e.getKey());
      byKey.forEach(
          (k, n) -> {
            if (n > 0 || k.equals("value")) {
              x.put(k, format.apply(e.getKey(), k, n));
            }
          });
    }
    if (!list.isEmpty()) {
      r.set(field, list);
    }
  }

  /** purchase_roas: purchase value over spend, per window too (Meta names it omni_purchase). */
  private static void roas(ObjectNode r, String field, Agg g, BigDecimal spend, int decimals) {
    Map<String, Long> v = g.values.get("omni_purchase");
    if (v == null || spend.signum() == 0 || v.getOrDefault("value", 0L) == 0) {
      return;
    }
    ObjectNode x = r.putArray(field).addObject().put("action_type", "omni_purchase");
    v.forEach(
        (k, n) -> {
          if (n > 0 || k.equals("value")) {
            x.put(k, decimal(BigDecimal.valueOf(n, decimals), spend, 1));
          }
        });
  }

  private static void ratio(ObjectNode r, String field, long num, long den, long factor) {
    if (den > 0) {
      r.put(field, decimal(BigDecimal.valueOf(num), BigDecimal.valueOf(den), factor));
    }
  }

  private static void ratio(ObjectNode r, String field, BigDecimal num, long den, long factor) {
    if (den > 0) {
      r.put(field, decimal(num, BigDecimal.valueOf(den), factor));
    }
  }

  /** num * factor / den with 6 decimals, trailing zeros dropped ("1.234568", "2"). */
  static String decimal(BigDecimal num, BigDecimal den, long factor) {
    return plain(num.multiply(BigDecimal.valueOf(factor)).divide(den, 6, RoundingMode.HALF_UP));
  }

  /** Major units of the account currency, trailing zeros dropped like Meta ("12.3", "1500"). */
  static String money(BigDecimal amount) {
    return plain(amount);
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  // ---------------------------------------------------------------- paging

  /** Pages rows the way the object edges do ({@code limit} 1..500, default 25; {@code after}). */
  static ObjectNode page(List<ObjectNode> rows, Map<String, JsonNode> params) {
    int limit = 25;
    JsonNode l = params.get("limit");
    if (l != null) {
      try {
        limit = Math.max(1, Math.min(500, Integer.parseInt(l.asText().trim())));
      } catch (NumberFormatException e) {
        throw InsightsQuery.error("limit must be an integer");
      }
    }
    int from = 0;
    JsonNode after = params.get("after");
    if (after != null) {
      from = MetaSimulator.decodeCursor(after.asText()) + 1;
    }
    JsonNode before = params.get("before");
    if (before != null) {
      from = Math.max(0, MetaSimulator.decodeCursor(before.asText()) - limit);
    }
    int to = Math.min(rows.size(), from + limit);
    ObjectNode out = NF.objectNode();
    ArrayNode data = out.putArray("data");
    for (int i = from; i < to; i++) {
      data.add(rows.get(i));
    }
    if (from < to) {
      ObjectNode paging = out.putObject("paging");
      paging
          .putObject("cursors")
          .put("before", MetaSimulator.cursor(from))
          .put("after", MetaSimulator.cursor(to - 1));
      if (to < rows.size()) {
        paging.put("next", "?limit=" + limit + "&after=" + MetaSimulator.cursor(to - 1));
      }
    }
    return out;
  }
}
