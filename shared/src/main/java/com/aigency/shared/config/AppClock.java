package com.aigency.shared.config;

import java.time.Clock;
import java.time.Duration;

/** The production clock: UTC, ticking in whole milliseconds so stored timestamps stay short. */
public final class AppClock {
  private AppClock() {}

  public static Clock system() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }
}
