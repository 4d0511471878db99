package com.aigency.agents.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the model endpoint, read from the function's environment.
 *
 * @param baseUrl any OpenAI-compatible endpoint, e.g. {@code https://api.openai.com/v1}
 * @param model the default model, used when a request names none
 * @param timeout the limit for one HTTP attempt (retries get a fresh one each)
 * @param maxRetries how many times the SDK retries 408/409/429/5xx and I/O failures
 * @param apiKeySecretArn the Secrets Manager secret holding the API key; empty means offline
 */
public record OpenAiSettings(
    String baseUrl,
    String model,
    Duration timeout,
    int maxRetries,
    Optional<String> apiKeySecretArn) {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_MODEL = "gpt-4o-mini";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_RETRIES = 2;

  public OpenAiSettings {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("baseUrl is required");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is required");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0");
    }
    apiKeySecretArn = apiKeySecretArn == null ? Optional.empty() : apiKeySecretArn;
  }

  /** Reads OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_TIMEOUT_SECONDS, OPENAI_MAX_RETRIES and OPENAI_API_KEY_SECRET_ARN. */
  public static OpenAiSettings fromEnvironment(Map<String, String> env) {
    return new OpenAiSettings(
        value(env, "OPENAI_BASE_URL").orElse(DEFAULT_BASE_URL),
        value(env, "OPENAI_MODEL").orElse(DEFAULT_MODEL),
        value(env, "OPENAI_TIMEOUT_SECONDS")
            .map(seconds -> Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000)))
            .orElse(DEFAULT_TIMEOUT),
        value(env, "OPENAI_MAX_RETRIES").map(Integer::parseInt).orElse(DEFAULT_MAX_RETRIES),
        value(env, "OPENAI_API_KEY_SECRET_ARN"));
  }

  public static OpenAiSettings fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
