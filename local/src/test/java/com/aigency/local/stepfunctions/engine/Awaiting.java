package com.aigency.local.stepfunctions.engine;

import java.util.function.BooleanSupplier;

/** Polls (in wall time) for something another thread does, instead of sleeping a fixed time. */
final class Awaiting {

  private Awaiting() {}

  static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + SfnHarness.WALL.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + SfnHarness.WALL);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
