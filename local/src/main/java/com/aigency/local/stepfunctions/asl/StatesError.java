package com.aigency.local.stepfunctions.asl;

import java.util.Objects;

/**
 * An ASL error with its name, e.g. {@code States.TaskFailed}, {@code States.Runtime}, or a custom
 * {@code Meta.RateLimited}, and a human-readable cause. Retry and Catch match on {@link #error()}.
 */
public final class StatesError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  // The predefined names of the spec's Appendix A, plus AWS's States.Runtime/DataLimitExceeded.
  public static final String ALL = "States.ALL";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String RUNTIME = "States.Runtime";
  public static final String PERMISSIONS = "States.Permissions";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
      "States.ExceedToleratedFailureThreshold";
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";

  private final String error;
  private final String cause;

  public StatesError(String error, String cause) {
    super(error + ": " + cause);
    this.error = Objects.requireNonNull(error, "error");
    this.cause = cause == null ? "" : cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
