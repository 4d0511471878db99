package com.aigency.shared.http;

/**
 * A request that cannot be served, with the status and the JSON error of SPEC section 2: {@code
 * {"error": {"code", "message", "field"?}}}.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;

  public ApiException(int status, String code, String message, String field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(400, "VALIDATION_FAILED", message, field);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "NOT_FOUND", what + " not found", null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "FORBIDDEN", message, null);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "UNAUTHORIZED", message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
