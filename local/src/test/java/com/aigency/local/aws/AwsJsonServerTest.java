package com.aigency.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AwsJsonServerTest {

  /** Echoes its input under "Echo" and fails on demand. */
  private static final class EchoService implements AwsJsonService {
    @Override
    public String targetPrefix() {
      return "EchoService_20250101.";
    }

    @Override
    public String jsonVersion() {
      return "1.0";
    }

    @Override
    public JsonNode handle(String operation, JsonNode request) {
      return switch (operation) {
        case "Echo" -> AwsJson.object().set("Echo", request);
        case "Fail" -> throw AwsJsonException.badRequest("TeapotException", "short and stout");
        case "Crash" -> throw new IllegalStateException("bug");
        default -> throw AwsJsonException.unknownOperation(operation);
      };
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private AwsJsonServer server;

  @BeforeEach
  void start() throws IOException {
    server = AwsJsonServer.start(0).register(new EchoService());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bindsLoopbackOnAFreePort() {
    assertThat(server.port()).isPositive();
    assertThat(server.endpoint()).isEqualTo("http://127.0.0.1:" + server.port());
  }

  @Test
  void dispatchesByTargetPrefixAndAnswersInTheServicesJsonVersion() throws Exception {
    HttpResponse<String> response = post("EchoService_20250101.Echo", "{\"a\":1}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/x-amz-json-1.0");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(AwsJson.MAPPER.readTree(response.body()).path("Echo").path("a").asInt())
        .isEqualTo(1);
  }

  @Test
  void emptyBodyIsAnEmptyRequest() throws Exception {
    HttpResponse<String> response = post("EchoService_20250101.Echo", "");

    assertThat(AwsJson.MAPPER.readTree(response.body()).path("Echo").isObject()).isTrue();
  }

  @Test
  void serviceErrorsUseTheAwsJsonErrorShape() throws Exception {
    HttpResponse<String> response = post("EchoService_20250101.Fail", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("TeapotException");
    JsonNode body = AwsJson.MAPPER.readTree(response.body());
    assertThat(body.path("__type").asText()).isEqualTo("TeapotException");
    assertThat(body.path("message").asText()).isEqualTo("short and stout");
  }

  @Test
  void unknownOperationsAndTargetsAreUnknownOperationException() throws Exception {
    HttpResponse<String> unknownOperation = post("EchoService_20250101.Nope", "{}");
    HttpResponse<String> unknownService = post("Nobody.Echo", "{}");

    for (HttpResponse<String> response : List.of(unknownOperation, unknownService)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(AwsJson.MAPPER.readTree(response.body()).path("__type").asText())
          .isEqualTo("UnknownOperationException");
    }
    assertThat(unknownService.headers().firstValue("Content-Type"))
        .hasValue("application/x-amz-json-1.1");
  }

  @Test
  void malformedJsonIsASerializationException() throws Exception {
    HttpResponse<String> response = post("EchoService_20250101.Echo", "{not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(AwsJson.MAPPER.readTree(response.body()).path("__type").asText())
        .isEqualTo("SerializationException");
  }

  @Test
  void unexpectedFailuresAre500InternalFailure() throws Exception {
    HttpResponse<String> response = post("EchoService_20250101.Crash", "{}");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalFailure");
  }

  @Test
  void refusesASecondServiceForTheSamePrefix() {
    assertThatThrownBy(() -> server.register(new EchoService()))
        .isInstanceOf(IllegalStateException.class);
  }

  private HttpResponse<String> post(String target, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
            .header("X-Amz-Target", target)
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
