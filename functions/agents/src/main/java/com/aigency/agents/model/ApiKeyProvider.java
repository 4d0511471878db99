package com.aigency.agents.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * exception message.
 */
public final class ApiKeyProvider implements Supplier<Optional<String>> {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient secrets;
  private final String secretId;
  private final Duration ttl;
  private final Clock clock;

  private Optional<String> cached;
  private Instant expiresAt = Instant.MIN;

  public ApiKeyProvider(SecretsManagerClient secrets, String secretId, Duration ttl, Clock clock) {
    this.secrets = secrets;
    this.secretId = secretId;
    this.ttl = ttl;
    this.clock = clock;
  }

  public ApiKeyProvider(SecretsManagerClient secrets, String secretId) {
    this(secrets, secretId, DEFAULT_TTL, Clock.systemUTC());
  }

  /** The key, or empty when the secret holds none. */
  public synchronized Optional<String> apiKey() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(expiresAt)) {
      cached = parse(secrets.getSecretValue(r -> r.secretId(secretId)).secretString());
      expiresAt = now.plus(ttl);
    }
    return cached;
  }

  @Override
  public Optional<String> get() {
    return apiKey();
  }

  static Optional<String> parse(String secretString) {
    if (secretString == null || secretString.isBlank()) {
      return Optional.empty();
    }
    String value = secretString.strip();
    if (!value.startsWith("{")) {
      return Optional.of(value);
    }
    try {
      JsonNode key = JSON.readTree(value).path("apiKey");
      return key.isTextual() && !key.asText().isBlank()
          ? Optional.of(key.asText().strip())
          : Optional.empty();
    } catch (Exception e) {
      // Not the exception itself: its message would quote the secret.
      throw new IllegalStateException("The API key secret is neither a key nor a JSON object");
    }
  }
}
