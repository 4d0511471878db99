package com.aigency.local.meta;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Graph API error answer: HTTP status, the {@code error} envelope fields and extra headers. */
final class GraphError extends RuntimeException {
  final int httpStatus;
  final String type;
  final int code;
  final Integer subcode;
  final boolean transientError;
  final String userTitle;
  final String userMsg;
  final Map<String, String> headers = new LinkedHashMap<>();

  GraphError(
      int httpStatus,
      String message,
      String type,
      int code,
      Integer subcode,
      boolean transientError,
      String userTitle,
      String userMsg) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.type = type;
    this.code = code;
    this.subcode = subcode;
    this.transientError = transientError;
    this.userTitle = userTitle;
    this.userMsg = userMsg;
  }

  GraphError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Code 100 "Invalid parameter" with a subcode and a user message naming the field. */
  static GraphError invalidParameter(int subcode, String userTitle, String userMsg) {
    return new GraphError(
        400, "Invalid parameter", "OAuthException", 100, subcode, false, userTitle, userMsg);
  }

  static GraphError oauth(int code, Integer subcode, String message) {
    return new GraphError(400, message, "OAuthException", code, subcode, false, null, null);
  }

  static GraphError invalidToken(String message, Integer subcode) {
    GraphError e = new GraphError(400, message, "OAuthException", 190, subcode, false, null, null);
    e.header(
        "WWW-Authenticate",
        "OAuth \"Facebook Platform\" \"invalid_token\" \"" + message.replace("\"", "'") + "\"");
    return e;
  }

  static GraphError unsupported(String method, String id) {
    return new GraphError(
        400,
        "Unsupported "
            + method.toLowerCase(java.util.Locale.ROOT)
            + " request. Object with ID '"
            + id
            + "' does not exist, cannot be loaded due to missing permissions, or does not support"
            + " this operation. Please read the Graph API documentation at"
            + " https://developers.facebook.com/docs/graph-api",
        "GraphMethodException",
        100,
        33,
        false,
        null,
        null);
  }
}
