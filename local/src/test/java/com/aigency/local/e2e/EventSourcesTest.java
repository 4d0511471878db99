package com.aigency.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static com.aigency.local.e2e.Eventually.eventually;

import com.aigency.local.runtime.LocalLauncher;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local runner's other event sources, driven by a small test template: an SQS queue with a
 * DLQ feeding a function that reports partial batch failures, a schedule on the local clock, and
 * an EventBridge rule.
 */
class EventSourcesTest {
  static Path records;
  static LocalLauncher.Running system;
  static SqsClient sqs;

  @BeforeAll
  static void start() throws Exception {
    TestSystem testSystem = new TestSystem();
    records = testSystem.records();
    system = testSystem.start(null);
    sqs = SqsClient.builder().endpointOverride(URI.create(system.endpoints().sqs())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    sqs.close();
    system.close();
  }

  @Test
  void queueMessagesReachTheFunctionAndReportedFailuresEndInTheDeadLetterQueue() throws Exception {
    String queue = sqs.getQueueUrl(b -> b.queueName("JobsQueue")).queueUrl();
    String dlq = sqs.getQueueUrl(b -> b.queueName("JobsDeadLetterQueue")).queueUrl();
    sqs.sendMessage(b -> b.queueUrl(queue).messageBody("ok-1"));
    sqs.sendMessage(b -> b.queueUrl(queue).messageBody("fail-1"));

    Message dead = eventually(Duration.ofSeconds(30),
        () -> sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages(), m -> !m.isEmpty()).get(0);
    assertThat(dead.body()).isEqualTo("fail-1");

    List<String> lines = Files.readAllLines(records.resolve("queue.log"));
    assertThat(lines.stream().filter(l -> l.startsWith("ok-1 "))).hasSize(1)
        .allSatisfy(l -> assertThat(l).contains("receive=1", "source=arn:aws:sqs:us-east-1:000000000000:JobsQueue"));
    // delivered maxReceiveCount (2) times, then moved to the DLQ
    assertThat(lines.stream().filter(l -> l.startsWith("fail-1 "))).hasSize(2);
    assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages()).isEmpty();
  }

  @Test
  void schedulesFireOnTheLocalClock() throws Exception {
    JsonNode before = admin("GetClock", "{}");
    assertThat(before.path("NextFireTimes").has("TickFunction-EveryFourHours")).isTrue();
    admin("AdvanceClock", "{\"Seconds\": " + (8 * 3600 + 60) + "}");
    eventually(Duration.ofSeconds(20), EventSourcesTest::scheduledLines, l -> l.size() >= 2);
    Thread.sleep(500); // nothing further may arrive: two occurrences in 8 h 1 min
    assertThat(scheduledLines()).hasSize(2);
    var bad = adminResponse("AdvanceClock", "{\"Seconds\": -5}");
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  void eventBridgeRulesDeliverOnlyMatchingEvents() throws Exception {
    try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(system.endpoints().eventbridge()))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      var response = events.putEvents(b -> b.entries(
          PutEventsRequestEntry.builder().source("aigency.test").detailType("OrderPlaced").detail("{\"amount\":150,\"id\":\"big\"}").build(),
          PutEventsRequestEntry.builder().source("aigency.test").detailType("OrderPlaced").detail("{\"amount\":50,\"id\":\"small\"}").build()));
      assertThat(response.failedEntryCount()).isZero();
    }
    eventually(Duration.ofSeconds(20), EventSourcesTest::orderLines, l -> !l.isEmpty());
    Thread.sleep(500);
    assertThat(orderLines()).hasSize(1).first().asString().contains("id=big");
  }

  private static List<String> scheduledLines() throws Exception {
    return eventLines().stream().filter(l -> l.startsWith("Scheduled Event|")).toList();
  }

  private static List<String> orderLines() throws Exception {
    return eventLines().stream().filter(l -> l.startsWith("OrderPlaced|")).toList();
  }

  private static List<String> eventLines() throws Exception {
    Path log = records.resolve("events.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private static JsonNode admin(String operation, String body) throws Exception {
    var response = adminResponse(operation, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.read(response.body());
  }

  private static HttpResponse<String> adminResponse(String operation, String body) throws Exception {
    return TestSystem.admin(system, operation, body);
  }
}
