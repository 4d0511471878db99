package com.aigency.local.meta;

import java.util.List;
import java.util.Map;

/**
 * The documented ranges and constants of the delivery model (see docs/meta-simulator.md). Money
 * ranges are in USD and scaled by a fixed rate per currency, so amounts in JPY or KRW are
 * plausible; rates are fractions (0.012 = 1.2 %).
 */
final class DeliveryRanges {

  private DeliveryRanges() {}

  record Range(double lo, double hi) {
    Range scale(double f) {
      return new Range(lo * f, hi * f);
    }
  }

  // ---------------------------------------------------------------- currency

  /** Units of the currency per USD: a fixed table, not market rates. Unknown currencies use 1. */
  static final Map<String, Double> PER_USD =
      Map.ofEntries(
          Map.entry("USD", 1.0),
          Map.entry("EUR", 0.92),
          Map.entry("GBP", 0.79),
          Map.entry("CHF", 0.88),
          Map.entry("CAD", 1.36),
          Map.entry("AUD", 1.52),
          Map.entry("SEK", 10.5),
          Map.entry("NOK", 10.6),
          Map.entry("DKK", 6.9),
          Map.entry("PLN", 4.0),
          Map.entry("BRL", 5.0),
          Map.entry("MXN", 17.0),
          Map.entry("INR", 83.0),
          Map.entry("JPY", 150.0),
          Map.entry("KRW", 1350.0));

  static double perUsd(String currency) {
    return PER_USD.getOrDefault(currency, 1.0);
  }

  /** Meta keeps JPY, KRW and a few others without minor units (offset 1); the rest use cents. */
  static int decimals(String currency) {
    return switch (currency) {
      case "JPY", "KRW", "CLP", "VND", "PYG" -> 0;
      default -> 2;
    };
  }

  /** Minor units per major unit: 100 for EUR, 1 for JPY. */
  static long minorPerMajor(String currency) {
    return decimals(currency) == 0 ? 1 : 100;
  }

  // ---------------------------------------------------------------- CPM

  /** CPM in USD for the ad set's optimization goal; unknown goals fall back to the objective. */
  static Range cpmUsd(String optimizationGoal, String objective) {
    String g = optimizationGoal == null ? "" : optimizationGoal;
    return switch (g) {
      case "REACH", "IMPRESSIONS", "AD_RECALL_LIFT" -> new Range(2, 6);
      case "THRUPLAY", "POST_ENGAGEMENT", "PAGE_LIKES", "ENGAGED_USERS", "EVENT_RESPONSES" -> new Range(3, 9);
      case "LINK_CLICKS", "LANDING_PAGE_VIEWS" -> new Range(5, 12);
      case "LEAD_GENERATION", "QUALITY_LEAD", "CONVERSATIONS" -> new Range(8, 20);
      case "OFFSITE_CONVERSIONS", "VALUE" -> new Range(10, 25);
      case "APP_INSTALLS" -> new Range(6, 15);
      default ->
          switch (objective == null ? "" : objective) {
            case "OUTCOME_AWARENESS" -> new Range(2, 6);
            case "OUTCOME_ENGAGEMENT" -> new Range(3, 9);
            case "OUTCOME_LEADS" -> new Range(8, 20);
            case "OUTCOME_SALES" -> new Range(10, 25);
            case "OUTCOME_APP_PROMOTION" -> new Range(6, 15);
            default -> new Range(5, 12);
          };
    };
  }

  /** Day-to-day CPM jitter around the ad set's base after learning (+-10 %), clamped to the range. */
  static final double CPM_JITTER = 0.10;

  /** During learning CPM is 25 % higher, jitters +-25 %, and may reach 1.5x the range's top. */
  static final double LEARNING_CPM_FACTOR = 1.25;

  static final double LEARNING_CPM_JITTER = 0.25;
  static final double LEARNING_CPM_CEILING = 1.5;

  // ---------------------------------------------------------------- pacing

  /** Meta's Marketing API reference: a day may spend up to 125 % of the daily budget. */
  static final double MAX_DAY_PACING = 1.25;

  /** Daily pacing factor range after learning, and the wider one during learning. */
  static final Range PACING = new Range(0.80, 1.20);

  static final Range LEARNING_PACING = new Range(0.75, MAX_DAY_PACING);

  /** Days a lifetime budget is spread over when no end time is known. */
  static final int LIFETIME_DAYS_WITHOUT_END = 30;

  // ---------------------------------------------------------------- per-ad rates

