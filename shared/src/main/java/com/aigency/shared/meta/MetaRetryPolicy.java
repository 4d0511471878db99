package com.aigency.shared.meta;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the client may wait inside one invocation before handing the wait to Step Functions.
 *
 * <p>Rate limits: when Meta's usage headers say access returns within {@code maxInlineWait}
 * (counted over all waits of one call), the client waits through its {@link Sleeper} and retries,
 * at most {@code maxRateLimitRetries} times; otherwise it throws {@link MetaErrorKind#RATE_LIMITED}
 * with {@link MetaApiException#retryAfter()} so an ASL Retry on {@code Meta.RateLimited} backs
 * off. A Lambda must not sleep for long: the default inline limit is one minute.
 *
 * <p>Transient errors: idempotent calls (GETs, absolute-value updates) are retried up to {@code
 * maxTransientRetries} times with exponential backoff from {@code transientBackoff}; calls that
 * create objects never are.
 *
 * @param maxInlineWait the most a call waits in total for rate limits before throwing
 * @param maxRateLimitRetries retries after a rate limit within one call
 * @param fallbackRateLimitWait the wait assumed when no usage header gives one
 * @param minRateLimitWait the least wait after a rate limit (headers may say 0 minutes)
 * @param maxTransientRetries retries of an idempotent call after a transient error
 * @param transientBackoff the first transient backoff; doubles per retry
 * @param requestTimeout per HTTP request
 * @param asyncPollInterval between polls of an async insights report run
 * @param asyncMaxWait the most {@link MetaInsights} waits for an async report run in total
 */
public record MetaRetryPolicy(
    Duration maxInlineWait,
    int maxRateLimitRetries,
    Duration fallbackRateLimitWait,
    Duration minRateLimitWait,
    int maxTransientRetries,
    Duration transientBackoff,
    Duration requestTimeout,
    Duration asyncPollInterval,
    Duration asyncMaxWait) {

  public static final MetaRetryPolicy DEFAULT =
      new MetaRetryPolicy(
          Duration.ofSeconds(60),
          2,
          Duration.ofMinutes(5),
          Duration.ofSeconds(1),
          2,
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          Duration.ofSeconds(5),
          Duration.ofMinutes(4));

  public MetaRetryPolicy {
    for (Duration d :
        new Duration[] {
          maxInlineWait, fallbackRateLimitWait, minRateLimitWait, transientBackoff, requestTimeout,
          asyncPollInterval, asyncMaxWait
        }) {
      Objects.requireNonNull(d, "durations must not be null");
      if (d.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
    }
    if (maxRateLimitRetries < 0 || maxTransientRetries < 0) {
      throw new IllegalArgumentException("retry counts must not be negative");
    }
    if (requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (asyncPollInterval.isZero()) {
      throw new IllegalArgumentException("asyncPollInterval must be positive");
    }
  }

  public MetaRetryPolicy withMaxInlineWait(Duration value) {
    return new MetaRetryPolicy(value, maxRateLimitRetries, fallbackRateLimitWait, minRateLimitWait,
        maxTransientRetries, transientBackoff, requestTimeout, asyncPollInterval, asyncMaxWait);
  }

  public MetaRetryPolicy withMaxRateLimitRetries(int value) {
    return new MetaRetryPolicy(maxInlineWait, value, fallbackRateLimitWait, minRateLimitWait,
        maxTransientRetries, transientBackoff, requestTimeout, asyncPollInterval, asyncMaxWait);
  }

  public MetaRetryPolicy withMaxTransientRetries(int value) {
    return new MetaRetryPolicy(maxInlineWait, maxRateLimitRetries, fallbackRateLimitWait, minRateLimitWait,
        value, transientBackoff, requestTimeout, asyncPollInterval, asyncMaxWait);
  }

  public MetaRetryPolicy withAsync(Duration pollInterval, Duration maxWait) {
    return new MetaRetryPolicy(maxInlineWait, maxRateLimitRetries, fallbackRateLimitWait, minRateLimitWait,
        maxTransientRetries, transientBackoff, requestTimeout, pollInterval, maxWait);
  }

  /** The backoff before transient retry {@code n} (1-based): base, 2 x base, 4 x base, ... */
  public Duration transientBackoff(int n) {
    return transientBackoff.multipliedBy(1L << Math.min(Math.max(n - 1, 0), 20));
  }
}
