package com.aigency.shared.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.json.Json;
import com.aigency.shared.meta.InsightsQuery.Execution;
import com.aigency.shared.meta.InsightsQuery.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaInsightsQueryTest {
  static final LocalDate D1 = LocalDate.of(2026, 1, 1);

  @Test
  void buildsMetasParameters() {
    var q =
        InsightsQuery.between(Level.CAMPAIGN, D1, LocalDate.of(2026, 1, 7))
            .daily()
            .withAttributionWindows(List.of("7d_click", "1d_view"))
            .withBreakdowns(List.of("age", "gender"));
    var p = q.params();
    assertThat(p).containsEntry("level", "campaign")
        .containsEntry("time_range", "{\"since\":\"2026-01-01\",\"until\":\"2026-01-07\"}")
        .containsEntry("time_increment", "1")
        .containsEntry("action_attribution_windows", "[\"7d_click\",\"1d_view\"]")
        .containsEntry("breakdowns", "age,gender")
        .doesNotContainKey("date_preset");
    assertThat(p.get("fields").split(","))
        .startsWith("account_id", "campaign_id", "account_currency")
        .contains("impressions", "reach", "frequency", "spend", "clicks", "ctr", "cpm", "actions");

    var preset = InsightsQuery.preset(Level.AD, "last_7d").withFields(List.of("spend", "impressions"));
    assertThat(preset.params()).containsEntry("date_preset", "last_7d").containsEntry("time_increment", "all_days")
        .containsEntry("fields", "account_id,campaign_id,adset_id,ad_id,account_currency,spend,impressions")
        .doesNotContainKeys("time_range", "breakdowns", "action_attribution_windows");
  }

  @Test
  void validates() {
    assertThatThrownBy(() -> new InsightsQuery(Level.AD, "last_7d", new InsightsQuery.DateRange(D1, D1), null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InsightsQuery(Level.AD, null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InsightsQuery.preset(Level.AD, "last_week")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InsightsQuery.between(Level.AD, D1, D1.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InsightsQuery.preset(Level.AD, "today").withFields(List.of("spend&x=1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void goesAsyncForLargeAdAndAdSetQueries() {
    assertThat(InsightsQuery.between(Level.AD, D1, D1.plusDays(30)).runsAsync()).isFalse(); // 31 days
    assertThat(InsightsQuery.between(Level.AD, D1, D1.plusDays(31)).runsAsync()).isTrue(); // 32 days
    assertThat(InsightsQuery.between(Level.ADSET, D1, D1.plusDays(60)).runsAsync()).isTrue();
    assertThat(InsightsQuery.between(Level.CAMPAIGN, D1, D1.plusDays(365)).runsAsync()).isFalse();
    assertThat(InsightsQuery.preset(Level.AD, "maximum").runsAsync()).isTrue();
    assertThat(InsightsQuery.preset(Level.AD, "last_90d").runsAsync()).isTrue();
    assertThat(InsightsQuery.preset(Level.AD, "last_7d").runsAsync()).isFalse();
    assertThat(InsightsQuery.preset(Level.AD, "last_14d").withBreakdowns(List.of("age")).runsAsync()).isTrue();
    assertThat(InsightsQuery.preset(Level.ACCOUNT, "today").withExecution(Execution.ASYNC).runsAsync()).isTrue();
    assertThat(InsightsQuery.preset(Level.AD, "maximum").withExecution(Execution.SYNC).runsAsync()).isFalse();
  }

  @Test
  void mapsARowWithExactSpend() {
    var row =
        Json.read(
            """
            {"account_id": "111", "campaign_id": "222", "adset_id": "333", "ad_id": "444",
             "account_currency": "EUR", "impressions": "12034", "reach": "9001", "frequency": "1.336963",
             "spend": "12.34", "clicks": "181", "ctr": "1.504072", "cpm": "1.025428",
             "actions": [{"action_type": "link_click", "value": "170", "7d_click": "160", "1d_view": "10"},
                         {"action_type": "purchase", "value": "3"}],
             "age": "25-34",
             "date_start": "2026-01-01", "date_stop": "2026-01-07"}
            """);
    var q = InsightsQuery.preset(Level.AD, "last_7d").withBreakdowns(List.of("age"));
    InsightsRow r = MetaInsights.row(row, "EUR", q);
    assertThat(r.accountId()).isEqualTo("111");
    assertThat(r.adId()).isEqualTo("444");
    assertThat(r.adSetId()).isEqualTo("333");
    assertThat(r.campaignId()).isEqualTo("222");
    assertThat(r.impressions()).isEqualTo(12034);
    assertThat(r.reach()).isEqualTo(9001);
    assertThat(r.clicks()).isEqualTo(181);
    assertThat(r.spend()).isEqualTo(new Money(1234, "EUR"));
    assertThat(r.frequency()).isEqualByComparingTo("1.336963");
    assertThat(r.ctr()).isEqualByComparingTo("1.504072");
    assertThat(r.cpm()).isEqualByComparingTo("1.025428");
    assertThat(r.action("link_click")).isEqualByComparingTo("170");
    assertThat(r.actions().get("link_click").byWindow()).containsEntry("7d_click", new BigDecimal("160"));
    assertThat(r.action("purchase")).isEqualByComparingTo("3");
    assertThat(r.action("lead")).isEqualByComparingTo("0");
    assertThat(r.breakdowns()).containsEntry("age", "25-34");
    assertThat(r.dateStart()).isEqualTo(D1);
    assertThat(r.dateStop()).isEqualTo(LocalDate.of(2026, 1, 7));
  }

  @Test
  void spendIsInMinorUnitsOfTheAccountCurrency() {
    assertThat(MetaInsights.spend(Json.read("{\"spend\":\"1523\"}"), "JPY")).isEqualTo(new Money(1523, "JPY"));
    assertThat(MetaInsights.spend(Json.read("{\"spend\":\"0.07\"}"), "USD")).isEqualTo(new Money(7, "USD"));
    assertThat(MetaInsights.spend(Json.read("{\"spend\":\"1200.50\"}"), "HUF")).isEqualTo(new Money(120050, "HUF"));
    assertThat(MetaInsights.spend(Json.read("{}"), "EUR")).isEqualTo(Money.zero("EUR"));
    // finer than a cent: rounded half-up rather than failing the whole read
    assertThat(MetaInsights.spend(Json.read("{\"spend\":\"0.005\"}"), "EUR")).isEqualTo(new Money(1, "EUR"));
    // absent metrics are zero counts and unknown ratios
    InsightsRow empty = MetaInsights.row(Json.read("{\"date_start\":\"2026-01-01\",\"date_stop\":\"2026-01-01\"}"), "EUR",
        InsightsQuery.preset(Level.ACCOUNT, "today"));
    assertThat(empty.impressions()).isZero();
    assertThat(empty.ctr()).isNull();
    assertThat(empty.actions()).isEmpty();
  }
}
