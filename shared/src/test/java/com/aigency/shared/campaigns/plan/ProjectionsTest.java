package com.aigency.shared.campaigns.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.ProjectedResults;
import org.junit.jupiter.api.Test;

class ProjectionsTest {

  private static CampaignStructure plan(Objective objective, long daily, String currency) {
    CampaignStructure s = Fixtures.validStructure();
    return new CampaignStructure(s.name(), objective, daily, currency, s.adSets());
  }

  @Test
  void salesInEurosFromTheBenchmarkRanges() {
    ProjectedResults p = Projections.project(plan(Objective.OUTCOME_SALES, 4_900, "EUR"));

    // spend = floor(4900 x 30.4) = 148,960 cents; CPM EUR 9.20-23.00 (USD 10-25 at 0.92)
    assertThat(p.monthlySpend()).isEqualTo(148_960);
    assertThat(p.impressionsLow()).isEqualTo(64_765); // 148,960,000 / 2,300
    assertThat(p.impressionsHigh()).isEqualTo(161_913); // 148,960,000 / 920
    assertThat(p.resultsLow()).isEqualTo(4); // 64,765.2 x 0.45% x 1.5% = 4.37
    assertThat(p.resultsHigh()).isEqualTo(129); // 161,913.0 x 1.6% x 5% = 129.5
    assertThat(p.resultName()).isEqualTo("purchases");
    assertThat(p.costPerResultLow()).isEqualTo(1_154); // floor(148,960 / 129)
    assertThat(p.costPerResultHigh()).isEqualTo(37_240); // ceil(148,960 / 4)
    assertThat(p.assumptions())
        .anySatisfy(a -> assertThat(a).contains("EUR 49.00 a day", "EUR 1,489.60", "30.4 days"))
        .anySatisfy(a -> assertThat(a).contains("EUR 9.20 to EUR 23.00", "USD 10 to 25", "0.92 EUR per USD"))
        .anySatisfy(a -> assertThat(a).contains("0.45% to 1.6%"))
        .anySatisfy(a -> assertThat(a).contains("1.5% to 5%", "end in a purchase"))
        .anySatisfy(a -> assertThat(a).contains("not a promise"));
  }

  @Test
  void trafficInYenCountsLinkClicksAndConvertsTheCpm() {
    ProjectedResults p = Projections.project(plan(Objective.OUTCOME_TRAFFIC, 3_000, "JPY"));

    assertThat(p.monthlySpend()).isEqualTo(91_200);
    assertThat(p.impressionsLow()).isEqualTo(50_666); // 91,200,000 / 1,800 (USD 12 x 150)
    assertThat(p.impressionsHigh()).isEqualTo(121_600); // 91,200,000 / 750 (USD 5 x 150)
    assertThat(p.resultsLow()).isEqualTo(253); // x 0.5%
    assertThat(p.resultsHigh()).isEqualTo(2_432); // x 2%
    assertThat(p.resultName()).isEqualTo("link clicks");
    assertThat(p.costPerResultLow()).isEqualTo(37);
    assertThat(p.costPerResultHigh()).isEqualTo(361);
    assertThat(p.assumptions())
        .anySatisfy(a -> assertThat(a).contains("JPY 750 to JPY 1,800", "150 JPY per USD"))
        .anySatisfy(a -> assertThat(a).contains("Each link click"))
        .noneSatisfy(a -> assertThat(a).contains("Conversion:"));
  }

  @Test
  void dollarsNeedNoConversionNote() {
    ProjectedResults p = Projections.project(plan(Objective.OUTCOME_APP_PROMOTION, 2_000, "USD"));
    assertThat(p.resultName()).isEqualTo("app installs");
    assertThat(p.assumptions()).anySatisfy(a -> assertThat(a).contains("USD 6.00 to USD 15.00", "(USD 6 to 15)."));
    assertThat(p.assumptions()).noneSatisfy(a -> assertThat(a).contains("planning rate"));
    assertThat(p.resultsLow()).isLessThan(p.resultsHigh());
    assertThat(p.costPerResultLow()).isLessThan(p.costPerResultHigh());
  }

  @Test
  void aBudgetTooSmallForAnyResultSaysSoInsteadOfDividingByZero() {
    ProjectedResults p = Projections.project(plan(Objective.OUTCOME_LEADS, 100, "USD"));
    // USD 30.40 a month: 1,520-3,800 impressions, 0.3-8 leads
    assertThat(p.resultsLow()).isZero();
    assertThat(p.resultsHigh()).isEqualTo(7);
    assertThat(p.costPerResultHigh()).isEqualTo(p.monthlySpend());
    assertThat(p.assumptions()).anySatisfy(a -> assertThat(a).contains("may be no leads at all"));
  }

  @Test
  void rangesGrowWithTheBudgetAndNeverInvert() {
    long previousHigh = -1;
    for (long daily : new long[] {100, 1_000, 5_000, 50_000}) {
      for (Objective objective : Objective.values()) {
        ProjectedResults p = Projections.project(plan(objective, daily, "EUR"));
        assertThat(p.impressionsLow()).isLessThanOrEqualTo(p.impressionsHigh());
        assertThat(p.resultsLow()).isLessThanOrEqualTo(p.resultsHigh());
        assertThat(p.costPerResultLow()).isLessThanOrEqualTo(p.costPerResultHigh());
      }
      long high = Projections.project(plan(Objective.OUTCOME_SALES, daily, "EUR")).resultsHigh();
      assertThat(high).isGreaterThanOrEqualTo(previousHigh);
      previousHigh = high;
    }
  }
}
