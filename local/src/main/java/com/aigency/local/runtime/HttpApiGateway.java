package com.aigency.local.runtime;

import com.aigency.local.template.AuthorizerDef;
import com.aigency.local.template.FunctionDef;
import com.aigency.local.template.HttpApiDef;
import com.aigency.local.template.HttpApiRoute;
import com.aigency.local.template.SamTemplate;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on 127.0.0.1, built from the template's HttpApi events: payload format 2.0 events,
 * the Lambda authorizer applied as API Gateway applies it (missing identity header 401, denied
 * 403, authorizer failure 500), and the gateway's own limits and error bodies.
 */
public final class HttpApiGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);
  /** API Gateway's payload limit for HTTP APIs. */
  static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final FunctionHost functions;
  private final RouteTable routes = new RouteTable();
  private final Map<String, AuthorizerDef> authorizerByApi = new LinkedHashMap<>();
  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  public HttpApiGateway(SamTemplate template, FunctionHost functions, int port, Clock clock) throws IOException {
    this.functions = functions;
    this.clock = clock;
    for (HttpApiDef api : template.httpApis()) {
      if (api.defaultAuthorizer() != null) {
        authorizerByApi.put(api.logicalId(), api.defaultAuthorizer());
      }
    }
    for (FunctionDef function : template.functions()) {
      function.httpApiRoutes().forEach(route -> routes.add(function.logicalId(), route));
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<String> routeKeys() {
    return routes.targets().stream().map(t -> t.route().routeKey()).toList();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = exchange.getRequestURI().getRawPath();
      String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        send(exchange, 413, gatewayMessage("Request Entity Too Large"), Map.of());
        return;
      }
      var match = routes.match(method, path);
      if (match.isEmpty()) {
        send(exchange, 404, gatewayMessage("Not Found"), Map.of());
        return;
      }
      HttpApiRoute route = match.get().target().route();
      ObjectNode event = requestEvent(exchange, route, path, rawPath, match.get().pathParameters(), body);
      Optional<AuthorizerDef> authorizer =
          route.authorizerDisabled() ? Optional.empty() : Optional.ofNullable(authorizerByApi.get(route.effectiveApiLogicalId()));
      if (authorizer.isPresent()) {
        var decision = authorize(authorizer.get(), event);
        if (decision.status() != 200) {
          send(exchange, decision.status(), gatewayMessage(decision.message()), Map.of());
          return;
        }
        ((ObjectNode) event.get("requestContext")).putObject("authorizer").set("lambda", decision.context());
      }
      respond(exchange, invoke(match.get().target().functionLogicalId(), event));
    } catch (RuntimeException e) {
      LOG.error("gateway failure", e);
      send(exchange, 500, gatewayMessage("Internal Server Error"), Map.of());
    }
  }

  private record Decision(int status, String message, JsonNode context) {}

  private Decision authorize(AuthorizerDef authorizer, ObjectNode request) {
    ArrayNode identitySource = Json.MAPPER.createArrayNode();
    JsonNode headers = request.get("headers");
    for (String header : authorizer.identityHeaders()) {
      JsonNode value = headers.get(header.toLowerCase(Locale.ROOT));
      if (value == null || value.asText().isEmpty()) {
        return new Decision(401, "Unauthorized", null);
      }
      identitySource.add(value.asText());
    }
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("version", "2.0");
    event.put("type", "REQUEST");
    String routeKey = request.get("routeKey").asText();
    event.put("routeArn", "arn:aws:execute-api:" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID + ":local/$default/" + routeKey.replace(' ', '/'));
    event.set("identitySource", identitySource);
    for (String field : List.of("routeKey", "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters", "requestContext", "pathParameters")) {
      if (request.has(field)) {
        event.set(field, request.get(field));
      }
    }
    try {
      JsonNode result = Json.read(functions.invoke(authorizer.functionLogicalId(), Json.write(event)));
      if (!result.path("isAuthorized").asBoolean(false)) {
        return new Decision(403, "Forbidden", null);
      }
      return new Decision(200, null, result.path("context"));
    } catch (FunctionError e) {
      return new Decision(500, "Internal Server Error", null);
    }
  }

  private JsonNode invoke(String functionLogicalId, ObjectNode event) {
    try {
      return Json.read(functions.invoke(functionLogicalId, Json.write(event)));
    } catch (FunctionError e) {
      return null;
    }
  }

  /** Maps a payload 2.0 response; a function error becomes API Gateway's 500. */
  private void respond(HttpExchange exchange, JsonNode response) throws IOException {
    if (response == null || response.isNull()) {
      send(exchange, 500, gatewayMessage("Internal Server Error"), Map.of());
      return;
    }
    if (!response.has("statusCode")) {
      // API Gateway infers a 200 JSON response from any other value.
      send(exchange, 200, Json.write(response).getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    response.path("multiValueHeaders").fields().forEachRemaining(e -> {
      StringBuilder joined = new StringBuilder();
      e.getValue().forEach(v -> joined.append(joined.isEmpty() ? "" : ",").append(v.asText()));
      headers.put(e.getKey(), joined.toString());
    });
    String body = response.path("body").asText("");
    byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
        ? Base64.getDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
    response.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
    send(exchange, response.get("statusCode").asInt(), bytes, headers);
  }

  private ObjectNode requestEvent(
      HttpExchange exchange, HttpApiRoute route, String path, String rawPath, Map<String, String> pathParameters, byte[] body) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", route.routeKey());
    event.put("rawPath", rawPath);
    String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    event.put("rawQueryString", rawQuery);
    ObjectNode headers = event.putObject("headers");
    ArrayNode cookies = Json.MAPPER.createArrayNode();
    exchange.getRequestHeaders().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("cookie")) {
        values.forEach(v -> List.of(v.split(";\\s*")).forEach(cookies::add));
      } else {
        headers.put(lower, String.join(",", values));
      }
    });
    // as API Gateway adds them; here the client reached us over plain HTTP
    headers.put("x-forwarded-for", exchange.getRemoteAddress().getAddress().getHostAddress());
    headers.put("x-forwarded-port", String.valueOf(port()));
    headers.put("x-forwarded-proto", "http");
    if (!cookies.isEmpty()) {
      event.set("cookies", cookies);
    }
    Map<String, String> query = queryParameters(rawQuery);
    if (!query.isEmpty()) {
      ObjectNode q = event.putObject("queryStringParameters");
      query.forEach(q::put);
    }
    long now = clock.millis();
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", LocalAccount.ACCOUNT_ID);
    context.put("apiId", "local");
    context.put("domainName", "127.0.0.1:" + port());
    context.put("domainPrefix", "127");
    ObjectNode http = context.putObject("http");
    http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
    http.put("path", path);
    http.put("protocol", exchange.getProtocol());
    http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
    http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
    context.put("requestId", UUID.randomUUID().toString());
    context.put("routeKey", route.routeKey());
    context.put("stage", "$default");
    context.put("time", REQUEST_TIME.format(java.time.Instant.ofEpochMilli(now)));
    context.put("timeEpoch", now);
    if (!pathParameters.isEmpty()) {
      ObjectNode p = event.putObject("pathParameters");
      pathParameters.forEach(p::put);
    }
    if (body.length > 0) {
      boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
      event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
      event.put("isBase64Encoded", !text);
    } else {
      event.put("isBase64Encoded", false);
    }
    return event;
  }

  /** API Gateway passes JSON, XML and text bodies as text and base64-encodes everything else. */
  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("x-www-form-urlencoded");
  }

  /** Repeated parameters are joined with commas, as payload 2.0 does. */
  private static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.merge(name, value, (a, b) -> a + "," + b);
    }
    return params;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
    return bytes.length > MAX_PAYLOAD_BYTES ? null : bytes;
  }

  private static byte[] gatewayMessage(String message) {
    return ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.getResponseHeaders().set("apigw-requestid", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
