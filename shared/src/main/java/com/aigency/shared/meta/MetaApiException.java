package com.aigency.shared.meta;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed Meta Graph call, classified ({@link #kind()}) and named for ASL ({@link #errorName()}).
 *
 * <p>Carries Meta's error envelope ({@code code}, {@code error_subcode}, {@code type}, {@code
 * fbtrace_id}, {@code error_user_title}, {@code error_user_msg}), the offending field of an
 * invalid-parameter error when Meta names it, and for rate limits how long to wait. The message
 * and {@link #toString()} are built by the client from Meta's answer with every access token, app
 * secret and {@code appsecret_proof} the call used removed; they name the method and path
 * template, never the full URL.
 */
public final class MetaApiException extends RuntimeException {
  private final MetaErrorKind kind;
  private final int httpStatus;
  private final Integer code;
  private final Integer subcode;
  private final String type;
  private final String fbtraceId;
  private final String userTitle;
  private final String userMessage;
  private final String field;
  private final Duration retryAfter;

  /**
   * @param httpStatus the HTTP status, 0 when no answer came (I/O error, async job outcome)
   * @param field the offending request field of an invalid-parameter error, or null
   * @param retryAfter how long to wait before retrying, or null when unknown
   */
  public MetaApiException(
      MetaErrorKind kind,
      String message,
      int httpStatus,
      Integer code,
      Integer subcode,
      String type,
      String fbtraceId,
      String userTitle,
      String userMessage,
      String field,
      Duration retryAfter) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.httpStatus = httpStatus;
    this.code = code;
    this.subcode = subcode;
    this.type = type;
    this.fbtraceId = fbtraceId;
    this.userTitle = userTitle;
    this.userMessage = userMessage;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  /** An error the client itself detected (no Meta envelope). */
  public static MetaApiException of(MetaErrorKind kind, String message) {
    return new MetaApiException(kind, message, 0, null, null, null, null, null, null, null, null);
  }

  /** The same error with a cause attached (the caller makes sure it holds no secret). */
  MetaApiException withCause(Throwable cause) {
    initCause(cause);
    return this;
  }

  public MetaErrorKind kind() {
    return kind;
  }

  /** {@code Meta.RateLimited}, {@code Meta.TokenInvalid}, ... (see {@link MetaErrorKind}). */
  public String errorName() {
    return kind.errorName();
  }

  /** The HTTP status, 0 when the call got no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Meta's {@code error.code}. */
  public Optional<Integer> code() {
    return Optional.ofNullable(code);
  }

  /** Meta's {@code error.error_subcode}. */
  public Optional<Integer> subcode() {
    return Optional.ofNullable(subcode);
  }

  /** Meta's {@code error.type}, e.g. {@code OAuthException}. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** Meta's {@code fbtrace_id}, for support requests. */
  public Optional<String> fbtraceId() {
    return Optional.ofNullable(fbtraceId);
  }

  /** Meta's {@code error_user_title}, meant for the end user. */
  public Optional<String> userTitle() {
    return Optional.ofNullable(userTitle);
  }

  /** Meta's {@code error_user_msg}, meant for the end user. */
  public Optional<String> userMessage() {
    return Optional.ofNullable(userMessage);
  }

  /** The request field an invalid-parameter error is about, e.g. {@code daily_budget}. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** For rate limits: how long Meta says to wait (from the usage headers). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean retryable() {
    return kind.retryable();
  }

  @Override
  public String toString() {
    return "MetaApiException[" + kind.errorName() + "]: " + getMessage();
  }
}
