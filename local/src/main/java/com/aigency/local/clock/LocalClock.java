package com.aigency.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clock that follows a base clock (real time by default) plus an offset that only grows.
 *
 * <p>{@link #advance(Duration)} jumps the clock forward; afterwards it keeps ticking with the base
 * clock from the advanced point. Listeners registered with {@link #onAdvance(Runnable)} run after
 * every advance, on the advancing thread, so schedulers and waiters can re-check at once instead of
 * waiting for their next poll. Time never goes backwards: schedulers rely on that.
 *
 * <p>Views created by {@link #withZone(ZoneId)} share the offset and the listeners.
 */
public final class LocalClock extends Clock {

  private static final Logger LOG = LoggerFactory.getLogger(LocalClock.class);

  /** Removes a listener registered with {@link #onAdvance(Runnable)}. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private record SharedState(AtomicLong offsetNanos, List<Runnable> listeners) {}

  private final Clock base;
  private final SharedState state;

  /** Real time (UTC) in whole milliseconds, like the production clock, no offset. */
  public LocalClock() {
    this(Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
  }

  /** Follows {@code base}; tests pass a fixed clock so that only advances move time. */
  public LocalClock(Clock base) {
    this(base, new SharedState(new AtomicLong(), new CopyOnWriteArrayList<>()));
  }

  private LocalClock(Clock base, SharedState state) {
    this.base = Objects.requireNonNull(base, "base");
    this.state = state;
  }

  @Override
  public Instant instant() {
    return base.instant().plusNanos(state.offsetNanos().get());
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public LocalClock withZone(ZoneId zone) {
    return zone.equals(getZone()) ? this : new LocalClock(base.withZone(zone), state);
  }

  /** How far this clock is ahead of its base clock. */
  public Duration offset() {
    return Duration.ofNanos(state.offsetNanos().get());
  }

  /**
   * Moves the clock forward by {@code amount} and notifies the listeners.
   *
   * @return the new current instant
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public Instant advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a LocalClock cannot go backwards: " + amount);
    }
    state.offsetNanos().addAndGet(amount.toNanos());
    notifyListeners();
    return instant();
  }

  /**
   * Moves the clock forward to {@code target}; does nothing if the clock is already there or past
   * it (time never goes backwards).
   *
   * @return the new current instant
   */
  public Instant advanceTo(Instant target) {
    Duration gap = Duration.between(instant(), target);
    return gap.isNegative() || gap.isZero() ? instant() : advance(gap);
  }

  /**
   * Registers {@code listener} to run after every advance. Listeners run on the advancing thread
   * and must be quick (signal a worker, do not do the work).
   */
  public Subscription onAdvance(Runnable listener) {
    Objects.requireNonNull(listener, "listener");
    state.listeners().add(listener);
    return () -> state.listeners().remove(listener);
  }

  private void notifyListeners() {
    for (Runnable listener : state.listeners()) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("LocalClock advance listener failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "LocalClock[" + instant() + ", offset " + offset() + "]";
  }
}
