package com.aigency.local.meta;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of an Insights request, validated the way Meta does: an unknown value answers
 * code 100 with a message naming the parameter. Date presets resolve against "today" in the ad
 * account's time zone.
 */
record InsightsQuery(
    String level,
    List<String> fields,
    LocalDate since,
    LocalDate until,
    String increment,
    List<String> windows,
    List<InsightsQuery.Filter> filters) {

  static final List<String> LEVELS = List.of("account", "campaign", "adset", "ad");

  static final List<String> DATE_PRESETS =
      List.of(
          "today", "yesterday", "this_month", "last_month", "this_quarter", "maximum", "data_maximum", "last_3d",
          "last_7d", "last_14d", "last_28d", "last_30d", "last_90d", "last_week_mon_sun", "last_week_sun_sat",
          "last_quarter", "last_year", "this_week_mon_today", "this_week_sun_today", "this_year");

  /** Fields the simulator computes. */
  static final Set<String> COMPUTED =
      Set.of(
          "account_id", "account_name", "account_currency", "campaign_id", "campaign_name", "adset_id",
          "adset_name", "ad_id", "ad_name", "objective", "optimization_goal", "buying_type", "impressions",
          "reach", "frequency", "spend", "clicks", "inline_link_clicks", "inline_link_click_ctr",
          "cost_per_inline_link_click", "ctr", "cpm", "cpc", "cpp", "actions", "action_values",
          "cost_per_action_type", "purchase_roas", "date_start", "date_stop");

  /** Valid Insights fields the simulator does not model: accepted, and left out of the rows. */
  static final Set<String> NOT_SIMULATED =
      Set.of(
          "attribution_setting", "conversions", "conversion_values", "cost_per_conversion", "cost_per_unique_click",
          "cost_per_outbound_click", "cost_per_thruplay", "cost_per_unique_action_type", "created_time",
          "updated_time", "engagement_rate_ranking", "quality_ranking", "conversion_rate_ranking",
          "outbound_clicks", "outbound_clicks_ctr", "unique_actions", "unique_clicks", "unique_ctr",
          "unique_inline_link_clicks", "website_ctr", "website_purchase_roas", "mobile_app_purchase_roas",
          "social_spend", "full_view_impressions", "full_view_reach", "video_play_actions",
          "video_p25_watched_actions", "video_p50_watched_actions", "video_p75_watched_actions",
          "video_p100_watched_actions", "video_thruplay_watched_actions", "video_avg_time_watched_actions",
          "estimated_ad_recallers", "results", "cost_per_result", "adset_start", "adset_end");

  static final Set<String> FILTER_FIELDS = Set.of("campaign.id", "adset.id", "ad.id");
  static final Set<String> FILTER_OPERATORS = Set.of("EQUAL", "NOT_EQUAL", "IN", "NOT_IN");

  /** Meta keeps 37 months of Insights. */
  static final int MONTHS_KEPT = 37;

  record Filter(String field, String operator, Set<String> values) {
    boolean accepts(String value) {
      boolean in = values.contains(value);
      return operator.equals("EQUAL") || operator.equals("IN") ? in : !in;
    }
  }

  static GraphError error(String message) {
    return new GraphError(400, "(#100) " + message, "OAuthException", 100, null, false, null, null);
  }

  /**
   * Parses the request parameters. {@code defaultLevel} is the queried object's own level; {@code
   * earliest} is the first day anything existed (for {@code maximum}).
   */
  static InsightsQuery parse(Map<String, JsonNode> params, String defaultLevel, LocalDate today, LocalDate earliest) {
    String level = text(params, "level");
    if (level == null || level.isBlank()) {
      level = defaultLevel;
    } else if (!LEVELS.contains(level)) {
      throw error("level must be one of the following values: ad, adset, campaign, account");
    }

    List<String> fields = new ArrayList<>();
    for (String f : list(params.get("fields"), "fields")) {
      if (!COMPUTED.contains(f) && !NOT_SIMULATED.contains(f)) {
        throw error(
            f + " is not valid for fields param. please check"
                + " https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values");
      }
      if (!fields.contains(f)) {
        fields.add(f);
      }
    }
    if (fields.isEmpty()) {
      fields.add("account_id");
      for (String l : List.of("campaign", "adset", "ad")) {
        if (LEVELS.indexOf(level) >= LEVELS.indexOf(l)) {
          fields.add(l + "_id");
        }
      }
      fields.add("impressions");
      fields.add("spend");
    }

    LocalDate[] range = range(params, today, earliest);

    String increment = text(params, "time_increment");
    if (increment == null || increment.isBlank()) {
      increment = "all_days";
    } else if (!increment.equals("all_days") && !increment.equals("monthly")) {
      int n;
      try {
        n = Integer.parseInt(increment.trim());
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 1 || n > 90) {
        throw error("time_increment must be one of the following values: monthly, all_days, or an integer between 1 and 90");
      }
      increment = String.valueOf(n);
    }

    List<String> windows = new ArrayList<>();
    for (String w : list(params.get("action_attribution_windows"), "action_attribution_windows")) {
      if (!Attribution.ACCEPTED.contains(w)) {
        throw error(
            "action_attribution_windows must be one of the following values: "
                + String.join(", ", Attribution.ACCEPTED.stream().sorted().toList()));
      }
      if (!windows.contains(w)) {
        windows.add(w);
      }
    }

    if (params.containsKey("breakdowns") && !list(params.get("breakdowns"), "breakdowns").isEmpty()) {
      throw error("breakdowns are not supported by the Meta simulator");
    }
    return new InsightsQuery(level, List.copyOf(fields), range[0], range[1], increment, List.copyOf(windows), filters(params));
  }

  private static LocalDate[] range(Map<String, JsonNode> params, LocalDate today, LocalDate earliest) {
    JsonNode tr = json(params, "time_range");
    if (tr == null && (params.containsKey("time_range[since]") || params.containsKey("time_range[until]"))) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.set("since", params.get("time_range[since]"));
      o.set("until", params.get("time_range[until]"));
      tr = o;
    }
    if (tr != null) {
      // time_range wins over date_preset, as at Meta
      LocalDate since;
      LocalDate until;
      try {
        if (!tr.isObject()) {
          throw new DateTimeParseException("not an object", tr.toString(), 0);
        }
        since = LocalDate.parse(tr.path("since").asText(""));
        until = LocalDate.parse(tr.path("until").asText(""));
      } catch (DateTimeParseException e) {
        throw error("time_range must be a JSON object {\"since\":\"YYYY-MM-DD\",\"until\":\"YYYY-MM-DD\"}");
      }
      if (since.isAfter(until)) {
        throw error("time_range: since must be on or before until");
      }
      if (since.isBefore(today.minusMonths(MONTHS_KEPT))) {
        throw new GraphError(
            400,
            "(#3018) The start date of the time range cannot be beyond 37 months from the current date",
            "OAuthException",
            3018,
            null,
            false,
            null,
            null);
      }
      return new LocalDate[] {since, until};
    }
    String preset = text(params, "date_preset");
    if (preset == null || preset.isBlank()) {
      preset = "last_30d"; // Meta's default
    }
    return switch (preset) {
      case "today" -> new LocalDate[] {today, today};
      case "yesterday" -> new LocalDate[] {today.minusDays(1), today.minusDays(1)};
      case "last_3d", "last_7d", "last_14d", "last_28d", "last_30d", "last_90d" -> {
        int n = Integer.parseInt(preset.substring(5, preset.length() - 1));
        yield new LocalDate[] {today.minusDays(n), today.minusDays(1)};
      }
      case "this_month" -> new LocalDate[] {today.withDayOfMonth(1), today};
      case "last_month" -> {
        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
        yield new LocalDate[] {first, first.with(TemporalAdjusters.lastDayOfMonth())};
      }
      case "this_quarter" -> new LocalDate[] {quarterStart(today), today};
      case "last_quarter" -> {
        LocalDate first = quarterStart(today).minusMonths(3);
        yield new LocalDate[] {first, quarterStart(today).minusDays(1)};
      }
      case "this_year" -> new LocalDate[] {today.withDayOfYear(1), today};
      case "last_year" -> new LocalDate[] {today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1).minusDays(1)};
      case "this_week_mon_today" -> new LocalDate[] {today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today};
      case "this_week_sun_today" -> new LocalDate[] {today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)), today};
      case "last_week_mon_sun" -> {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        yield new LocalDate[] {monday, monday.plusDays(6)};
      }
      case "last_week_sun_sat" -> {
        LocalDate sunday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).minusWeeks(1);
        yield new LocalDate[] {sunday, sunday.plusDays(6)};
      }
      case "maximum", "data_maximum" -> {
        LocalDate first = earliest.isBefore(today.minusMonths(MONTHS_KEPT)) ? today.minusMonths(MONTHS_KEPT) : earliest;
        yield new LocalDate[] {first.isAfter(today) ? today : first, today};
      }
      default -> throw error("date_preset must be one of the following values: " + String.join(", ", DATE_PRESETS));
    };
  }

  private static LocalDate quarterStart(LocalDate d) {
    return d.with(IsoFields.DAY_OF_QUARTER, 1);
  }

  private static List<Filter> filters(Map<String, JsonNode> params) {
    JsonNode f = json(params, "filtering");
    List<Filter> out = new ArrayList<>();
    if (f == null) {
      return out;
    }
    if (!f.isArray()) {
      throw error("filtering must be a JSON array of {\"field\",\"operator\",\"value\"} objects");
    }
    for (JsonNode e : f) {
      String field = e.path("field").asText("");
      String op = e.path("operator").asText("");
      if (!FILTER_FIELDS.contains(field)) {
        throw error("Filtering field " + field + " is not supported by the Meta simulator (supported: campaign.id, adset.id, ad.id)");
      }
      if (!FILTER_OPERATORS.contains(op)) {
        throw error("filtering operator must be one of the following values: EQUAL, NOT_EQUAL, IN, NOT_IN");
      }
      Set<String> values = new LinkedHashSet<>();
      JsonNode v = e.path("value");
      if (v.isArray()) {
        v.forEach(x -> values.add(x.asText()));
      } else {
        values.add(v.asText());
      }
      out.add(new Filter(field, op, values));
    }
    return out;
  }

  /** A list parameter: a JSON array, JSON array text, or comma-separated text. */
  private static List<String> list(JsonNode n, String name) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    JsonNode node = n;
    if (n.isTextual() && n.asText().trim().startsWith("[")) {
      try {
        node = Json.MAPPER.readTree(n.asText());
      } catch (IOException e) {
        throw error(name + " is not valid JSON");
      }
    }
    if (node instanceof ArrayNode a) {
      a.forEach(x -> add(out, x.asText()));
    } else {
      for (String s : node.asText().split(",")) {
        add(out, s);
      }
    }
    return out;
  }

  private static void add(List<String> out, String s) {
    String t = s.trim();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  private static String text(Map<String, JsonNode> params, String name) {
    JsonNode n = params.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private static JsonNode json(Map<String, JsonNode> params, String name) {
    JsonNode n = params.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      try {
        return Json.MAPPER.readTree(n.asText());
      } catch (IOException e) {
        throw error(name + " is not valid JSON");
      }
    }
    return n;
  }

  /** The query as stored with an async report run. */
  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("level", level);
    fields.forEach(o.putArray("fields")::add);
    o.put("since", since.toString());
    o.put("until", until.toString());
    o.put("time_increment", increment);
    windows.forEach(o.putArray("action_attribution_windows")::add);
    ArrayNode fs = o.putArray("filtering");
    for (Filter f : filters) {
      ObjectNode x = fs.addObject().put("field", f.field()).put("operator", f.operator());
      f.values().forEach(x.putArray("value")::add);
    }
    return o;
  }

  static InsightsQuery fromJson(JsonNode o) {
    List<String> fields = new ArrayList<>();
    o.path("fields").forEach(x -> fields.add(x.asText()));
    List<String> windows = new ArrayList<>();
    o.path("action_attribution_windows").forEach(x -> windows.add(x.asText()));
    List<Filter> filters = new ArrayList<>();
    for (JsonNode f : o.path("filtering")) {
      Set<String> values = new LinkedHashSet<>();
      f.path("value").forEach(x -> values.add(x.asText()));
      filters.add(new Filter(f.path("field").asText(), f.path("operator").asText(), values));
    }
    return new InsightsQuery(
        o.path("level").asText(),
        fields,
        LocalDate.parse(o.path("since").asText()),
        LocalDate.parse(o.path("until").asText()),
        o.path("time_increment").asText(),
        windows,
        filters);
  }
}
