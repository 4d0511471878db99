package com.aigency.shared.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.aws.CachedSecret;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaSettingsTest {

  @Test
  void defaultsTheBaseUrlsAndRequiresAVersion() {
    MetaSettings s = MetaSettings.from(Map.of("META_API_VERSION", "v24.0", "META_APP_ID", "1234"), null);
    assertThat(s.graphBaseUrl()).isEqualTo("https://graph.facebook.com");
    assertThat(s.dialogBaseUrl()).isEqualTo("https://www.facebook.com");
    assertThat(s.versionedGraphUrl()).isEqualTo("https://graph.facebook.com/v24.0");
    assertThat(s.requireAppId()).isEqualTo("1234");

    assertThatThrownBy(() -> MetaSettings.from(Map.of(), null))
        .isInstanceOf(MetaConfigurationException.class)
        .hasMessageContaining("META_API_VERSION");
  }

  @Test
  void validatesTheVersionFormat() {
    for (String bad : new String[] {"24.0", "v24", "V24.0", "v24.0.1", "latest", " "}) {
      assertThatThrownBy(() -> MetaSettings.of(null, null, bad, "1", "s"))
          .as(bad)
          .isInstanceOf(MetaConfigurationException.class)
          .hasMessageContaining("v24.0");
    }
    assertThat(MetaSettings.of(null, null, "v21.0", "1", "s").apiVersion()).isEqualTo("v21.0");
    assertThat(MetaSettings.of(null, null, " v24.0 ", "1", "s").apiVersion()).isEqualTo("v24.0");
  }

  @Test
  void validatesBaseUrlsAndAppId() {
    assertThat(MetaSettings.of("https://graph.example.com/", "https://www.example.com//", "v24.0", "", null).graphBaseUrl())
        .isEqualTo("https://graph.example.com");
    assertThatThrownBy(() -> MetaSettings.of("graph.facebook.com", null, "v24.0", "1", "s"))
        .isInstanceOf(MetaConfigurationException.class).hasMessageContaining("META_GRAPH_BASE_URL");
    assertThatThrownBy(() -> MetaSettings.of("ftp://graph.example.com", null, "v24.0", "1", "s"))
        .isInstanceOf(MetaConfigurationException.class);
    assertThatThrownBy(() -> MetaSettings.of(null, "https://www.example.com?x=1", "v24.0", "1", "s"))
        .isInstanceOf(MetaConfigurationException.class).hasMessageContaining("META_DIALOG_BASE_URL");
    assertThatThrownBy(() -> MetaSettings.of(null, null, "v24.0", "app-1", "s"))
        .isInstanceOf(MetaConfigurationException.class).hasMessageContaining("META_APP_ID");
  }

  @Test
  void aMissingAppIdOrSecretIsAConfigurationErrorWhenNeeded() {
    MetaSettings s = MetaSettings.of(null, null, "v24.0", "", null);
    assertThatThrownBy(s::requireAppId).isInstanceOf(MetaConfigurationException.class).hasMessageContaining("META_APP_ID");
    assertThatThrownBy(s::requireAppSecret)
        .isInstanceOf(MetaConfigurationException.class)
        .hasMessageContaining("META_APP_SECRET_ARN");
    assertThat(new MetaConfigurationException("x").errorName()).isEqualTo("Meta.NotConfigured");

    MetaSettings blank = new MetaSettings(null, null, "v24.0", "1", () -> Optional.of(" "));
    assertThatThrownBy(blank::requireAppSecret).isInstanceOf(MetaConfigurationException.class);
    // no META_APP_SECRET_ARN: not configured, and no Secrets Manager client is built
    assertThatThrownBy(MetaSettings.from(Map.of("META_API_VERSION", "v24.0"), null)::requireAppSecret)
        .isInstanceOf(MetaConfigurationException.class);
  }

  @Test
  void theSecretIsNeverShown() {
    MetaSettings s = MetaSettings.of(null, null, "v24.0", "1234", "super-secret-value");
    assertThat(s.requireAppSecret()).isEqualTo("super-secret-value");
    assertThat(s.toString()).doesNotContain("super-secret-value").contains("appSecret=***").contains("v24.0");
  }

  @Test
  void theAppSecretIsABareValueOrAJsonObject() {
    assertThat(CachedSecret.parse("s3cr3t", "appSecret", "x")).contains("s3cr3t");
    assertThat(CachedSecret.parse("  s3cr3t \n", "appSecret", "x")).contains("s3cr3t");
    assertThat(CachedSecret.parse("{\"appSecret\": \"s3cr3t\"}", "appSecret", "x")).contains("s3cr3t");
    assertThat(CachedSecret.parse("{}", "appSecret", "x")).isEmpty();
    assertThat(CachedSecret.parse("", "appSecret", "x")).isEmpty();
    assertThat(CachedSecret.parse(null, "appSecret", "x")).isEmpty();
    assertThat(CachedSecret.parse("{\"appSecret\": \"\"}", "appSecret", "x")).isEmpty();
    assertThat(CachedSecret.parse("{\"apiKey\": \"k\"}", "appSecret", "x")).isEmpty();
    assertThat(CachedSecret.parse("{\"appSecret\": 42}", "appSecret", "x")).isEmpty();
    assertThatThrownBy(() -> CachedSecret.parse("{\"appSecret\": \"s3cr3t\"", "appSecret", "META_APP_SECRET_ARN"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("META_APP_SECRET_ARN")
        .hasMessageNotContaining("s3cr3t");
  }
}
