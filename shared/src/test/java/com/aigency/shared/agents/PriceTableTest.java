package com.aigency.shared.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriceTableTest {
  private final PriceTable prices = PriceTable.defaults();

  @Test
  void costIsTokensTimesPricePerMillionRoundedUpToAWholeMicroDollar() {
    // gpt-4o-mini: 150,000 micros per 1M input, 600,000 per 1M output
    assertThat(prices.costMicros("gpt-4o-mini", 1_000_000, 0)).isEqualTo(150_000);
    assertThat(prices.costMicros("gpt-4o-mini", 0, 1_000_000)).isEqualTo(600_000);
    assertThat(prices.costMicros("gpt-4o-mini", 1_000, 500)).isEqualTo(150 + 300);
    // 1 input token = 0.15 micros: charged as 1, never 0
    assertThat(prices.costMicros("gpt-4o-mini", 1, 0)).isEqualTo(1);
    assertThat(prices.costMicros("gpt-4o-mini", 0, 0)).isZero();
  }

  @Test
  void worstCaseChargesTheWholeOutputAllowance() {
    assertThat(prices.worstCaseMicros("gpt-4o-mini", 2_000, 1_000)).isEqualTo(300 + 600);
  }

  @Test
  void theOfflineModelIsFree() {
    assertThat(prices.costMicros("offline", 123_456, 654_321)).isZero();
  }

  @Test
  void configurationAddsAndOverridesModels() {
    PriceTable configured =
        PriceTable.fromConfig(
            "{\"gpt-4o-mini\":{\"inputPerMillion\":1000000,\"outputPerMillion\":2000000},"
                + "\"my-model\":{\"inputPerMillion\":3,\"outputPerMillion\":7}}");
    assertThat(configured.costMicros("gpt-4o-mini", 10, 10)).isEqualTo(30);
    assertThat(configured.costMicros("my-model", 1_000_000, 1_000_000)).isEqualTo(10);
    assertThat(configured.knows("offline")).isTrue();
    assertThat(PriceTable.fromConfig(null).knows("gpt-4o-mini")).isTrue();
  }

  @Test
  void anUnknownModelIsAClearError() {
    assertThatThrownBy(() -> prices.costMicros("gpt-9", 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No price configured for model 'gpt-9'")
        .hasMessageContaining("AGENT_PRICES");
  }

  @Test
  void malformedConfigurationIsRefused() {
    assertThatThrownBy(() -> PriceTable.fromConfig("not json")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> PriceTable.fromConfig("{\"m\":{\"inputPerMillion\":1.5,\"outputPerMillion\":1}}"))
        .hasMessageContaining("whole-number");
    assertThatThrownBy(() -> PriceTable.fromConfig("{\"m\":{\"inputPerMillion\":-1,\"outputPerMillion\":1}}"))
        .hasMessageContaining("negative");
  }
}
