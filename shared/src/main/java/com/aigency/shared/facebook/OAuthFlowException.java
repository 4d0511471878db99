package com.aigency.shared.facebook;

/** The OAuth callback could not complete; carries the failure the app is redirected with. */
public final class OAuthFlowException extends RuntimeException {
  private final OAuthFailure failure;

  public OAuthFlowException(OAuthFailure failure, String detail) {
    super(failure + ": " + detail);
    this.failure = failure;
  }

  public OAuthFailure failure() {
    return failure;
  }
}
