package com.aigency.shared.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaRateLimitUsageTest {

  private static RateLimitUsage parse(Map<String, String> headers) {
    return RateLimitUsage.parse(name -> headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst());
  }

  @Test
  void businessUseCaseRegainTimeIsInMinutesPerAccount() {
    RateLimitUsage usage =
        parse(Map.of(
            "X-Business-Use-Case-Usage",
            """
            {"111": [{"type": "ads_management", "call_count": 100, "total_cputime": 20, "total_time": 30,
                      "estimated_time_to_regain_access": 3},
                     {"type": "ads_insights", "call_count": 50, "total_cputime": 10, "total_time": 10,
                      "estimated_time_to_regain_access": 7}],
             "222": [{"type": "ads_management", "call_count": 10, "total_cputime": 1, "total_time": 1,
                      "estimated_time_to_regain_access": 30}]}
            """));

    assertThat(usage.businessUseCase()).containsOnlyKeys("111", "222");
    assertThat(usage.businessUseCase().get("111")).hasSize(2);
    assertThat(usage.businessUseCase().get("111").get(0).type()).isEqualTo("ads_management");
    assertThat(usage.businessUseCase().get("111").get(0).callCount()).isEqualTo(100);
    assertThat(usage.regainAccessIn("act_111")).contains(Duration.ofMinutes(7));
    assertThat(usage.regainAccessIn("111")).contains(Duration.ofMinutes(7));
    assertThat(usage.regainAccessIn("act_222")).contains(Duration.ofMinutes(30));
    // unknown or unrelated account: the largest wait of any account
    assertThat(usage.regainAccessIn(null)).contains(Duration.ofMinutes(30));
    assertThat(usage.regainAccessIn("act_333")).contains(Duration.ofMinutes(30));
    assertThat(usage.maxUsagePercent()).isEqualTo(100);
  }

  @Test
  void adAccountUsageResetTimeIsInSecondsAndCounts() {
    RateLimitUsage usage =
        parse(Map.of(
            "x-ad-account-usage", "{\"acc_id_util_pct\": 99.5, \"reset_time_duration\": 90, \"ads_api_access_tier\": \"standard_access\"}",
            "x-business-use-case-usage", "{\"111\":[{\"type\":\"ads_management\",\"estimated_time_to_regain_access\":1}]}"));

    assertThat(usage.adAccount()).isPresent();
    assertThat(usage.adAccount().get().accessTier()).isEqualTo("standard_access");
    assertThat(usage.adAccount().get().resetIn()).isEqualTo(Duration.ofSeconds(90));
    assertThat(usage.regainAccessIn("act_111")).contains(Duration.ofSeconds(90));
    assertThat(usage.maxUsagePercent()).isEqualTo(99.5);
  }

  @Test
  void appUsageHasPercentagesButNoTime() {
    RateLimitUsage usage = parse(Map.of("X-App-Usage", "{\"call_count\": 80, \"total_cputime\": 95, \"total_time\": 12}"));

    assertThat(usage.app()).contains(new RateLimitUsage.AppUsage(80, 95, 12));
    assertThat(usage.maxUsagePercent()).isEqualTo(95);
    assertThat(usage.regainAccessIn("act_1")).isEmpty();
  }

  @Test
  void absentOrMalformedHeadersAreIgnored() {
    assertThat(RateLimitUsage.parse(name -> Optional.empty()).isEmpty()).isTrue();
    RateLimitUsage garbage =
        parse(Map.of("X-Business-Use-Case-Usage", "not json", "X-App-Usage", "[1,2]", "X-Ad-Account-Usage", ""));
    assertThat(garbage.isEmpty()).isTrue();
    assertThat(garbage.regainAccessIn("act_1")).isEmpty();
    assertThat(garbage.maxUsagePercent()).isZero();
  }

  @Test
  void zeroRegainTimeIsAZeroWait() {
    RateLimitUsage usage =
        parse(Map.of("X-Business-Use-Case-Usage", "{\"5\":[{\"type\":\"ads_management\",\"call_count\":40,\"estimated_time_to_regain_access\":0}]}"));
    assertThat(usage.regainAccessIn("act_5")).contains(Duration.ZERO);
  }
}
