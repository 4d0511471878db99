package com.aigency.local.e2e;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the local API, as a frontend or curl would call it. */
final class LocalHttp {
  record Response(int status, JsonNode body, String raw) {}

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  LocalHttp(String base) {
    this.base = base;
  }

  Response send(String method, String path, String apiKey, String body) throws Exception {
    return send(method, path, apiKey, null, body);
  }

  Response send(String method, String path, String apiKey, String clientId, String body) throws Exception {
    return send(method, path, apiKey, clientId, body, null);
  }

  Response send(String method, String path, String apiKey, String clientId, String body, String idempotencyKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    if (clientId != null) {
      request.header("X-Client-Id", clientId);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String raw = response.body();
    JsonNode json = raw.isBlank() ? null : Json.read(raw);
    return new Response(response.statusCode(), json, raw);
  }
}
