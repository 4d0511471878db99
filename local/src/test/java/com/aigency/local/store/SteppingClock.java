package com.aigency.local.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves forward by a fixed step every time it is read, so creation order is certain. */
final class SteppingClock extends Clock {
  private final AtomicLong millis;
  private final long stepMillis;

  SteppingClock(Instant start, Duration step) {
    this.millis = new AtomicLong(start.toEpochMilli());
    this.stepMillis = step.toMillis();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.getAndAdd(stepMillis));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
