package com.aigency.shared.aws;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A Secrets Manager secret read once per TTL, so a warm Lambda makes one GetSecretValue per TTL
 * rather than one per use, and a rotated value is picked up after at most one TTL.
 *
 * <p>The secret holds either the bare value or a JSON object with the value in {@code jsonField}
 * (e.g. {@code {"apiKey": "..."}} or {@code {"appSecret": "..."}}). An empty secret, {@code {}} or
 * an object without that field (or with a blank one) means "not configured": {@link #value()} is
 * empty. Time comes from the injected {@link Clock}.
 *
 * <p>The value is never logged, never put in an exception message and never shown by {@link
 * #toString()}. Failures of GetSecretValue itself (missing secret, no permission, network)
 * propagate as the SDK's exceptions, whose messages name the secret id, not its value.
 */
public final class CachedSecret implements Supplier<Optional<String>> {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private final SecretsManagerClient secrets;
  private final String secretId;
  private final String jsonField;
  private final Duration ttl;
  private final Clock clock;

  private Optional<String> cached;
  private Instant expiresAt = Instant.MIN;

  /**
   * @param secretId the secret's ARN or name
   * @param jsonField the field holding the value when the secret is a JSON object
   */
  public CachedSecret(
      SecretsManagerClient secrets, String secretId, String jsonField, Duration ttl, Clock clock) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.secretId = Objects.requireNonNull(secretId, "secretId");
    this.jsonField = Objects.requireNonNull(jsonField, "jsonField");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative");
    }
  }

  /** As the full constructor, with {@link #DEFAULT_TTL} and the system clock. */
  public CachedSecret(SecretsManagerClient secrets, String secretId, String jsonField) {
    this(secrets, secretId, jsonField, DEFAULT_TTL, Clock.systemUTC());
  }

  /** The value, or empty when the secret holds none; reads the secret at most once per TTL. */
  public synchronized Optional<String> value() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(expiresAt)) {
      cached = parse(secrets.getSecretValue(r -> r.secretId(secretId)).secretString(), jsonField, secretId);
      expiresAt = now.plus(ttl);
    }
    return cached;
  }

  @Override
  public Optional<String> get() {
    return value();
  }

  /** The secret's id (ARN or name), never its value. */
  public String secretId() {
    return secretId;
  }

  /**
   * Reads a secret string: a bare value, or a JSON object with the value in {@code jsonField}.
   * Blank, {@code {}} or a missing/blank field give empty.
   *
   * @param secretLabel names the secret in the error for a malformed value (never the value)
   * @throws IllegalStateException when the string starts like JSON but is not a JSON object
   */
  public static Optional<String> parse(String secretString, String jsonField, String secretLabel) {
    if (secretString == null || secretString.isBlank()) {
      return Optional.empty();
    }
    String value = secretString.strip();
    if (!value.startsWith("{")) {
      return Optional.of(value);
    }
    JsonNode field;
    try {
      field = Json.MAPPER.readTree(value).path(jsonField);
    } catch (Exception e) {
      // Not the exception itself: its message would quote the secret.
      throw new IllegalStateException(
          "The secret " + secretLabel + " is neither a bare value nor a JSON object");
    }
    return field.isTextual() && !field.asText().isBlank()
        ? Optional.of(field.asText().strip())
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "CachedSecret[" + secretId + ", field " + jsonField + ", ttl " + ttl + "]";
  }
}
