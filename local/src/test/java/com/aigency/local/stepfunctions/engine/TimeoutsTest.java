package com.aigency.local.stepfunctions.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.aws.AwsJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Task TimeoutSeconds and HeartbeatSeconds, and the machine's TimeoutSeconds, on the local clock.
 */
class TimeoutsTest {

  private static final String SEND = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

  private SfnHarness local;

  @BeforeEach
  void start() {
    local = new SfnHarness(null);
    local.resources.on(SEND, (parameters, context) -> AwsJson.object().put("MessageId", "m-1"));
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private static String approval(String timeouts) {
    return """
    {
      "StartAt": "AwaitApproval",
      "States": {
        "AwaitApproval": {
          "Type": "Task",
          "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
          %s,
          "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.timeout",
                     "Next": "Expired"}],
          "End": true
        },
        "Expired": {"Type": "Pass", "Result": "expired", "ResultPath": "$.decision",
                    "End": true}
      }
    }
    """
        .formatted(timeouts);
  }

  @Test
  void aSevenDayApprovalTimesOutWhenTheClockAdvancesSevenDays() {
    String machine = local.createMachine("approval", approval("\"TimeoutSeconds\": 604800"));
    String execution = local.start(machine, "{}");
    local.settle();
    assertThat(local.engine.nextTimer()).contains(SfnHarness.START.plus(Duration.ofDays(7)));

    local.clock.advance(Duration.ofDays(7).minusSeconds(1));
    local.settle();
    assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);

    local.clock.advance(Duration.ofSeconds(1));
    DescribeExecutionResponse done = local.awaitEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(SfnHarness.json(done.output()))
        .isEqualTo(
            SfnHarness.json(
                "{\"timeout\":{\"Error\":\"States.Timeout\",\"Cause\":\"\"},\"decision\":\"expired\"}"));
    HistoryEvent timedOut =
        local.history(execution).stream()
            .filter(e -> e.typeAsString().equals("TaskTimedOut"))
            .findFirst()
            .orElseThrow();
    assertThat(timedOut.taskTimedOutEventDetails().error()).isEqualTo("States.Timeout");
    assertThat(timedOut.timestamp()).isEqualTo(SfnHarness.START.plus(Duration.ofDays(7)));
    String token = local.resources.calls(SEND).getFirst().token();
    assertThatThrownBy(() -> local.sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void heartbeatsKeepATaskAliveAndMissingOneTimesItOut() {
    String machine =
        local.createMachine(
            "heartbeat", approval("\"TimeoutSeconds\": 3600, \"HeartbeatSeconds\": 60"));
    String execution = local.start(machine, "{}");
    local.settle();
    String token = local.resources.calls(SEND).getFirst().token();

    local.clock.advance(Duration.ofSeconds(50));
    local.sfn.sendTaskHeartbeat(r -> r.taskToken(token));
    local.clock.advance(Duration.ofSeconds(50));
    local.sfn.sendTaskHeartbeat(r -> r.taskToken(token));
    local.clock.advance(Duration.ofSeconds(59));
    local.settle();
    assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);

    local.clock.advance(Duration.ofSeconds(1));
    DescribeExecutionResponse done = local.awaitEnd(execution);

    // States.Timeout in ErrorEquals also catches a heartbeat timeout
    assertThat(SfnHarness.json(done.output()).path("timeout").path("Error").asText())
        .isEqualTo("States.HeartbeatTimeout");
    List<HistoryEvent> history = local.history(execution);
    HistoryEvent timedOut =
        history.stream().filter(e -> e.typeAsString().equals("TaskTimedOut")).findFirst().get();
    assertThat(timedOut.taskTimedOutEventDetails().error()).isEqualTo("States.HeartbeatTimeout");
    assertThat(timedOut.timestamp()).isEqualTo(SfnHarness.START.plusSeconds(160));
    HistoryEvent scheduled =
        history.stream().filter(e -> e.typeAsString().equals("TaskScheduled")).findFirst().get();
    assertThat(scheduled.taskScheduledEventDetails().heartbeatInSeconds()).isEqualTo(60L);
    assertThat(scheduled.taskScheduledEventDetails().timeoutInSeconds()).isEqualTo(3600L);
  }

  @Test
  void timeoutsCanComeFromTheInput() {
    String machine = local.createMachine("dynamic", approval("\"TimeoutSecondsPath\": \"$.wait\""));
    String execution = local.start(machine, "{\"wait\": 30}");
    local.settle();

    assertThat(local.engine.nextTimer()).contains(SfnHarness.START.plusSeconds(30));
    DescribeExecutionResponse done = local.runToEnd(execution);
    assertThat(SfnHarness.json(done.output()).path("decision").asText()).isEqualTo("expired");
  }

  @Test
  void theMachineTimeoutEndsTheExecutionTimedOut() {
    String machine =
        local.createMachine(
            "slow",
            """
            {"StartAt": "Nap", "TimeoutSeconds": 3,
             "States": {"Nap": {"Type": "Wait", "Seconds": 25, "End": true}}}
            """);
    String execution = local.start(machine, "{}");

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(done.stopDate()).isEqualTo(SfnHarness.START.plusSeconds(3));
    assertThat(done.error()).isNull();
    assertThat(done.cause()).isNull();
    List<HistoryEvent> history = local.history(execution);
    assertThat(history)
        .extracting(HistoryEvent::typeAsString)
        .containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut");
    HistoryEvent last = history.getLast();
    assertThat(last.previousEventId()).isZero();
    assertThat(last.executionTimedOutEventDetails().error()).isEqualTo("States.Timeout");
    assertThat(last.executionTimedOutEventDetails().cause()).isNull();
  }
}
