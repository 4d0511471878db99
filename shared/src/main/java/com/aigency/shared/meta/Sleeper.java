package com.aigency.shared.meta;

import java.time.Duration;

/**
 * How the client waits between attempts and polls. Production sleeps the thread; tests advance a
 * clock instead, so a rate-limit wait of minutes takes no real time.
 */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep(Duration)}. */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration);
      }
    };
  }
}
