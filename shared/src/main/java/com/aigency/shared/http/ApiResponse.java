package com.aigency.shared.http;

import com.aigency.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON response of the HTTP API, or a redirect. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

  private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

  public ApiResponse {
    headers = headers == null ? JSON_HEADERS : Map.copyOf(headers);
  }

  public ApiResponse(int status, Object body) {
    this(status, body, JSON_HEADERS);
  }

  /** 302 to {@code location}; never cached, since OAuth redirects carry one-time values. */
  public static ApiResponse redirect(java.net.URI location) {
    return new ApiResponse(302, null, Map.of("Location", location.toString(), "Cache-Control", "no-store"));
  }

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, body);
  }

  public static ApiResponse created(Object body) {
    return new ApiResponse(201, body);
  }

  public static ApiResponse error(ApiException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (e.field() != null) {
      error.put("field", e.field());
    }
    return new ApiResponse(e.status(), Map.of("error", error));
  }

  public APIGatewayV2HTTPResponse toEvent() {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body == null ? "" : Json.write(body))
        .withIsBase64Encoded(false)
        .build();
  }
}
