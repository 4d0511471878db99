package com.aigency.local.runtime;

/**
 * A function's invocation failed, described as Lambda describes it ({@code errorType}, {@code
 * errorMessage}), so callers such as the Step Functions engine can match on the error name.
 */
public final class FunctionError extends RuntimeException {
  private final String errorType;

  public FunctionError(String errorType, String message, Throwable cause) {
    super(message, cause);
    this.errorType = errorType;
  }

  public String errorType() {
    return errorType;
  }
}
