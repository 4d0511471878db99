package com.aigency.shared.meta;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Meta's rate-limit usage headers, parsed.
 *
 * <ul>
 *   <li>{@code X-Business-Use-Case-Usage}: JSON keyed by business object id (the ad account id,
 *       without {@code act_}) to an array of {@code {type, call_count, total_cputime, total_time,
 *       estimated_time_to_regain_access}}; the percentages are of the quota, the regain time is in
 *       <b>minutes</b>.
 *   <li>{@code X-Ad-Account-Usage}: {@code {acc_id_util_pct, reset_time_duration,
 *       ads_api_access_tier}}; {@code reset_time_duration} is in <b>seconds</b>.
 *   <li>{@code X-App-Usage}: {@code {call_count, total_cputime, total_time}}, percentages, no time.
 * </ul>
 *
 * Headers that are absent or not JSON are ignored: usage is advisory, never a reason to fail.
 */
public record RateLimitUsage(
    Map<String, List<BucUsage>> businessUseCase, Optional<AdAccountUsage> adAccount, Optional<AppUsage> app) {

  public static final String BUC_HEADER = "X-Business-Use-Case-Usage";
  public static final String AD_ACCOUNT_HEADER = "X-Ad-Account-Usage";
  public static final String APP_HEADER = "X-App-Usage";

  /** One Business Use Case entry; percentages of the quota, regain time in minutes. */
  public record BucUsage(
      String type, int callCount, int totalCputime, int totalTime, int estimatedTimeToRegainAccessMinutes) {
    public Duration regainAccessIn() {
      return Duration.ofMinutes(Math.max(0, estimatedTimeToRegainAccessMinutes));
    }

    public int maxPercent() {
      return Math.max(callCount, Math.max(totalCputime, totalTime));
    }
  }

  /** {@code X-Ad-Account-Usage}; reset time in seconds. */
  public record AdAccountUsage(double accIdUtilPct, long resetTimeDurationSeconds, String accessTier) {
    public Duration resetIn() {
      return Duration.ofSeconds(Math.max(0, resetTimeDurationSeconds));
    }
  }

  /** {@code X-App-Usage}, percentages. */
  public record AppUsage(int callCount, int totalCputime, int totalTime) {
    public int maxPercent() {
      return Math.max(callCount, Math.max(totalCputime, totalTime));
    }
  }

  public static final RateLimitUsage NONE = new RateLimitUsage(Map.of(), Optional.empty(), Optional.empty());

  public RateLimitUsage {
    businessUseCase = Map.copyOf(businessUseCase);
  }

  /** Parses the headers found by {@code header} (a case-insensitive lookup of the first value). */
  public static RateLimitUsage parse(Function<String, Optional<String>> header) {
    Map<String, List<BucUsage>> buc = new LinkedHashMap<>();
    json(header.apply(BUC_HEADER)).ifPresent(node -> node.fields().forEachRemaining(e -> {
      List<BucUsage> entries = new ArrayList<>();
      JsonNode list = e.getValue().isArray() ? e.getValue() : Json.MAPPER.createArrayNode().add(e.getValue());
      for (JsonNode u : list) {
        if (u.isObject()) {
          entries.add(
              new BucUsage(
                  u.path("type").asText(""),
                  u.path("call_count").asInt(0),
                  u.path("total_cputime").asInt(0),
                  u.path("total_time").asInt(0),
                  u.path("estimated_time_to_regain_access").asInt(0)));
        }
      }
      buc.put(stripAct(e.getKey()), List.copyOf(entries));
    }));
    Optional<AdAccountUsage> account =
        json(header.apply(AD_ACCOUNT_HEADER))
            .map(n -> new AdAccountUsage(
                n.path("acc_id_util_pct").asDouble(0),
                n.path("reset_time_duration").asLong(0),
                n.path("ads_api_access_tier").asText(null)));
    Optional<AppUsage> app =
        json(header.apply(APP_HEADER))
            .map(n -> new AppUsage(
                n.path("call_count").asInt(0), n.path("total_cputime").asInt(0), n.path("total_time").asInt(0)));
    return new RateLimitUsage(buc, account, app);
  }

  /**
   * How long until access returns for {@code adAccountId} ({@code act_} prefix optional): the
   * largest regain time among that account's Business Use Case entries, or among all entries when
   * the account is unknown or absent from the header, and the ad-account reset time. Empty when no
   * header gives a time.
   */
  public Optional<Duration> regainAccessIn(String adAccountId) {
    Duration wait = null;
    List<BucUsage> relevant = new ArrayList<>();
    String key = adAccountId == null ? null : stripAct(adAccountId);
    if (key != null && businessUseCase.containsKey(key)) {
      relevant.addAll(businessUseCase.get(key));
    } else {
      businessUseCase.values().forEach(relevant::addAll);
    }
    for (BucUsage u : relevant) {
      wait = max(wait, u.regainAccessIn());
    }
    if (adAccount.isPresent() && adAccount.get().resetTimeDurationSeconds() > 0) {
      wait = max(wait, adAccount.get().resetIn());
    }
    return Optional.ofNullable(wait);
  }

  /** Highest usage percentage any header reports (0 when none). */
  public double maxUsagePercent() {
    double max = 0;
    for (List<BucUsage> list : businessUseCase.values()) {
      for (BucUsage u : list) {
        max = Math.max(max, u.maxPercent());
      }
    }
    if (adAccount.isPresent()) {
      max = Math.max(max, adAccount.get().accIdUtilPct());
    }
    if (app.isPresent()) {
      max = Math.max(max, app.get().maxPercent());
    }
    return max;
  }

  public boolean isEmpty() {
    return businessUseCase.isEmpty() && adAccount.isEmpty() && app.isEmpty();
  }

  private static Duration max(Duration a, Duration b) {
    return a == null || b.compareTo(a) > 0 ? b : a;
  }

  static String stripAct(String id) {
    return id.startsWith("act_") ? id.substring(4) : id;
  }

  private static Optional<JsonNode> json(Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(value.get());
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
