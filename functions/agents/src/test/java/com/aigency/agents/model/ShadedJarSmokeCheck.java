package com.aigency.agents.model;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Run by the build (verify phase) on the shaded Lambda jar in a fresh JVM: one real SDK call
 * against a loopback endpoint, so a class dropped by the jar's openai filter fails the build rather
 * than the first call in Lambda. Exits non-zero on any failure.
 */
public final class ShadedJarSmokeCheck {
  private static final String COMPLETION =
      """
      {"id":"chatcmpl-smoke","object":"chat.completion","created":1767225600,"model":"gpt-4o-mini",
       "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"ok\\":true}","refusal":null},
                   "logprobs":null,"finish_reason":"stop"}],
       "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""";

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("content-type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    var settings = new OpenAiSettings(baseUrl, "gpt-4o-mini", Duration.ofSeconds(10), 0, Optional.empty());
    var schema =
        new ObjectMapper()
            .readTree("{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}},\"required\":[\"ok\"],\"additionalProperties\":false}");
    try (var client = new OpenAiModelClient(settings, "sk-smoke")) {
      ModelReply reply =
          client.complete(
              new ModelRequest("smoke", null, "smoke", List.of(ChatMessage.user("hi")), schema, "smoke", 10));
      if (!reply.output().path("ok").asBoolean() || reply.inputTokens() != 3) {
        throw new IllegalStateException("unexpected reply " + reply);
      }
      System.out.println("shaded jar smoke check passed: " + reply.output());
    } finally {
      server.stop(0);
    }
    System.exit(0);
  }
}
