package com.aigency.local.stepfunctions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.clock.LocalClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Executions survive a restart on the same data folder and continue where they were. */
class DurabilityTest {

  private static final String SEND = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
  private static final String DEFINITION =
      """
      {
        "StartAt": "Prepare",
        "States": {
          "Prepare": {"Type": "Pass", "Parameters": {"campaign.$": "$.campaign"}, "Next": "Both"},
          "Both": {
            "Type": "Parallel",
            "Branches": [
              {"StartAt": "AwaitApproval", "States": {"AwaitApproval": {
                "Type": "Task",
                "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": "approvals", "MessageBody": {"t.$": "$$.Task.Token"}},
                "TimeoutSeconds": 604800,
                "HeartbeatSeconds": 86400,
                "End": true}}},
              {"StartAt": "Cooldown", "States": {"Cooldown": {
                "Type": "Wait", "Seconds": 7200, "End": true}}}
            ],
            "ResultSelector": {"approval.$": "$[0]"},
            "ResultPath": "$.result",
            "End": true
          }
        }
      }
      """;

  @TempDir Path data;

  @Test
  void aWaitingExecutionResumesAfterARestartWithTheSameTokenAndTimers() {
    LocalClock clock = new LocalClock(Clock.fixed(SfnHarness.START, ZoneOffset.UTC));
    String execution;
    String token;
    List<HistoryEvent> before;
    try (SfnHarness first = harness(clock)) {
      String machine = first.createMachine("launch", DEFINITION);
      execution = first.start(machine, "{\"campaign\":\"c-9\"}");
      first.settle();
      clock.advance(Duration.ofHours(1));
      first.settle();
      token = first.resources.calls(SEND).getFirst().token();
      first.sfn.sendTaskHeartbeat(r -> r.taskToken(token));
      before = first.history(execution);
    }

    try (SfnHarness second = harness(clock)) {
      second.settle();
      assertThat(second.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(second.history(execution)).isEqualTo(before);
      // the Wait keeps its due time; the heartbeat, restarted at +1h, is due a day later
      assertThat(second.engine.nextTimer()).contains(SfnHarness.START.plus(Duration.ofHours(2)));
      assertThat(second.resources.calls(SEND)).isEmpty();

      second.sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));
      DescribeExecutionResponse done = second.runToEnd(execution);

      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.stopDate()).isEqualTo(SfnHarness.START.plus(Duration.ofHours(2)));
      assertThat(SfnHarness.json(done.output()))
          .isEqualTo(
              SfnHarness.json(
                  "{\"campaign\":\"c-9\",\"result\":{\"approval\":{\"approved\":true}}}"));
      List<HistoryEvent> after = second.history(execution);
      assertThat(after.subList(0, before.size())).isEqualTo(before);
      assertThat(after)
          .extracting(HistoryEvent::id)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, after.size()).boxed().toList());
      assertThat(after.stream().map(HistoryEvent::typeAsString))
          .containsSubsequence(
              "TaskSubmitted",
              "TaskSucceeded",
              "WaitStateExited",
              "ParallelStateSucceeded",
              "ExecutionSucceeded");
    }
  }

  @Test
  void aHeartbeatTimeoutMeasuredOnTheClockStillFiresAfterARestart() {
    LocalClock clock = new LocalClock(Clock.fixed(SfnHarness.START, ZoneOffset.UTC));
    String execution;
    try (SfnHarness first = harness(clock)) {
      execution = first.start(first.createMachine("launch", DEFINITION), "{\"campaign\":\"c\"}");
      first.settle();
    }
    clock.advance(Duration.ofHours(3));

    try (SfnHarness second = harness(clock)) {
      DescribeExecutionResponse done = second.runToEnd(execution);

      assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(done.error()).isEqualTo("States.HeartbeatTimeout");
      assertThat(done.stopDate()).isEqualTo(SfnHarness.START.plus(Duration.ofDays(1)));
    }
  }

  @Test
  void aTaskInterruptedMidInvocationIsInvokedAgainAfterARestart() {
    LocalClock clock = new LocalClock(Clock.fixed(SfnHarness.START, ZoneOffset.UTC));
    String invoke = "arn:aws:states:::lambda:invoke";
    String definition =
        """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "Slow"}, "OutputPath": "$.Payload", "End": true}}}
        """;
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    String execution;
    ScriptedResources hanging = new ScriptedResources(clock);
    hanging.on(
        invoke,
        (parameters, context) -> {
          entered.countDown();
          try {
            Thread.sleep(Duration.ofMinutes(5));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return AwsJson.object().put("Payload", "too late");
        });
    try (SfnHarness first = new SfnHarness(clock, hanging, data)) {
      execution = first.start(first.createMachine("slow", definition), "{}");
      awaitLatch(entered);
    }

    ScriptedResources answering = new ScriptedResources(clock);
    answering.on(invoke, (parameters, context) -> AwsJson.object().put("Payload", "done"));
    try (SfnHarness second = new SfnHarness(clock, answering, data)) {
      DescribeExecutionResponse done = second.awaitEnd(execution);

      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.output()).isEqualTo("\"done\"");
      assertThat(answering.calls(invoke)).hasSize(1);
      assertThat(second.types(execution).stream().filter("TaskScheduled"::equals)).hasSize(1);
    }
  }

  private SfnHarness harness(LocalClock clock) {
    SfnHarness harness = new SfnHarness(clock, data);
    harness.resources.on(SEND, (parameters, context) -> AwsJson.object().put("MessageId", "m"));
    return harness;
  }

  private static void awaitLatch(java.util.concurrent.CountDownLatch latch) {
    try {
      assertThat(latch.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
