package com.aigency.shared.http;

import com.aigency.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** An HTTP API request (payload format 2.0) with the caller's resolved identity. */
public final class ApiRequest {
  /** Largest JSON body any route accepts; larger bodies are refused before parsing. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Strict: a second JSON value after the object is an error, not something to ignore. */
  private static final ObjectReader BODY_READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final APIGatewayV2HTTPEvent event;
  private final AuthContext auth;

  private ApiRequest(APIGatewayV2HTTPEvent event, AuthContext auth) {
    this.event = event;
    this.auth = auth;
  }

  public static ApiRequest from(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    var authorizer = context == null ? null : context.getAuthorizer();
    AuthContext auth =
        Optional.ofNullable(authorizer)
            .map(a -> a.getLambda())
            .flatMap(AuthContext::fromLambdaContext)
            .orElseThrow(() -> ApiException.unauthorized("Missing or invalid credentials"));
    return new ApiRequest(event, auth);
  }

  public AuthContext auth() {
    return auth;
  }

  public String tenantId() {
    return auth.tenantId();
  }

  public String pathParameter(String name) {
    Map<String, String> params = event.getPathParameters();
    String value = params == null ? null : params.get(name);
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(name, "Path parameter '" + name + "' is required");
    }
    return value;
  }

  public Optional<String> queryParameter(String name) {
    Map<String, String> params = event.getQueryStringParameters();
    return Optional.ofNullable(params == null ? null : params.get(name)).filter(s -> !s.isEmpty());
  }

  /** The page a list route was asked for ({@code ?limit=&nextToken=}). */
  public com.aigency.shared.store.PageRequest page() {
    return com.aigency.shared.store.PageRequest.parse(queryParameter("limit"), queryParameter("nextToken"));
  }

  /** This API's public URL for {@code path}, as the caller reached it. */
  public java.net.URI publicUrl(String path) {
    return PublicUrls.of(event, path);
  }

  public Optional<String> header(String name) {
    return Headers.find(event.getHeaders(), name);
  }

  /** The body as a JSON object; refuses empty, oversized and malformed bodies with a clear error. */
  public JsonNode jsonBody() {
    String raw = event.getBody();
    if (raw == null || raw.isBlank()) {
      throw ApiException.invalid("body", "A JSON object body is required");
    }
    byte[] bytes = decode(raw, event.getIsBase64Encoded());
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ApiException(
          413,
          "PAYLOAD_TOO_LARGE",
          "Body is " + bytes.length + " bytes; the limit is " + MAX_BODY_BYTES,
          "body");
    }
    try {
      JsonNode node = BODY_READER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw ApiException.invalid("body", "Body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw ApiException.invalid(
          "body",
          at == null
              ? "Body is not valid JSON or exceeds a parser limit"
              : "Body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    } catch (java.io.IOException e) {
      throw ApiException.invalid("body", "Body could not be read");
    }
  }

  private static byte[] decode(String raw, boolean base64) {
    if (!base64) {
      return raw.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("body", "Body is marked base64 but is not valid base64");
    }
  }
}
