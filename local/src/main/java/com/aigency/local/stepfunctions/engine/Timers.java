package com.aigency.local.stepfunctions.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pending timers of all executions, on the local clock. Timers are not persisted themselves:
 * they are derived from the branches' persisted instants when an execution is resumed.
 */
final class Timers {

  enum Kind {
    EXECUTION_TIMEOUT,
    WAIT,
    RETRY,
    TASK_TIMEOUT,
    HEARTBEAT
  }

  /**
   * @param branchId null for {@link Kind#EXECUTION_TIMEOUT}
   * @param generation the branch generation it was set for; a later generation ignores it
   */
  record Timer(
      Instant due, long seq, String executionArn, String branchId, Kind kind, long generation) {}

  private final ConcurrentSkipListSet<Timer> timers =
      new ConcurrentSkipListSet<>(Comparator.comparing(Timer::due).thenComparingLong(Timer::seq));
  private final AtomicLong sequence = new AtomicLong();

  Timer add(Instant due, String executionArn, String branchId, Kind kind, long generation) {
    Timer timer =
        new Timer(due, sequence.incrementAndGet(), executionArn, branchId, kind, generation);
    timers.add(timer);
    return timer;
  }

  void cancel(String executionArn, String branchId, Kind kind) {
    timers.removeIf(
        t ->
            t.executionArn().equals(executionArn)
                && branchId.equals(t.branchId())
                && t.kind() == kind);
  }

  void cancelBranch(String executionArn, String branchId) {
    timers.removeIf(t -> t.executionArn().equals(executionArn) && branchId.equals(t.branchId()));
  }

  void cancelExecution(String executionArn) {
    timers.removeIf(t -> t.executionArn().equals(executionArn));
  }

  /** Removes and returns the timers due at {@code now}, earliest first. */
  List<Timer> takeDue(Instant now) {
    List<Timer> due = new ArrayList<>();
    while (true) {
      Timer first = timers.isEmpty() ? null : timers.first();
      if (first == null || first.due().isAfter(now)) {
        return due;
      }
      // remove() tells which of two racing callers owns the timer
      if (timers.remove(first)) {
        due.add(first);
      }
    }
  }

  Optional<Instant> next() {
    try {
      return Optional.of(timers.first().due());
    } catch (java.util.NoSuchElementException e) {
      return Optional.empty();
    }
  }

  void clear() {
    timers.clear();
  }
}
