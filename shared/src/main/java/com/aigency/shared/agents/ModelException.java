package com.aigency.shared.agents;

/**
 * A failed model call with a name ASL Retry/Catch can match, e.g. "Agent.RateLimited",
 * "Agent.ModelUnavailable", "Agent.Timeout", "Agent.InvalidOutput".
 */
public class ModelException extends RuntimeException {
  private final String errorName;

  public ModelException(String errorName, String message, Throwable cause) {
    super(message, cause);
    this.errorName = errorName;
  }

  public String errorName() {
    return errorName;
  }
}
