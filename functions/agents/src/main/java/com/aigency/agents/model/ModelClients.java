package com.aigency.agents.model;

import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.aws.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Builds the model client a function uses, from its environment. */
public final class ModelClients {
  private ModelClients() {}

  /**
   * The OpenAI client configured by {@link OpenAiSettings#fromEnvironment()}, or empty when no API
   * key is configured: OPENAI_API_KEY_SECRET_ARN unset, or its secret empty or {@code {}}. On empty
   * the caller uses the offline model (issue 4, item 5), so a stack deployed without a key still
   * works. The first call reads the secret (one GetSecretValue, then cached for {@link
   * ApiKeyProvider#DEFAULT_TTL}), so call this once per container, at cold start.
   */
  public static Optional<ModelClient> fromEnvironment() {
    OpenAiSettings settings = OpenAiSettings.fromEnvironment();
    if (settings.apiKeySecretArn().isEmpty()) {
      return Optional.empty();
    }
    SecretsManagerClient secrets = SecretsManagerClient.builder().httpClient(AwsClients.http()).build();
    return fromSettings(settings, new ApiKeyProvider(secrets, settings.apiKeySecretArn().get()));
  }

  /** As {@link #fromEnvironment()}, with the settings and key provider given. */
  public static Optional<ModelClient> fromSettings(OpenAiSettings settings, ApiKeyProvider keys) {
    if (keys.apiKey().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new OpenAiModelClient(settings, keys));
  }
}
