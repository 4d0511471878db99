package com.aigency.shared.campaigns.plan;

import com.aigency.shared.campaigns.Objective;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Typical Facebook/Instagram ranges per objective that projections are computed from (see
 * docs/agents-planning.md). CPM is in US dollars and converted at {@link PlanningCurrencies}' fixed
 * planning rates; rates are fractions (0.012 is 1.2%). They are the same ranges the local Meta
 * simulator delivers from, so a local run lands inside its own projection.
 *
 * @param resultName what one result is, plural ("purchases")
 * @param ctrLow link click-through rate: link clicks per impression
 * @param conversionLow results per link click; empty when the link click is the result (traffic)
 * @param conversionWords what converting means, for the assumptions ("end in a purchase")
 */
public record Benchmarks(
    Objective objective,
    String resultName,
    BigDecimal cpmUsdLow,
    BigDecimal cpmUsdHigh,
    BigDecimal ctrLow,
    BigDecimal ctrHigh,
    Optional<BigDecimal> conversionLow,
    Optional<BigDecimal> conversionHigh,
    String conversionWords) {

  public static Benchmarks of(Objective objective) {
    return switch (objective) {
      case OUTCOME_TRAFFIC -> new Benchmarks(objective, "link clicks", d("5"), d("12"), d("0.005"), d("0.020"),
          Optional.empty(), Optional.empty(), "");
      case OUTCOME_LEADS -> new Benchmarks(objective, "leads", d("8"), d("20"), d("0.004"), d("0.014"),
          Optional.of(d("0.05")), Optional.of(d("0.15")), "leave their details (become a lead)");
      case OUTCOME_SALES -> new Benchmarks(objective, "purchases", d("10"), d("25"), d("0.0045"), d("0.016"),
          Optional.of(d("0.015")), Optional.of(d("0.05")), "end in a purchase");
      case OUTCOME_APP_PROMOTION -> new Benchmarks(objective, "app installs", d("6"), d("15"), d("0.0035"), d("0.013"),
          Optional.of(d("0.08")), Optional.of(d("0.20")), "install the app");
    };
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }
}
