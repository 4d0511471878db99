package com.aigency.shared.workflow;

import com.aigency.shared.meta.MetaApiException;

/** A Meta client error as the named step error ASL Retry/Catch matches. */
public final class MetaStepErrors {
  private MetaStepErrors() {}

  public static StepError of(MetaApiException e) {
    String message = e.getMessage();
    return switch (e.kind()) {
      case RATE_LIMITED -> new Meta.RateLimited(message);
      case TOKEN_INVALID -> new Meta.TokenInvalid(message);
      case PERMISSION -> new Meta.PermissionDenied(message);
      case INVALID_PARAMETER -> new Meta.InvalidParameter(message);
      case TRANSIENT -> new Meta.Transient(message);
      case UNKNOWN -> new Meta.Failed(message);
    };
  }
}
