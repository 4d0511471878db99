package com.aigency.shared.campaigns.plan;

import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.ProjectedResults;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plan can honestly be expected to do in a month, computed in code from its daily budget and
 * the {@link Benchmarks} of its objective, never by a model. Exact decimal arithmetic; every
 * count is rounded down, every cost per result outward (low down, high up):
 *
 * <pre>
 * spend            = floor(dailyBudget x 30.4)
 * impressions low  = floor(spend x 1000 / CPM high)      high = floor(spend x 1000 / CPM low)
 * results low      = floor(spend x 1000 / CPM high x CTR low  x conversion low)
 * results high     = floor(spend x 1000 / CPM low  x CTR high x conversion high)
 * cost/result low  = floor(spend / results high)          high = ceil(spend / results low)
 * </pre>
 *
 * with conversion = 1 for traffic (the link click is the result), CPM converted from USD at the
 * currency's planning rate, and a cost per result of the whole spend when no result is expected.
 */
public final class Projections {
  private static final MathContext MATH = MathContext.DECIMAL128;
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Projections() {}

  public static ProjectedResults project(CampaignStructure structure) {
    String currency = structure.currency();
    Benchmarks b = Benchmarks.of(structure.objective());
    long spend = PlanLimits.monthlySpend(structure.dailyBudget());
    BigDecimal spendMinor = BigDecimal.valueOf(spend);
    BigDecimal cpmLow = PlanningCurrencies.usdToMinor(b.cpmUsdLow(), currency);
    BigDecimal cpmHigh = PlanningCurrencies.usdToMinor(b.cpmUsdHigh(), currency);

    BigDecimal impressionsLow = spendMinor.multiply(THOUSAND).divide(cpmHigh, MATH);
    BigDecimal impressionsHigh = spendMinor.multiply(THOUSAND).divide(cpmLow, MATH);
    BigDecimal resultsLow = impressionsLow.multiply(b.ctrLow()).multiply(b.conversionLow().orElse(BigDecimal.ONE));
    BigDecimal resultsHigh = impressionsHigh.multiply(b.ctrHigh()).multiply(b.conversionHigh().orElse(BigDecimal.ONE));
    long rLow = floor(resultsLow);
    long rHigh = floor(resultsHigh);
    long costLow = rHigh > 0 ? spend / rHigh : spend;
    long costHigh = rLow > 0 ? ceilDiv(spend, rLow) : spend;

    List<String> assumptions = new ArrayList<>();
    assumptions.add("Spend: " + MoneyText.format(structure.dailyBudget(), currency) + " a day, "
        + MoneyText.format(spend, currency) + " over an average month of 30.4 days. Meta may spend up to 25% more than the "
        + "daily budget on a single day, but over a week it spends no more than the daily budget on average.");
    assumptions.add("Cost per 1,000 impressions: " + money(cpmLow, currency) + " to " + money(cpmHigh, currency) + ", the usual range for "
        + objectiveWords(b) + " (USD " + plain(b.cpmUsdLow()) + " to " + plain(b.cpmUsdHigh()) + (currency.equals("USD") ? ")."
        : ", converted at a fixed planning rate of " + plain(PlanningCurrencies.perUsd(currency).orElseThrow()) + " " + currency
            + " per USD, not today's market rate)."));
    assumptions.add("Click-through: " + percent(b.ctrLow()) + " to " + percent(b.ctrHigh())
        + " of the people who see an ad click through to the website.");
    if (b.conversionLow().isPresent()) {
      assumptions.add("Conversion: " + percent(b.conversionLow().get()) + " to " + percent(b.conversionHigh().orElseThrow())
          + " of those visitors " + b.conversionWords() + "; this depends most on the website, the price and the offer.");
    } else {
      assumptions.add("Each link click to the website counts as one result.");
    }
    assumptions.add("The low end assumes every figure at its worst at once and the high end every figure at its best; real results "
        + "usually land in between. The first week or so is Meta's learning phase, when results usually cost more.");
    if (rLow == 0) {
      assumptions.add("At the low end there may be no " + b.resultName() + " at all in the first month.");
    }
    assumptions.add("These are industry benchmarks, not a promise: nobody can guarantee what ads will achieve.");
    return new ProjectedResults(spend, floor(impressionsLow), floor(impressionsHigh), rLow, rHigh, b.resultName(), costLow, costHigh,
        assumptions);
  }

  private static String objectiveWords(Benchmarks b) {
    return switch (b.objective()) {
      case OUTCOME_TRAFFIC -> "traffic campaigns";
      case OUTCOME_LEADS -> "lead campaigns";
      case OUTCOME_SALES -> "sales campaigns";
      case OUTCOME_APP_PROMOTION -> "app promotion campaigns";
    };
  }

  private static long floor(BigDecimal value) {
    return value.setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static String money(BigDecimal minor, String currency) {
    return MoneyText.format(minor.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String percent(BigDecimal fraction) {
    return plain(fraction.movePointRight(2)) + "%";
  }
}
