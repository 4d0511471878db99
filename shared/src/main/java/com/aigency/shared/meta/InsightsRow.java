package com.aigency.shared.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One row of Meta insights.
 *
 * @param accountId the ad account id without {@code act_}
 * @param campaignId null at account level
 * @param adSetId null above ad set level
 * @param adId null above ad level
 * @param dateStart first day the row covers (account time zone)
 * @param dateStop last day the row covers, inclusive
 * @param frequency null when not requested or not reported
 * @param spend exact, in the account currency (Meta reports a major-unit decimal string); null only
 *     when neither the row nor the account told the currency
 * @param ctr percent, as Meta reports it; null when absent
 * @param cpm per mille, in major units of the account currency; null when absent
 * @param actions by {@code action_type}
 * @param breakdowns the breakdown values of the row (e.g. {@code age -> 25-34}); empty without
 * @param raw the row as Meta returned it, for fields not mapped here
 */
public record InsightsRow(
    String accountId,
    String campaignId,
    String adSetId,
    String adId,
    LocalDate dateStart,
    LocalDate dateStop,
    long impressions,
    long reach,
    BigDecimal frequency,
    Money spend,
    long clicks,
    BigDecimal ctr,
    BigDecimal cpm,
    Map<String, ActionValue> actions,
    Map<String, String> breakdowns,
    JsonNode raw) {

  public InsightsRow {
    actions = Map.copyOf(actions);
    breakdowns = Map.copyOf(breakdowns);
  }

  /**
   * An action count or value.
   *
   * @param value Meta's {@code value} (the default attribution)
   * @param byWindow per requested attribution window, e.g. {@code 7d_click -> 3}
   */
  public record ActionValue(BigDecimal value, Map<String, BigDecimal> byWindow) {
    public ActionValue {
      byWindow = Map.copyOf(byWindow);
    }
  }

  /** The value of {@code actionType} (e.g. {@code link_click}), zero when absent. */
  public BigDecimal action(String actionType) {
    ActionValue v = actions.get(actionType);
    return v == null ? BigDecimal.ZERO : v.value();
  }
}
