package com.aigency.shared.meta;

/**
 * What a failed Meta call means for the caller, and the error name ASL Retry/Catch matches
 * (DESIGN.md conventions). docs/meta-client.md has the table from Meta's codes.
 */
public enum MetaErrorKind {
  /** Throttled (codes 4, 17, 32, 341, 613, 80000-80014, subcode 2446079); wait, then retry. */
  RATE_LIMITED("Meta.RateLimited"),
  /** The user token is expired, revoked or invalid (190, 102, 2500); the user must reconnect. */
  TOKEN_INVALID("Meta.TokenInvalid"),
  /** The token lacks a permission or the object is not reachable (10, 200-299, 368). */
  PERMISSION("Meta.PermissionDenied"),
  /** The request is wrong (100 and validation subcodes); fix the input, do not retry. */
  INVALID_PARAMETER("Meta.InvalidParameter"),
  /** Meta or the network failed (1, 2, HTTP 5xx, is_transient, I/O); retry later. */
  TRANSIENT("Meta.Transient"),
  /** Anything else. */
  UNKNOWN("Meta.Failed");

  private final String errorName;

  MetaErrorKind(String errorName) {
    this.errorName = errorName;
  }

  /** The error name ASL matches, e.g. {@code Meta.RateLimited}. */
  public String errorName() {
    return errorName;
  }

  /** Whether retrying the same request later can succeed. */
  public boolean retryable() {
    return this == RATE_LIMITED || this == TRANSIENT;
  }
}
