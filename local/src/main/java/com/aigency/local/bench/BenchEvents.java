package com.aigency.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the sample events of {@code events/<Function>/} into events that succeed against a live
 * local stack: the sample's placeholder tenant, key, API key and path-parameter ids are replaced,
 * wherever they occur (path, path parameters, body, authorizer context, headers, identity source),
 * by the ids of a tenant, project and conversation the benchmark created. Pure, so it is
 * unit-tested.
 */
public final class BenchEvents {
  private BenchEvents() {}

  /**
   * The real ids the prepared events carry: the benchmark's tenant, its key (id, plaintext, scopes
   * space-separated) and a real value for each path parameter the samples use ({@code id} for the
   * project, {@code cid} for a conversation, ...).
   */
  public record RealIds(String tenantId, String keyId, String apiKey, String scopes, Map<String, String> pathParameters) {
    public RealIds {
      pathParameters = Map.copyOf(pathParameters);
    }
  }

  /**
   * Picks the sample a benchmark run uses: by file name, preferring one in which no operator acts
   * for a client (the benchmark's key is a plain app key).
   */
  public static Path chooseSample(List<Path> files, Function<Path, JsonNode> read) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No sample events");
    }
    List<Path> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return sorted.stream()
        .filter(p -> header(read.apply(p), "x-client-id").isEmpty())
        .findFirst()
        .orElse(sorted.get(0));
  }

  /** A copy of {@code sample} with every placeholder id replaced by the real one. */
  public static JsonNode prepare(JsonNode sample, RealIds real) {
    Map<String, String> replacements = new LinkedHashMap<>();
    JsonNode lambdaContext = sample.path("requestContext").path("authorizer").path("lambda");
    put(replacements, lambdaContext.path("tenantId").asText(""), real.tenantId());
    put(replacements, lambdaContext.path("keyId").asText(""), real.keyId());
    for (Map.Entry<String, JsonNode> parameter : sample.path("pathParameters").properties()) {
      String value = real.pathParameters().get(parameter.getKey());
      if (value == null) {
        throw new IllegalArgumentException("No real value for the path parameter '" + parameter.getKey()
            + "' of this sample; the benchmark knows " + real.pathParameters().keySet());
      }
      put(replacements, parameter.getValue().asText(""), value);
    }
    header(sample, "x-api-key").ifPresent(key -> put(replacements, key, real.apiKey()));
    for (JsonNode identity : sample.path("identitySource")) {
      if (identity.isTextual() && identity.asText().startsWith("agk_")) {
        put(replacements, identity.asText(), real.apiKey());
      }
    }
    header(sample, "x-client-id").ifPresent(client -> put(replacements, client, real.tenantId()));

    JsonNode prepared = replaceText(sample.deepCopy(), replacements);
    if (prepared.path("requestContext").path("authorizer").path("lambda") instanceof ObjectNode context) {
      // what the authorizer would have answered for the benchmark's own key
      context.put("tenantId", real.tenantId());
      context.put("keyId", real.keyId());
      context.put("scopes", real.scopes());
      context.put("operatorTenantId", "");
    }
    return prepared;
  }

  /**
   * The event for one run: a fresh {@code Idempotency-Key}, if the sample has one, so a later run
   * is never answered from an earlier run's stored response.
   */
  public static JsonNode forRun(JsonNode prepared, String idempotencyKey) {
    JsonNode copy = prepared.deepCopy();
    if (copy.path("headers") instanceof ObjectNode headers) {
      List<String> matches =
          headers.properties().stream()
              .map(Map.Entry::getKey)
              .filter(n -> n.equalsIgnoreCase("idempotency-key"))
              .toList();
      matches.forEach(n -> headers.put(n, idempotencyKey));
    }
    return copy;
  }

  /**
   * The HTTP request an API Gateway HTTP API event stands for, for warming the local stack up
   * through its HTTP API; empty for events that are not routes (an authorizer's).
   */
  public record HttpCall(String method, String pathAndQuery, String body) {}

  public static Optional<HttpCall> httpCall(JsonNode event) {
    String method = event.path("requestContext").path("http").path("method").asText("");
    String path = event.path("rawPath").asText("");
    if (method.isEmpty() || path.isEmpty() || event.path("type").asText("").equals("REQUEST")) {
      return Optional.empty();
    }
    String query = event.path("rawQueryString").asText("");
    String body = event.path("body").isTextual() ? event.path("body").asText() : null;
    if (body != null && event.path("isBase64Encoded").asBoolean(false)) {
      body = new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8);
    }
    return Optional.of(new HttpCall(method, query.isEmpty() ? path : path + "?" + query, body));
  }

  static Optional<String> header(JsonNode event, String name) {
    for (Map.Entry<String, JsonNode> field : event.path("headers").properties()) {
      if (field.getKey().equalsIgnoreCase(name) && field.getValue().isTextual()) {
        return Optional.of(field.getValue().asText());
      }
    }
    return Optional.empty();
  }

  private static void put(Map<String, String> replacements, String placeholder, String real) {
    if (!placeholder.isBlank() && real != null && !placeholder.equals(real)) {
      replacements.put(placeholder, real);
    }
  }

  private static JsonNode replaceText(JsonNode node, Map<String, String> replacements) {
    if (node.isTextual()) {
      String text = node.asText();
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        text = text.replace(r.getKey(), r.getValue());
      }
      return TextNode.valueOf(text);
    }
    if (node instanceof ObjectNode object) {
      List<String> names = object.properties().stream().map(Map.Entry::getKey).toList();
      for (String name : names) {
        object.set(name, replaceText(object.get(name), replacements));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replaceText(array.get(i), replacements));
      }
    }
    return node;
  }
}
