package com.aigency.local.stepfunctions.engine;

/** The status of an execution, with AWS's names. */
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED;

  public boolean terminal() {
    return this != RUNNING;
  }
}
