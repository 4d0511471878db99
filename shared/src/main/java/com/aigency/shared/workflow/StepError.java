package com.aigency.shared.workflow;

/**
 * An error a workflow step throws for its state machine to react to. The Lambda Java runtime
 * reports a thrown exception's fully qualified class name as {@code errorType}, which Step Functions
 * matches in Retry/Catch; so each named error is a class whose qualified name is exactly the ASL
 * name, e.g. {@code Meta.RateLimited} is class {@code RateLimited} in package {@code Meta}
 * (decision 0009). The message must be safe to show: no token, no secret.
 */
public abstract class StepError extends RuntimeException {
  protected StepError(String message) {
    super(message);
  }

  /** The name ASL matches: this class's qualified name. */
  public final String errorName() {
    return getClass().getName();
  }
}
