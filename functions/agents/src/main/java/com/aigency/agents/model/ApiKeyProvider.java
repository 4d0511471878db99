package com.aigency.agents.model;

import com.aigency.shared.aws.CachedSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the model API key from Secrets Manager and keeps it for a TTL, so a warm Lambda makes one
 * GetSecretValue per TTL rather than one per model call, and a rotated key is picked up after at
 * most one TTL.
 *
 * <p>The secret holds either the bare key or a JSON object {@code {"apiKey": "..."}}. An empty
 * secret, {@code {}} or an object without {@code apiKey} means "no key configured": {@link
 * #apiKey()} is empty and callers use the offline model. The key is never logged nor put in an
 * exception message. The reading and caching live in {@link CachedSecret}.
 */
public final class ApiKeyProvider implements Supplier<Optional<String>> {
  public static final Duration DEFAULT_TTL = CachedSecret.DEFAULT_TTL;

  /** The JSON field holding the key when the secret is an object. */
  static final String JSON_FIELD = "apiKey";

  private final CachedSecret secret;

  public ApiKeyProvider(SecretsManagerClient secrets, String secretId, Duration ttl, Clock clock) {
    this.secret = new CachedSecret(secrets, secretId, JSON_FIELD, ttl, clock);
  }

  public ApiKeyProvider(SecretsManagerClient secrets, String secretId) {
    this(secrets, secretId, DEFAULT_TTL, Clock.systemUTC());
  }

  /** The key, or empty when the secret holds none. */
  public Optional<String> apiKey() {
    return secret.value();
  }

  @Override
  public Optional<String> get() {
    return apiKey();
  }

  static Optional<String> parse(String secretString) {
    return CachedSecret.parse(secretString, JSON_FIELD, "holding the API key");
  }

  @Override
  public String toString() {
    return "ApiKeyProvider[" + secret + "]";
  }
}
