package com.aigency.local.metaclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.AwsJsonService;
import com.aigency.local.aws.secretsmanager.LocalSecretsManager;
import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.MetaConfigurationException;
import com.aigency.shared.meta.MetaGraph;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.meta.MetaRetryPolicy;
import com.aigency.shared.meta.MetaSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** META_APP_SECRET_ARN: the app secret comes from (local) Secrets Manager, read once, never shown. */
class MetaAppSecretFromSecretsManagerTest {
  MetaHarness h;
  LocalSecretsManager secretsManager;
  AwsJsonServer aws;
  SecretsManagerClient secrets;
  final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    h = new MetaHarness();
    secretsManager = new LocalSecretsManager(Clock.systemUTC(), null);
    aws = AwsJsonServer.start(0).register(new Counting(secretsManager, reads));
    secrets =
        SecretsManagerClient.builder()
            .endpointOverride(URI.create(aws.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(AwsClients.http())
            .build();
  }

  @AfterEach
  void stop() {
    try {
      h.assertNoSecretLeaked();
    } finally {
      secrets.close();
      aws.close();
      h.close();
    }
  }

  MetaOAuth oauthWith(String secretArn) {
    MetaSettings settings =
        MetaSettings.from(
            Map.of(
                "META_GRAPH_BASE_URL", h.sim.baseUrl(),
                "META_DIALOG_BASE_URL", h.sim.baseUrl(),
                "META_API_VERSION", "v24.0",
                "META_APP_ID", MetaHarness.APP_ID,
                "META_APP_SECRET_ARN", secretArn),
            secrets);
    assertThat(settings.toString()).doesNotContain(MetaHarness.APP_SECRET);
    return new MetaOAuth(new MetaGraph(settings, MetaGraph.defaultHttpClient(), h.clock, d -> h.clock.advance(d), MetaRetryPolicy.DEFAULT));
  }

  @Test
  void aJsonSecretSignsEveryCallAndIsReadOnce() throws Exception {
    String arn = secretsManager.createSecret("aigency/meta-app", "{\"appSecret\":\"" + MetaHarness.APP_SECRET + "\"}");
    MetaOAuth oauth = oauthWith(arn);

    String code = h.dialogCode("s");
    AccessToken token = oauth.exchangeForLongLived(oauth.exchangeCode(code, MetaHarness.REDIRECT));
    h.remember(token);
    assertThat(oauth.me(token).name()).isEqualTo("Sim User");
    assertThat(oauth.adAccounts(token)).hasSize(2);

    assertThat(reads.get()).isEqualTo(1);
  }

  @Test
  void aBareSecretWorksToo() throws Exception {
    String arn = secretsManager.createSecret("aigency/meta-app", MetaHarness.APP_SECRET);
    AccessToken token = oauthWith(arn).exchangeCode(h.dialogCode("s"), MetaHarness.REDIRECT);
    h.remember(token);
    assertThat(oauthWith(arn).me(token).id()).isNotBlank();
  }

  @Test
  void anEmptySecretIsAConfigurationError() throws Exception {
    String arn = secretsManager.createSecret("aigency/meta-app", "{}");
    MetaOAuth oauth = oauthWith(arn);
    String code = h.dialogCode("s");

    MetaConfigurationException failure =
        catchThrowableOfType(MetaConfigurationException.class, () -> oauth.exchangeCode(code, MetaHarness.REDIRECT));

    assertThat(failure).hasMessageContaining("META_APP_SECRET_ARN");
    assertThat(failure.errorName()).isEqualTo("Meta.NotConfigured");
    assertThat(h.logs.toString()).doesNotContain("/oauth/access_token");
  }

  /** Counts GetSecretValue calls on the way to the local Secrets Manager. */
  record Counting(LocalSecretsManager delegate, AtomicInteger reads) implements AwsJsonService {
    @Override
    public String targetPrefix() {
      return delegate.targetPrefix();
    }

    @Override
    public JsonNode handle(String operation, JsonNode request) {
      if ("GetSecretValue".equals(operation)) {
        reads.incrementAndGet();
      }
      return delegate.handle(operation, request);
    }
  }
}
