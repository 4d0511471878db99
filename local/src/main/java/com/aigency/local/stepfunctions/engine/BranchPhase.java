package com.aigency.local.stepfunctions.engine;

/**
 * Where a branch of control stands inside its current state: the persisted program counter that
 * lets an execution resume after a restart exactly where it was.
 */
enum BranchPhase {
  /** About to enter the state (record its Entered event). */
  ENTERING,
  /** Entered; the state's work starts (again, after a retry backoff). */
  STARTING,
  /** A Task's resource is being invoked; re-invoked after a restart (at-least-once). */
  INVOKING,
  /** A callback Task waits for SendTaskSuccess/SendTaskFailure. */
  AWAITING_TOKEN,
  /** A {@code .sync} Task waits for its child execution to end. */
  AWAITING_CHILD_EXECUTION,
  /** A Parallel or Map state waits for its branches or iterations. */
  AWAITING_BRANCHES,
  /** A Wait state waits until {@code wakeAt}. */
  WAITING,
  /** A retrier's interval runs until {@code wakeAt}. */
  RETRY_BACKOFF,
  /** The state's work ended with {@code outcome}; apply it (results, Retry, Catch). */
  OUTCOME_READY,
  SUCCEEDED,
  FAILED,
  ABORTED;

  boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == ABORTED;
  }
}
