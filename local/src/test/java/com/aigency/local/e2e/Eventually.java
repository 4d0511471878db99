package com.aigency.local.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls until an asynchronous effect shows, or fails with the last value seen. */
public final class Eventually {
  private Eventually() {}

  public static <T> T eventually(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    T last = probe.call();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not reached within " + timeout + "; last value: " + last);
      }
      Thread.sleep(100);
      last = probe.call();
    }
    return last;
  }
}
