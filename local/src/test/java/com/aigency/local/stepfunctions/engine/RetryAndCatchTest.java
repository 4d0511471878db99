package com.aigency.local.stepfunctions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.stepfunctions.asl.StatesError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Retry on a named error with backoff on the local clock, then Catch to a failure state. */
class RetryAndCatchTest {

  private static final String INVOKE = "arn:aws:states:::lambda:invoke";
  private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:Sync";

  private SfnHarness local;

  @BeforeEach
  void start() {
    local = new SfnHarness(null);
  }

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void retriesThreeTimesAtTwoFourAndEightSecondsThenCatchesToAFailState() {
    local.resources.on(
        INVOKE,
        (parameters, context) -> {
          throw new StatesError("Meta.RateLimited", "slow down");
        });
    String machine =
        local.createMachine(
            "sync",
            """
            {
              "StartAt": "Sync",
              "States": {
                "Sync": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "SyncFunction", "Payload.$": "$"},
                  "Retry": [{"ErrorEquals": ["Meta.RateLimited"], "IntervalSeconds": 2,
                             "BackoffRate": 2, "MaxAttempts": 3}],
                  "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error",
                             "Next": "GaveUp"}],
                  "End": true
                },
                "GaveUp": {"Type": "Fail", "Error": "Sync.GaveUp", "Cause": "rate limited"}
              }
            }
            """);
    String execution = local.start(machine, "{\"account\":\"a-1\"}");

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Sync.GaveUp");
    assertThat(done.cause()).isEqualTo("rate limited");
    List<Instant> attempts =
        local.resources.calls(INVOKE).stream().map(ScriptedResources.Call::at).toList();
    assertThat(attempts).hasSize(4);
    assertThat(gaps(attempts))
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

    List<HistoryEvent> history = local.history(execution);
    List<Instant> scheduled = timesOf(history, "TaskScheduled");
    List<Instant> failed = timesOf(history, "TaskFailed");
    assertThat(scheduled).hasSize(4);
    assertThat(failed).hasSize(4);
    for (int retry = 1; retry <= 3; retry++) {
      assertThat(Duration.between(failed.get(retry - 1), scheduled.get(retry)))
          .isEqualTo(Duration.ofSeconds(1L << retry));
    }
    assertThat(history.stream().filter(e -> e.typeAsString().equals("TaskFailed")))
        .allSatisfy(
            e -> assertThat(e.taskFailedEventDetails().error()).isEqualTo("Meta.RateLimited"));
    assertThat(local.types(execution))
        .containsSubsequence(
            "TaskStateEntered",
            "TaskFailed",
            "TaskStateExited",
            "FailStateEntered",
            "ExecutionFailed");
    HistoryEvent exited =
        history.stream().filter(e -> e.typeAsString().equals("TaskStateExited")).findFirst().get();
    assertThat(SfnHarness.json(exited.stateExitedEventDetails().output()))
        .isEqualTo(
            SfnHarness.json(
                "{\"account\":\"a-1\",\"error\":{\"Error\":\"Meta.RateLimited\",\"Cause\":\"slow"
                    + " down\"}}"));
  }

  @Test
  void aRetrySucceedsAndTheContextCountsTheRetries() {
    AtomicInteger calls = new AtomicInteger();
    local.resources.on(
        FUNCTION,
        (parameters, context) -> {
          if (calls.incrementAndGet() < 3) {
            throw new StatesError("Lambda.TooManyRequestsException", "busy");
          }
          return AwsJson.object().put("retries", context.path("State").path("RetryCount").asInt());
        });
    String machine =
        local.createMachine(
            "plain-lambda",
            """
            {
              "StartAt": "Call",
              "States": {
                "Call": {
                  "Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:000000000000:function:Sync",
                  "Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 1,
                             "MaxAttempts": 5, "BackoffRate": 1.0}],
                  "End": true
                }
              }
            }
            """);
    String execution = local.start(machine, "{}");

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("{\"retries\":2}");
    assertThat(local.types(execution))
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionFailed",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionFailed",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void anErrorNoRetrierOrCatcherNamesFailsTheExecution() {
    local.resources.on(
        INVOKE,
        (parameters, context) -> {
          throw new StatesError("Budget.Exceeded", "over budget");
        });
    String machine =
        local.createMachine(
            "budget",
            """
            {
              "StartAt": "Spend",
              "States": {
                "Spend": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "Spend"},
                  "Retry": [{"ErrorEquals": ["Meta.RateLimited"]}],
                  "Catch": [{"ErrorEquals": ["Agent.Paused"], "Next": "Paused"}],
                  "End": true
                },
                "Paused": {"Type": "Succeed"}
              }
            }
            """);
    String execution = local.start(machine, "{}");

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Budget.Exceeded");
    assertThat(done.cause()).isEqualTo("over budget");
    assertThat(local.resources.calls(INVOKE)).hasSize(1);
  }

  private static List<Duration> gaps(List<Instant> times) {
    return java.util.stream.IntStream.range(1, times.size())
        .mapToObj(i -> Duration.between(times.get(i - 1), times.get(i)))
        .toList();
  }

  private static List<Instant> timesOf(List<HistoryEvent> history, String type) {
    return history.stream()
        .filter(e -> e.typeAsString().equals(type))
        .map(HistoryEvent::timestamp)
        .toList();
  }

  @Test
  void aLambdaThatRunsPastItsTimeoutTimesOutOnTheLocalClock() {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    local.resources.on(
        FUNCTION,
        (parameters, context) -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return AwsJson.object().put("late", true);
        });
    String machine =
        local.createMachine(
            "slow-lambda",
            """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:000000000000:function:Sync",
              "TimeoutSeconds": 30, "End": true}}}
            """);
    String execution = local.start(machine, "{}");
    Awaiting.until(() -> !local.resources.calls(FUNCTION).isEmpty());

    local.clock.advance(Duration.ofSeconds(30));
    DescribeExecutionResponse done = local.awaitEnd(execution);
    release.countDown();

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.Timeout");
    assertThat(local.types(execution))
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionTimedOut",
            "ExecutionFailed");
    assertThat(
            local
                .history(execution)
                .get(2)
                .lambdaFunctionScheduledEventDetails()
                .timeoutInSeconds())
        .isEqualTo(30L);
  }
}
