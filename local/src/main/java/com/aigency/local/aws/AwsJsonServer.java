package com.aigency.local.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP endpoint on 127.0.0.1 for every local service on the AWS JSON protocol (1.0 and 1.1):
 * POST / with {@code X-Amz-Target: <prefix>.<Operation>}, dispatched to the registered {@link
 * AwsJsonService} with that prefix. SigV4 signatures are accepted unchecked: this is a local,
 * loopback-only development server.
 */
public final class AwsJsonServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AwsJsonServer.class);
  private static final String DEFAULT_JSON_VERSION = "1.1";

  private final HttpServer http;
  private final ExecutorService executor;
  private final Map<String, AwsJsonService> services = new ConcurrentHashMap<>();

  private AwsJsonServer(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  /** Starts a server on 127.0.0.1:{@code port}; port 0 picks a free one (see {@link #port()}). */
  public static AwsJsonServer start(int port) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    AwsJsonServer server = new AwsJsonServer(http, executor);
    http.createContext("/", server::handle);
    http.setExecutor(executor);
    http.start();
    return server;
  }

  /**
   * Serves {@code service} under its target prefix (a trailing dot is ignored).
   *
   * @throws IllegalStateException if another service already has that prefix
   */
  public AwsJsonServer register(AwsJsonService service) {
    String prefix = stripDot(service.targetPrefix());
    AwsJsonService previous = services.putIfAbsent(prefix, service);
    if (previous != null && previous != service) {
      throw new IllegalStateException("a service is already registered for " + prefix);
    }
    return this;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}, for {@code endpointOverride} and AWS_ENDPOINT_URL_*. */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** Stops serving; the services' own resources are closed by their owners. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      byte[] bytes = body.readAllBytes();
      String requestId = UUID.randomUUID().toString();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      AwsJsonService service = target == null ? null : services.get(prefixOf(target));
      String jsonVersion = service != null ? service.jsonVersion() : requestedJsonVersion(exchange);
      try {
        if (!"POST".equals(exchange.getRequestMethod()) || service == null) {
          throw AwsJsonException.unknownOperation(target == null ? "(no X-Amz-Target)" : target);
        }
        JsonNode response = service.handle(operationOf(target), parse(bytes));
        send(exchange, 200, jsonVersion, requestId, response);
      } catch (AwsJsonException e) {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", e.errorCode());
        send(
            exchange,
            e.httpStatus(),
            jsonVersion,
            requestId,
            errorBody(e.errorCode(), e.getMessage()));
      } catch (RuntimeException e) {
        LOG.error("local AWS service failed on {}", target, e);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalFailure");
        send(
            exchange, 500, jsonVersion, requestId, errorBody("InternalFailure", String.valueOf(e)));
      }
    }
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return AwsJson.object();
    }
    try {
      JsonNode request = AwsJson.MAPPER.readTree(bytes);
      if (request == null || !request.isObject()) {
        throw AwsJson.serialization("The request body must be a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw AwsJson.serialization("The request body is not valid JSON");
    } catch (IOException e) {
      throw AwsJson.serialization("The request body cannot be read");
    }
  }

  private static ObjectNode errorBody(String code, String message) {
    ObjectNode error = AwsJson.object().put("__type", code);
    if (message != null) {
      error.put("message", message);
    }
    return error;
  }

  private static void send(
      HttpExchange exchange, int status, String jsonVersion, String requestId, JsonNode body)
      throws IOException {
    byte[] bytes = AwsJson.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-" + jsonVersion);
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  // Unknown target: answer in the JSON version the client spoke.
  private static String requestedJsonVersion(HttpExchange exchange) {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    String marker = "application/x-amz-json-";
    if (contentType != null && contentType.startsWith(marker)) {
      return contentType.substring(marker.length()).split(";", 2)[0].trim();
    }
    return DEFAULT_JSON_VERSION;
  }

  private static String prefixOf(String target) {
    int dot = target.lastIndexOf('.');
    return dot < 0 ? target : target.substring(0, dot);
  }

  private static String operationOf(String target) {
    int dot = target.lastIndexOf('.');
    return dot < 0 ? "" : target.substring(dot + 1);
  }

  private static String stripDot(String prefix) {
    return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  @Override
  public String toString() {
    return "AwsJsonServer[" + endpoint() + ", " + services.keySet() + "]";
  }
}
