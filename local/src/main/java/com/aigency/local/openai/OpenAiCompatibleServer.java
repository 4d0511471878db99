package com.aigency.local.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible HTTP endpoint for tests: {@code POST /v1/chat/completions} answers from a
 * script of replies the test queues, shaped like OpenAI's own (chat.completion objects, error
 * bodies, {@code retry-after} and {@code x-ratelimit-*} headers), so the real SDK client is tested
 * rather than a mock of it. Every request is logged for assertions ("zero requests").
 *
 * <p>Point a client at {@link #baseUrl()}. With the script empty it answers 500 with {@code
 * x-should-retry: false}, so a test that forgot a reply fails fast instead of retrying.
 */
public final class OpenAiCompatibleServer implements AutoCloseable {
  public static final String COMPLETIONS_PATH = "/v1/chat/completions";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Deque<ScriptedReply> script = new ArrayDeque<>();
  private final List<RecordedRequest> requests = new ArrayList<>();

  private OpenAiCompatibleServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on 127.0.0.1; port 0 picks a free port. */
  public static OpenAiCompatibleServer start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    // One thread per request: a delayed reply must not hold up the client's retry.
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    OpenAiCompatibleServer openAi = new OpenAiCompatibleServer(server, executor);
    server.createContext("/", openAi::handle);
    server.setExecutor(executor);
    server.start();
    return openAi;
  }

  /** The SDK's base URL, e.g. {@code http://127.0.0.1:51234/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  // ---- the script

  public OpenAiCompatibleServer enqueue(ScriptedReply reply) {
    synchronized (this) {
      script.addLast(reply);
    }
    return this;
  }

  /** A structured reply: the message content is {@code json}. */
  public OpenAiCompatibleServer replyJson(String json, long promptTokens, long completionTokens) {
    return enqueue(new ScriptedReply.Completion(json, promptTokens, completionTokens));
  }

  /** Raw message content, e.g. malformed JSON. */
  public OpenAiCompatibleServer replyContent(String content) {
    return enqueue(new ScriptedReply.Completion(content, 10, 5));
  }

  /** 429 as OpenAI sends it: {@code retry-after} (seconds, fractional allowed) and {@code x-ratelimit-*}. */
  public OpenAiCompatibleServer rateLimited(Duration retryAfter) {
    String seconds = Double.toString(retryAfter.toMillis() / 1000.0);
    return enqueue(
        new ScriptedReply.Error(
            429,
            Map.of(
                "retry-after", seconds,
                "x-ratelimit-limit-requests", "500",
                "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", seconds + "s",
                "x-ratelimit-limit-tokens", "30000",
                "x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-tokens", seconds + "s"),
            "Rate limit reached for requests. Please try again in " + seconds + "s.",
            "requests",
            "rate_limit_exceeded"));
  }

  public OpenAiCompatibleServer serverError() {
    return enqueue(
        new ScriptedReply.Error(
            500, Map.of(), "The server had an error while processing your request.", "server_error", null));
  }

  /** 401 as OpenAI words it (its message quotes the key masked, so this one quotes nothing). */
  public OpenAiCompatibleServer unauthorized() {
    return enqueue(
        new ScriptedReply.Error(
            401, Map.of(), "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
  }

  /** Waits {@code delay} before answering with {@code then}. */
  public OpenAiCompatibleServer delay(Duration delay, ScriptedReply then) {
    return enqueue(new ScriptedReply.Delayed(delay, then));
  }

  // ---- the request log

  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public synchronized int requestCount() {
    return requests.size();
  }

  public synchronized int pendingReplies() {
    return script.size();
  }

  /** Forgets the script and the request log. */
  public synchronized void reset() {
    script.clear();
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- serving

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              parse(raw),
              Instant.now());
      ScriptedReply reply;
      synchronized (this) {
        requests.add(request);
        reply = script.pollFirst();
      }
      if (!"POST".equals(request.method()) || !COMPLETIONS_PATH.equals(request.path())) {
        send(exchange, new ScriptedReply.Error(404, Map.of(), "Unknown path " + request.path(), "invalid_request_error", "unknown_url"), request);
        return;
      }
      if (reply == null) {
        reply =
            new ScriptedReply.Error(
                500, Map.of("x-should-retry", "false"), "No scripted reply left", "server_error", null);
      }
      send(exchange, reply, request);
    } catch (IOException e) {
      // The client gave up (its timeout): nothing left to answer.
    }
  }

  private void send(HttpExchange exchange, ScriptedReply reply, RecordedRequest request) throws IOException {
    switch (reply) {
      case ScriptedReply.Delayed delayed -> {
        try {
          Thread.sleep(delayed.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        send(exchange, delayed.then(), request);
      }
      case ScriptedReply.Completion completion -> write(exchange, 200, Map.of(), completion(completion, request));
      case ScriptedReply.Error error -> write(exchange, error.status(), error.headers(), errorBody(error));
    }
  }

  private static ObjectNode completion(ScriptedReply.Completion reply, RecordedRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""));
    body.put("object", "chat.completion");
    body.put("created", System.currentTimeMillis() / 1000);
    body.put("model", request.body().path("model").asText("gpt-4o-mini"));
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", reply.content());
    message.putNull("refusal");
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    ObjectNode usage = body.putObject("usage");
    usage.put("prompt_tokens", reply.promptTokens());
    usage.put("completion_tokens", reply.completionTokens());
    usage.put("total_tokens", reply.promptTokens() + reply.completionTokens());
    body.put("service_tier", "default");
    body.putNull("system_fingerprint");
    return body;
  }

  private static ObjectNode errorBody(ScriptedReply.Error error) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode inner = body.putObject("error");
    inner.put("message", error.message());
    inner.put("type", error.type());
    inner.putNull("param");
    if (error.code() == null) {
      inner.putNull("code");
    } else {
      inner.put("code", error.code());
    }
    return body;
  }

  private static void write(HttpExchange exchange, int status, Map<String, String> headers, JsonNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.getResponseHeaders().set("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static JsonNode parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    try {
      return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return TextNode.valueOf(text);
    }
  }
}
