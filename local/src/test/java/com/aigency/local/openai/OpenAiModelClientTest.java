package com.aigency.local.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aigency.agents.model.OpenAiModelClient;
import com.aigency.agents.model.OpenAiSettings;
import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelException;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real SDK client ({@link OpenAiModelClient}) against {@link OpenAiCompatibleServer}. */
class OpenAiModelClientTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "sk-test-0123456789abcdef";

  static OpenAiCompatibleServer server;

  @BeforeAll
  static void start() throws Exception {
    server = OpenAiCompatibleServer.start(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  static JsonNode schema() throws Exception {
    return JSON.readTree(
        """
        {"type":"object","additionalProperties":false,
         "properties":{"question":{"type":"string"}},"required":["question"]}""");
  }

  static ModelRequest request() throws Exception {
    return new ModelRequest(
        "interviewer",
        null,
        "You interview the user about their project.",
        List.of(ChatMessage.user("I want a bakery website"), ChatMessage.assistant("Who is it for?")),
        schema(),
        "interviewer_turn",
        400);
  }

  static OpenAiModelClient client(Duration timeout, int maxRetries) {
    return new OpenAiModelClient(
        new OpenAiSettings(server.baseUrl(), "gpt-4o-mini", timeout, maxRetries, Optional.empty()), KEY);
  }

  static OpenAiModelClient client(int maxRetries) {
    return client(Duration.ofSeconds(5), maxRetries);
  }

  static ModelException failure(OpenAiModelClient client) {
    return catchThrowableOfType(ModelException.class, () -> client.complete(request()));
  }

  @Test
  void structuredReplyIsParsedWithTokenUsage() throws Exception {
    server.replyJson("{\"question\":\"What is the bakery called?\"}", 42, 7);

    try (OpenAiModelClient client = client(2)) {
      ModelReply reply = client.complete(request());

      assertThat(reply.output().get("question").asText()).isEqualTo("What is the bakery called?");
      assertThat(reply.inputTokens()).isEqualTo(42);
      assertThat(reply.outputTokens()).isEqualTo(7);
      assertThat(reply.model()).isEqualTo("gpt-4o-mini");
      assertThat(reply.offline()).isFalse();
    }
  }

  @Test
  void requestCarriesModelMessagesAndStrictJsonSchema() throws Exception {
    server.replyJson("{\"question\":\"q\"}", 1, 1);

    try (OpenAiModelClient client = client(2)) {
      client.complete(request().withModel("gpt-4.1-mini"));
    }

    assertThat(server.requests()).hasSize(1);
    RecordedRequest sent = server.requests().get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo(OpenAiCompatibleServer.COMPLETIONS_PATH);
    assertThat(sent.header("authorization")).contains("Bearer " + KEY);
    JsonNode body = sent.body();
    assertThat(body.path("model").asText()).isEqualTo("gpt-4.1-mini");
    assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(400);
    assertThat(body.path("messages"))
        .extracting(m -> m.path("role").asText() + ":" + m.path("content").asText())
        .containsExactly(
            "system:You interview the user about their project.",
            "user:I want a bakery website",
            "assistant:Who is it for?");
    JsonNode format = body.path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asText()).isEqualTo("interviewer_turn");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    assertThat(format.path("json_schema").path("schema")).isEqualTo(schema());
  }

  @Test
  void rateLimitIsRetriedAfterTheServersRetryAfter() throws Exception {
    // 0.8 s: longer than the SDK's own first backoff (at most 0.5 s), so waiting it proves the header is honoured.
    server.rateLimited(Duration.ofMillis(800)).replyJson("{\"question\":\"q\"}", 3, 2);

    try (OpenAiModelClient client = client(2)) {
      assertThat(client.complete(request()).inputTokens()).isEqualTo(3);
    }

    List<RecordedRequest> sent = server.requests();
    assertThat(sent).hasSize(2);
    assertThat(Duration.between(sent.get(0).receivedAt(), sent.get(1).receivedAt()))
        .isBetween(Duration.ofMillis(750), Duration.ofMillis(2000));
    assertThat(sent.get(1).header("x-stainless-retry-count")).contains("1");
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() throws Exception {
    server.serverError().serverError().replyJson("{\"question\":\"q\"}", 1, 1);

    try (OpenAiModelClient client = client(2)) {
      assertThat(client.complete(request()).output().path("question").asText()).isEqualTo("q");
    }

    List<RecordedRequest> sent = server.requests();
    assertThat(sent).hasSize(3);
    // Exponential: about 0.5 s then 1 s, each less up to 25% jitter.
    assertThat(Duration.between(sent.get(0).receivedAt(), sent.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(350));
    assertThat(Duration.between(sent.get(1).receivedAt(), sent.get(2).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(720));
  }

  @Test
  void serverErrorsBeyondMaxRetriesMeanModelUnavailable() {
    server.serverError().serverError();

    try (OpenAiModelClient client = client(1)) {
      assertThat(failure(client).errorName()).isEqualTo("Agent.ModelUnavailable");
    }
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void rateLimitsBeyondMaxRetriesMeanRateLimited() {
    server.rateLimited(Duration.ofMillis(100)).rateLimited(Duration.ofMillis(100));

    try (OpenAiModelClient client = client(1)) {
      assertThat(failure(client).errorName()).isEqualTo("Agent.RateLimited");
    }
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void slowReplyMeansTimeoutAfterRetries() {
    var late = new ScriptedReply.Completion("{\"question\":\"late\"}", 1, 1);
    server.delay(Duration.ofSeconds(3), late).delay(Duration.ofSeconds(3), late);

    long start = System.nanoTime();
    try (OpenAiModelClient client = client(Duration.ofMillis(300), 1)) {
      assertThat(failure(client).errorName()).isEqualTo("Agent.Timeout");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void malformedJsonContentMeansInvalidOutputWithoutRetry() {
    server.replyContent("{\"question\": \"unterminated");

    try (OpenAiModelClient client = client(2)) {
      assertThat(failure(client).errorName()).isEqualTo("Agent.InvalidOutput");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void unauthorizedIsNotRetried() {
    server.unauthorized();

    try (OpenAiModelClient client = client(3)) {
      ModelException failure = failure(client);
      assertThat(failure.errorName()).isEqualTo("Agent.Unauthorized");
      assertThat(failure.getMessage()).doesNotContain(KEY);
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void emptyScriptFailsFastWithoutRetrying() {
    try (OpenAiModelClient client = client(3)) {
      assertThatThrownBy(() -> client.complete(request()))
          .isInstanceOf(ModelException.class)
          .extracting(e -> ((ModelException) e).errorName())
          .isEqualTo("Agent.ModelUnavailable");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }
}
