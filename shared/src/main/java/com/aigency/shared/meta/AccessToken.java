package com.aigency.shared.meta;

import java.time.Instant;
import java.util.Objects;

/**
 * A Meta user access token and when it expires ({@code null} when Meta did not say).
 *
 * <p>{@link #toString()} never shows the value: records print their components by default, and a
 * token in a log line or an exception message is a leaked credential.
 */
public record AccessToken(String value, Instant expiresAt) {
  public AccessToken {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("An access token must not be blank");
    }
  }

  /** A token without a known expiry. */
  public static AccessToken of(String value) {
    return new AccessToken(value, null);
  }

  /** True when the expiry is known and {@code now} is at or past it. */
  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken[value=***, expiresAt=" + expiresAt + "]";
  }
}
