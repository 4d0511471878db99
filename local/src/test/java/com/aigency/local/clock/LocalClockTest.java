package com.aigency.local.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalClockTest {

  private static final Instant START = Instant.parse("2025-01-06T09:30:00Z");

  @Test
  void startsAtTheBaseClockAndAdvances() {
    LocalClock clock = new LocalClock(Clock.fixed(START, ZoneOffset.UTC));

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(START.plus(Duration.ofHours(2)));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
    assertThat(clock.millis()).isEqualTo(START.plus(Duration.ofHours(2)).toEpochMilli());
    assertThat(clock.offset()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void defaultClockFollowsRealTimeAndKeepsTickingAfterAnAdvance() throws InterruptedException {
    LocalClock clock = new LocalClock();
    Instant before = Instant.now();
    assertThat(clock.instant()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));

    Instant advanced = clock.advance(Duration.ofDays(1));
    Thread.sleep(20);

    assertThat(clock.instant()).isAfter(advanced);
    assertThat(Duration.between(Instant.now(), clock.instant()))
        .isBetween(Duration.ofDays(1).minusSeconds(5), Duration.ofDays(1).plusSeconds(5));
  }

  @Test
  void neverGoesBackwards() {
    LocalClock clock = new LocalClock(Clock.fixed(START, ZoneOffset.UTC));

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.advanceTo(START.minusSeconds(60))).isEqualTo(START);
    assertThat(clock.advanceTo(START.plusSeconds(60))).isEqualTo(START.plusSeconds(60));
  }

  @Test
  void notifiesListenersAfterEachAdvanceUntilUnsubscribed() {
    LocalClock clock = new LocalClock(Clock.fixed(START, ZoneOffset.UTC));
    List<Instant> seen = new ArrayList<>();
    LocalClock.Subscription subscription = clock.onAdvance(() -> seen.add(clock.instant()));
    clock.onAdvance(
        () -> {
          throw new IllegalStateException("a failing listener does not stop the others");
        });

    clock.advance(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1));
    subscription.close();
    clock.advance(Duration.ofMinutes(1));

    assertThat(seen).containsExactly(START.plusSeconds(60), START.plusSeconds(120));
  }

  @Test
  void zoneViewsShareTheOffsetAndListeners() {
    LocalClock clock = new LocalClock(Clock.fixed(START, ZoneOffset.UTC));
    AtomicInteger advances = new AtomicInteger();
    LocalClock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));
    tokyo.onAdvance(advances::incrementAndGet);

    clock.advance(Duration.ofHours(1));

    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.instant()).isEqualTo(clock.instant());
    assertThat(advances).hasValue(1);
  }

  @Test
  void concurrentAdvancesAddUp() throws InterruptedException {
    LocalClock clock = new LocalClock(Clock.fixed(START, ZoneOffset.UTC));
    int threads = 4;
    int advancesPerThread = 1000;
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread.ofPlatform()
          .start(
              () -> {
                for (int i = 0; i < advancesPerThread; i++) {
                  clock.advance(Duration.ofSeconds(1));
                }
                done.countDown();
              });
    }
    done.await();

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(threads * advancesPerThread));
  }
}
