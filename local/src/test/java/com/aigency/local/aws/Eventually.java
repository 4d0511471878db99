package com.aigency.local.aws;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for asynchronous outcomes instead of sleeping a fixed time. */
public final class Eventually {

  /** Generous, because a busy 2-core machine can stall threads for seconds. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private Eventually() {}

  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
