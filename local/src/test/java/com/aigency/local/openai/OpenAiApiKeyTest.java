package com.aigency.local.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aigency.agents.model.ApiKeyProvider;
import com.aigency.agents.model.ModelClients;
import com.aigency.agents.model.OpenAiSettings;
import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.AwsJsonService;
import com.aigency.local.aws.secretsmanager.LocalSecretsManager;
import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.agents.ModelException;
import com.aigency.shared.aws.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The API key comes from (local) Secrets Manager, is cached, and never leaks. */
class OpenAiApiKeyTest {
  static final String KEY = "sk-local-secret-9f8e7d6c5b4a";

  OpenAiCompatibleServer openAi;
  LocalSecretsManager secretsManager;
  AwsJsonServer aws;
  SecretsManagerClient secrets;
  final AtomicInteger getSecretValueCalls = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    openAi = OpenAiCompatibleServer.start(0);
    secretsManager = new LocalSecretsManager(Clock.systemUTC(), null);
    aws = AwsJsonServer.start(0).register(new Counting(secretsManager, getSecretValueCalls));
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
    secrets.close();
    aws.close();
    openAi.close();
  }

  OpenAiSettings settings(String secretArn, int maxRetries) {
    return new OpenAiSettings(openAi.baseUrl(), "gpt-4o-mini", Duration.ofSeconds(5), maxRetries, Optional.of(secretArn));
  }

  @Test
  void keyIsReadOnceAndCachedAcrossCalls() throws Exception {
    String arn = secretsManager.createSecret("aigency/openai", "{\"apiKey\":\"" + KEY + "\"}");
    for (int i = 0; i < 3; i++) {
      openAi.replyJson("{\"question\":\"q" + i + "\"}", 5, 1);
    }

    ModelClient client =
        ModelClients.fromSettings(settings(arn, 0), new ApiKeyProvider(secrets, arn)).orElseThrow();
    for (int i = 0; i < 3; i++) {
      assertThat(client.complete(OpenAiModelClientTest.request()).output().path("question").asText())
          .isEqualTo("q" + i);
    }

    assertThat(getSecretValueCalls.get()).isEqualTo(1);
    assertThat(openAi.requests())
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + KEY));
  }

  @Test
  void keyIsReadAgainAfterItsTtl() {
    String arn = secretsManager.createSecret("aigency/openai", KEY);
    var clock = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    Clock ticking =
        new Clock() {
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          public java.time.Instant instant() {
            return clock.get();
          }
        };
    ApiKeyProvider keys = new ApiKeyProvider(secrets, arn, Duration.ofMinutes(5), ticking);

    assertThat(keys.apiKey()).contains(KEY);
    clock.set(clock.get().plus(Duration.ofMinutes(4)));
    assertThat(keys.apiKey()).contains(KEY);
    assertThat(getSecretValueCalls.get()).isEqualTo(1);

    secretsManager.upsertSecretString("aigency/openai", "sk-rotated");
    clock.set(clock.get().plus(Duration.ofMinutes(2)));
    assertThat(keys.apiKey()).contains("sk-rotated");
    assertThat(getSecretValueCalls.get()).isEqualTo(2);
  }

  @Test
  void emptySecretMeansNoClientAndNoModelRequest() {
    String arn = secretsManager.createSecret("aigency/openai", "{}");

    assertThat(ModelClients.fromSettings(settings(arn, 0), new ApiKeyProvider(secrets, arn))).isEmpty();
    assertThat(openAi.requestCount()).isZero();
  }

  @Test
  void unreadableSecretMeansModelUnavailableAndNoModelRequest() {
    var client =
        new com.aigency.agents.model.OpenAiModelClient(
            settings("aigency/missing", 0), new ApiKeyProvider(secrets, "aigency/missing"));

    ModelException failure =
        catchThrowableOfType(ModelException.class, () -> client.complete(OpenAiModelClientTest.request()));

    assertThat(failure.errorName()).isEqualTo("Agent.ModelUnavailable");
    assertThat(openAi.requestCount()).isZero();
  }

  @Test
  void keyNeverAppearsInExceptionsOrLogs() throws Exception {
    String arn = secretsManager.createSecret("aigency/openai", "{\"apiKey\":\"" + KEY + "\"}");
    ModelClient client = ModelClients.fromSettings(settings(arn, 0), new ApiKeyProvider(secrets, arn)).orElseThrow();
    openAi.unauthorized().serverError().replyContent("not json").rateLimited(Duration.ofMillis(50));

    StringWriter logs = new StringWriter();
    StringWriter traces = new StringWriter();
    try (var capture = LogCapture.attach(logs)) {
      for (int i = 0; i < 4; i++) {
        ModelException failure =
            catchThrowableOfType(ModelException.class, () -> client.complete(OpenAiModelClientTest.request()));
        failure.printStackTrace(new PrintWriter(traces, true));
        traces.append(failure.errorName()).append('\n');
      }
    }

    assertThat(traces.toString())
        .contains("Agent.Unauthorized", "Agent.ModelUnavailable", "Agent.InvalidOutput", "Agent.RateLimited")
        .doesNotContain(KEY);
    assertThat(logs.toString()).contains("Agent.Unauthorized").doesNotContain(KEY);
  }

  /** Counts GetSecretValue calls on the way to the local Secrets Manager. */
  record Counting(LocalSecretsManager delegate, AtomicInteger getSecretValueCalls) implements AwsJsonService {
    @Override
    public String targetPrefix() {
      return delegate.targetPrefix();
    }

    @Override
    public JsonNode handle(String operation, JsonNode request) {
      if ("GetSecretValue".equals(operation)) {
        getSecretValueCalls.incrementAndGet();
      }
      return delegate.handle(operation, request);
    }
  }

  /** Adds a writer appender to the logger config the model client logs through, for one test. */
  record LogCapture(LoggerConfig config, String name) implements AutoCloseable {
    static LogCapture attach(StringWriter target) {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      LoggerConfig config =
          context.getConfiguration().getLoggerConfig(com.aigency.agents.model.OpenAiModelClient.class.getName());
      String name = "capture-" + System.nanoTime();
      WriterAppender appender =
          WriterAppender.createAppender(
              PatternLayout.newBuilder().withPattern("%level %logger %msg %throwable%n").build(),
              null,
              target,
              name,
              false,
              true);
      appender.start();
      config.addAppender(appender, null, null);
      context.updateLoggers();
      return new LogCapture(config, name);
    }

    @Override
    public void close() {
      config.removeAppender(name);
      ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }
  }
}