  /** CTR (all clicks / impressions) by campaign objective. */
  static Range ctr(String objective) {
    return switch (objective == null ? "" : objective) {
      case "OUTCOME_AWARENESS" -> new Range(0.003, 0.010);
      case "OUTCOME_ENGAGEMENT" -> new Range(0.010, 0.030);
      case "OUTCOME_LEADS" -> new Range(0.007, 0.018);
      case "OUTCOME_SALES" -> new Range(0.008, 0.020);
      case "OUTCOME_APP_PROMOTION" -> new Range(0.006, 0.016);
      default -> new Range(0.009, 0.025);
    };
  }

  /** Share of all clicks that are link clicks ({@code inline_link_clicks}). */
  static final Range LINK_CLICK_SHARE = new Range(0.55, 0.80);

  /**
   * Conversions per link click for objectives with an off-site result; null when the result is an
   * on-platform action counted directly (link clicks, engagement) or there is none (awareness).
   */
  static Range cvr(String objective) {
    return switch (objective == null ? "" : objective) {
      case "OUTCOME_LEADS" -> new Range(0.05, 0.15);
      case "OUTCOME_SALES" -> new Range(0.015, 0.05);
      case "OUTCOME_APP_PROMOTION" -> new Range(0.08, 0.20);
      default -> null;
    };
  }

  /** Average purchase value in USD, drawn per ad set (sales only). */
  static final Range ORDER_VALUE_USD = new Range(40, 120);

  // ---------------------------------------------------------------- reach & frequency

  /** Frequency of an ad's first delivery day. */
  static final Range FIRST_DAY_FREQUENCY = new Range(1.00, 1.30);

  /** Daily frequency grows by this much for every earlier day the ad delivered. */
  static final double FREQUENCY_GROWTH_PER_DAY = 0.03;

  /** Over several days, this share of the people an ad reached on its other days are new. */
  static final double NEW_PEOPLE_OTHER_DAYS = 0.35;

  /** Across ads, this share of the people reached by the other ads are not in the largest one. */
  static final double NEW_PEOPLE_OTHER_ADS = 0.85;

  // ---------------------------------------------------------------- learning

  static final int LEARNING_EVENTS = 50;
  static final int LEARNING_DAYS = 7;

  /** What counts as an optimisation event for the ad set's goal. */
  enum Event {
    IMPRESSIONS,
    LINK_CLICKS,
    CLICKS,
    CONVERSIONS
  }

  static Event event(String optimizationGoal, String objective) {
    String g = optimizationGoal == null ? "" : optimizationGoal;
    return switch (g) {
      case "REACH", "IMPRESSIONS", "AD_RECALL_LIFT" -> Event.IMPRESSIONS;
      case "LINK_CLICKS", "LANDING_PAGE_VIEWS" -> Event.LINK_CLICKS;
      case "THRUPLAY", "POST_ENGAGEMENT", "PAGE_LIKES", "ENGAGED_USERS", "EVENT_RESPONSES" -> Event.CLICKS;
      case "LEAD_GENERATION", "QUALITY_LEAD", "CONVERSATIONS", "OFFSITE_CONVERSIONS", "VALUE", "APP_INSTALLS" ->
          cvr(objective) != null ? Event.CONVERSIONS : Event.LINK_CLICKS;
      default ->
          switch (objective == null ? "" : objective) {
            case "OUTCOME_AWARENESS" -> Event.IMPRESSIONS;
            case "OUTCOME_ENGAGEMENT" -> Event.CLICKS;
            case "OUTCOME_TRAFFIC" -> Event.LINK_CLICKS;
            default -> cvr(objective) != null ? Event.CONVERSIONS : Event.LINK_CLICKS;
          };
    };
  }

  // ---------------------------------------------------------------- action types

  /**
   * The action types reporting the objective's conversions (same count each, like Meta's
   * overlapping roll-ups); the first is "the" result. Empty when the objective has none.
   */
  static List<String> conversionActions(String objective) {
    return switch (objective == null ? "" : objective) {
      case "OUTCOME_SALES" -> List.of("offsite_conversion.fb_pixel_purchase", "omni_purchase", "purchase");
      case "OUTCOME_LEADS" -> List.of("lead", "offsite_conversion.fb_pixel_lead");
      case "OUTCOME_APP_PROMOTION" -> List.of("mobile_app_install", "omni_app_install");
      default -> List.of();
    };
  }

  /** The action type of the objective's result: what a "conversion" is for it. */
  static String resultAction(String objective) {
    return switch (objective == null ? "" : objective) {
      case "OUTCOME_SALES", "OUTCOME_LEADS", "OUTCOME_APP_PROMOTION" -> conversionActions(objective).get(0);
      case "OUTCOME_ENGAGEMENT" -> "post_engagement";
      case "OUTCOME_AWARENESS" -> "reach";
      default -> "link_click";
    };
  }
}
