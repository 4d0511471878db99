package com.aigency.local.e2e;

import static com.aigency.local.e2e.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.runtime.Endpoints;
import com.aigency.local.runtime.LocalLauncher;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The Step Functions API of the running local system, through the AWS SDK's SfnClient (the same
 * wire protocol the AWS CLI speaks), with state machines from the test template calling Lambda
 * functions hosted in the system.
 */
class WorkflowsOverTheWireTest {
  private static final String ACCOUNT = "arn:aws:states:us-east-1:000000000000:stateMachine:";

  static TestSystem testSystem;
  static LocalLauncher.Running system;
  static SfnClient sfn;

  @BeforeAll
  static void start() throws Exception {
    testSystem = new TestSystem();
    system = testSystem.start(null);
    sfn = sfn(system.endpoints());
  }

  @AfterAll
  static void stop() throws Exception {
    sfn.close();
    system.close();
  }

  @Test
  void aCallbackTaskWaitsForItsTokenAndATokenIsRedeemedOnce() throws Exception {
    String definition = Files.readString(Path.of(WorkflowsOverTheWireTest.class.getResource("/templates/statemachines/approval.asl.json").toURI()))
        .replace("${TokenRecorderFunctionArn}", "TokenRecorderFunction");
    String machine = sfn.createStateMachine(b -> b.name("ManualApproval").definition(definition)
        .roleArn("arn:aws:iam::000000000000:role/Local")).stateMachineArn();
    assertThat(sfn.listStateMachines().stateMachines()).extracting(m -> m.name())
        .contains("ManualApproval", "ApprovalStateMachine", "RetryingStateMachine");

    String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("campaign-42").input("{\"campaign\":\"c-42\"}")).executionArn();
    String token = awaitToken(1);
    assertThat(sfn.describeExecution(b -> b.executionArn(execution)).status()).isEqualTo(ExecutionStatus.RUNNING);

    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true,\"by\":\"owner\"}"));
    var done = eventually(Duration.ofSeconds(20), () -> sfn.describeExecution(b -> b.executionArn(execution)), d -> d.status() != ExecutionStatus.RUNNING);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).contains("\"decision\":{\"approved\":true,\"by\":\"owner\"}").contains("\"campaign\":\"c-42\"");

    List<HistoryEventType> types = sfn.getExecutionHistory(b -> b.executionArn(execution)).events().stream().map(HistoryEvent::type).toList();
    assertThat(types).startsWith(HistoryEventType.EXECUTION_STARTED)
        .contains(HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED)
        .endsWith(HistoryEventType.EXECUTION_SUCCEEDED);
    // AWS answers a token whose task has already finished with TaskTimedOut, "Provided task does not exist anymore"
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class).hasMessageContaining("does not exist anymore");
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
        .isInstanceOfAny(InvalidTokenException.class, TaskDoesNotExistException.class);
  }

  @Test
  void aNamedLambdaErrorIsRetriedWithBackoffOnTheLocalClockThenCaught() throws Exception {
    String execution = sfn.startExecution(b -> b.stateMachineArn(ACCOUNT + "RetryingStateMachine").input("{\"n\":1}")).executionArn();
    while (sfn.describeExecution(b -> b.executionArn(execution)).status() == ExecutionStatus.RUNNING) {
      JsonNode clock = TestSystem.clock(system);
      if (clock.path("WorkflowsQuiescent").asBoolean() && clock.has("NextWorkflowTimer")) {
        TestSystem.admin(system, "AdvanceClockTo", "{\"Time\":\"" + clock.get("NextWorkflowTimer").asText() + "\"}");
      }
      Thread.sleep(50);
    }
    var done = sfn.describeExecution(b -> b.executionArn(execution));
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Flaky.GaveUp");

    List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
    List<Instant> attempts = events.stream().filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED).map(HistoryEvent::timestamp).toList();
    assertThat(attempts).hasSize(4); // the first call and MaxAttempts 3 retries
    List<HistoryEvent> failures = events.stream().filter(e -> e.type() == HistoryEventType.TASK_FAILED).toList();
    assertThat(failures).hasSize(4).allSatisfy(f -> assertThat(f.taskFailedEventDetails().error())
        .isEqualTo("com.aigency.local.testfunctions.ServiceBusyException"));
    // IntervalSeconds 2, BackoffRate 2: 2 s, 4 s, 8 s of local clock between attempts (plus real milliseconds of work)
    long[] expected = {2, 4, 8};
    for (int i = 1; i < attempts.size(); i++) {
      long gapMillis = Duration.between(failures.get(i - 1).timestamp(), attempts.get(i)).toMillis();
      assertThat(gapMillis).as("gap before attempt " + (i + 1)).isBetween(expected[i - 1] * 1000, expected[i - 1] * 1000 + 900);
    }
    assertThat(events.stream().map(HistoryEvent::type)).contains(HistoryEventType.FAIL_STATE_ENTERED);
  }

  @Test
  void aSevenDayTimeoutFiresWhenTheLocalClockIsAdvanced() throws Exception {
    int before = tokens().size();
    String execution = sfn.startExecution(b -> b.stateMachineArn(ACCOUNT + "ApprovalStateMachine").input("{\"campaign\":\"c-7\"}")).executionArn();
    awaitToken(before + 1);
    TestSystem.admin(system, "AdvanceClock", "{\"Seconds\": " + (7 * 24 * 3600 + 1) + "}");
    var done = eventually(Duration.ofSeconds(20), () -> sfn.describeExecution(b -> b.executionArn(execution)), d -> d.status() != ExecutionStatus.RUNNING);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.Timeout");
  }

  @Test
  void aWaitingExecutionResumesAfterTheSystemRestartsOnItsDataFolder(@TempDir Path data) throws Exception {
    TestSystem own = new TestSystem();
    String execution;
    String token;
    try (var first = own.start(data); var client = sfn(first.endpoints())) {
      execution = client.startExecution(b -> b.stateMachineArn(ACCOUNT + "ApprovalStateMachine").name("survivor").input("{\"campaign\":\"c-9\"}")).executionArn();
      token = eventually(Duration.ofSeconds(20), () -> lines(own.records().resolve("tokens.log")), l -> !l.isEmpty()).get(0);
    }
    try (var second = own.start(data); var client = sfn(second.endpoints())) {
      assertThat(client.describeExecution(b -> b.executionArn(execution)).status()).isEqualTo(ExecutionStatus.RUNNING);
      client.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
      var done = eventually(Duration.ofSeconds(20), () -> client.describeExecution(b -> b.executionArn(execution)), d -> d.status() != ExecutionStatus.RUNNING);
      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.output()).contains("\"decision\":{\"approved\":true}");
      var history = client.getExecutionHistory(b -> b.executionArn(execution)).events();
      for (int i = 0; i < history.size(); i++) {
        assertThat(history.get(i).id()).isEqualTo(i + 1L);
      }
    }
  }

  private static String awaitToken(int count) throws Exception {
    return eventually(Duration.ofSeconds(20), WorkflowsOverTheWireTest::tokens, l -> l.size() >= count).get(count - 1);
  }

  private static List<String> tokens() throws Exception {
    return lines(testSystem.records().resolve("tokens.log"));
  }

  private static List<String> lines(Path file) throws Exception {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  private static SfnClient sfn(Endpoints endpoints) {
    return SfnClient.builder().endpointOverride(URI.create(endpoints.stepfunctions())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }
}
