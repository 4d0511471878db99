package com.aigency.shared.meta;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to ask Meta's insights for: a level, either a {@code date_preset} or a {@code time_range},
 * daily rows or one row for the whole range, fields, attribution windows and optional breakdowns.
 *
 * <p>{@link #runsAsync()} decides whether {@link MetaInsights} uses an async report run: always
 * with {@link Execution#ASYNC}, never with {@link Execution#SYNC}, and with {@link Execution#AUTO}
 * (the default) when the query is large enough that Meta may time out synchronously: level {@code
 * ad} or {@code adset} over more than {@value #ASYNC_SPAN_DAYS} days (unbounded presets such as
 * {@code maximum} count as more), or level {@code ad} with breakdowns over more than 7 days.
 */
public record InsightsQuery(
    Level level,
    String datePreset,
    DateRange timeRange,
    TimeIncrement timeIncrement,
    List<String> fields,
    List<String> actionAttributionWindows,
    List<String> breakdowns,
    Execution execution) {

  /** AUTO goes async for ad/adset level above this many days. */
  public static final int ASYNC_SPAN_DAYS = 31;

  /** impressions, reach, frequency, spend, clicks, ctr, cpm, actions. */
  public static final List<String> DEFAULT_FIELDS =
      List.of("impressions", "reach", "frequency", "spend", "clicks", "ctr", "cpm", "actions");

  /** The insights level. */
  public enum Level {
    ACCOUNT,
    CAMPAIGN,
    ADSET,
    AD;

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The id fields a row of this level carries. */
    List<String> idFields() {
      return switch (this) {
        case ACCOUNT -> List.of("account_id");
        case CAMPAIGN -> List.of("account_id", "campaign_id");
        case ADSET -> List.of("account_id", "campaign_id", "adset_id");
        case AD -> List.of("account_id", "campaign_id", "adset_id", "ad_id");
      };
    }
  }

  /** {@code time_increment}: one row per day, or one row for the whole range. */
  public enum TimeIncrement {
    DAILY("1"),
    ALL_DAYS("all_days");

    private final String value;

    TimeIncrement(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** Sync request, async report run, or the client's choice. */
  public enum Execution {
    AUTO,
    SYNC,
    ASYNC
  }

  /** {@code time_range}: inclusive dates in the ad account's time zone. */
  public record DateRange(LocalDate since, LocalDate until) {
    public DateRange {
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(until, "until");
      if (until.isBefore(since)) {
        throw new IllegalArgumentException("until " + until + " is before since " + since);
      }
    }

    public long days() {
      return ChronoUnit.DAYS.between(since, until) + 1;
    }
  }

  /** Meta's date presets and the days each covers at most (unbounded ones: Long.MAX_VALUE). */
  static final Map<String, Long> PRESET_DAYS;

  static {
    Map<String, Long> p = new LinkedHashMap<>();
    p.put("today", 1L);
    p.put("yesterday", 1L);
    p.put("last_3d", 3L);
    p.put("last_7d", 7L);
    p.put("last_14d", 14L);
    p.put("last_28d", 28L);
    p.put("last_30d", 30L);
    p.put("last_90d", 90L);
    p.put("this_week_mon_today", 7L);
    p.put("this_week_sun_today", 7L);
    p.put("last_week_mon_sun", 7L);
    p.put("last_week_sun_sat", 7L);
    p.put("this_month", 31L);
    p.put("last_month", 31L);
    p.put("this_quarter", 92L);
    p.put("last_quarter", 92L);
    p.put("this_year", 366L);
    p.put("last_year", 366L);
    p.put("maximum", Long.MAX_VALUE);
    p.put("data_maximum", Long.MAX_VALUE);
    PRESET_DAYS = Map.copyOf(p);
  }

  private static final Pattern NAME = Pattern.compile("[a-z0-9_.]+");

  public InsightsQuery {
    Objects.requireNonNull(level, "level");
    if ((datePreset == null) == (timeRange == null)) {
      throw new IllegalArgumentException("give exactly one of datePreset and timeRange");
    }
    if (datePreset != null && !PRESET_DAYS.containsKey(datePreset)) {
      throw new IllegalArgumentException("unknown date_preset " + datePreset + "; one of " + PRESET_DAYS.keySet());
    }
    timeIncrement = timeIncrement == null ? TimeIncrement.ALL_DAYS : timeIncrement;
    fields = names(fields == null || fields.isEmpty() ? DEFAULT_FIELDS : fields, "field");
    actionAttributionWindows = names(actionAttributionWindows, "attribution window");
    breakdowns = names(breakdowns, "breakdown");
    execution = execution == null ? Execution.AUTO : execution;
  }

  /** One row for the whole preset, default fields. */
  public static InsightsQuery preset(Level level, String datePreset) {
    return new InsightsQuery(level, datePreset, null, TimeIncrement.ALL_DAYS, DEFAULT_FIELDS, List.of(), List.of(), Execution.AUTO);
  }

  /** One row for {@code since..until} (inclusive), default fields. */
  public static InsightsQuery between(Level level, LocalDate since, LocalDate until) {
    return new InsightsQuery(
        level, null, new DateRange(since, until), TimeIncrement.ALL_DAYS, DEFAULT_FIELDS, List.of(), List.of(), Execution.AUTO);
  }

  public InsightsQuery daily() {
    return new InsightsQuery(level, datePreset, timeRange, TimeIncrement.DAILY, fields, actionAttributionWindows, breakdowns, execution);
  }

  public InsightsQuery withFields(List<String> value) {
    return new InsightsQuery(level, datePreset, timeRange, timeIncrement, value, actionAttributionWindows, breakdowns, execution);
  }

  public InsightsQuery withAttributionWindows(List<String> value) {
    return new InsightsQuery(level, datePreset, timeRange, timeIncrement, fields, value, breakdowns, execution);
  }

  public InsightsQuery withBreakdowns(List<String> value) {
    return new InsightsQuery(level, datePreset, timeRange, timeIncrement, fields, actionAttributionWindows, value, execution);
  }

  public InsightsQuery withExecution(Execution value) {
    return new InsightsQuery(level, datePreset, timeRange, timeIncrement, fields, actionAttributionWindows, breakdowns, value);
  }

  /** The most days the query can cover. */
  public long spanDays() {
    return timeRange != null ? timeRange.days() : PRESET_DAYS.get(datePreset);
  }

  /** Whether {@link MetaInsights#insights} runs this query as an async report run. */
  public boolean runsAsync() {
    return switch (execution) {
      case ASYNC -> true;
      case SYNC -> false;
      case AUTO ->
          ((level == Level.AD || level == Level.ADSET) && spanDays() > ASYNC_SPAN_DAYS)
              || (level == Level.AD && !breakdowns.isEmpty() && spanDays() > 7);
    };
  }

  /**
   * The Graph parameters. Adds to the requested fields the ids of the level and {@code
   * account_currency}, so rows can be attributed and spend converted to {@link Money}.
   */
  public Map<String, String> params() {
    Set<String> all = new LinkedHashSet<>(level.idFields());
    all.add("account_currency");
    all.addAll(fields);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("level", level.value());
    p.put("fields", String.join(",", all));
    if (datePreset != null) {
      p.put("date_preset", datePreset);
    } else {
      p.put(
          "time_range",
          Json.MAPPER.createObjectNode()
              .put("since", timeRange.since().toString())
              .put("until", timeRange.until().toString())
              .toString());
    }
    p.put("time_increment", timeIncrement.value());
    if (!actionAttributionWindows.isEmpty()) {
      ArrayNode windows = Json.MAPPER.createArrayNode();
      actionAttributionWindows.forEach(windows::add);
      p.put("action_attribution_windows", windows.toString());
    }
    if (!breakdowns.isEmpty()) {
      p.put("breakdowns", String.join(",", breakdowns));
    }
    return p;
  }

  private static List<String> names(List<String> values, String what) {
    List<String> out = new ArrayList<>();
    for (String v : values == null ? List.<String>of() : values) {
      if (v == null || !NAME.matcher(v).matches()) {
        throw new IllegalArgumentException("not a Meta " + what + " name: " + v);
      }
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }
}
