package com.aigency.local.stepfunctions.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.aws.AwsJson;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** A {@code .waitForTaskToken} task over the real SDK: RUNNING, SendTaskSuccess, history, reuse. */
class CallbackTaskTest {

  private static final String INVOKE = "arn:aws:states:::lambda:invoke.waitForTaskToken";
  private static final String DEFINITION =
      """
      {
        "StartAt": "Approve",
        "States": {
          "Approve": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters": {
              "FunctionName": "ApprovalFunction",
              "Payload": {"token.$": "$$.Task.Token", "campaign.$": "$.campaign"}
            },
            "ResultPath": "$.approval",
            "End": true
          }
        }
      }
      """;

  private SfnHarness local;

  @BeforeEach
  void start() {
    local = new SfnHarness(null);
    local.resources.on(INVOKE, (parameters, context) -> AwsJson.object().put("StatusCode", 200));
  }

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void waitsForTheTokenThenCompletesWithItsOutputAndRefusesItTwice() {
    String machine = local.createMachine("approval", DEFINITION);
    String execution = local.start(machine, "{\"campaign\":\"c-1\"}");
    local.settle();

    assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
    ScriptedResources.Call call = local.resources.calls(INVOKE).getFirst();
    String token = call.parameters().path("Payload").path("token").asText();
    assertThat(token).isNotBlank().isEqualTo(call.token());
    assertThat(call.parameters().path("Payload").path("campaign").asText()).isEqualTo("c-1");

    local.sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));
    DescribeExecutionResponse done = local.awaitEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(SfnHarness.json(done.output()))
        .isEqualTo(SfnHarness.json("{\"campaign\":\"c-1\",\"approval\":{\"approved\":true}}"));
    List<HistoryEvent> history = local.history(execution);
    assertThat(history)
        .extracting(HistoryEvent::typeAsString)
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
    assertThat(history)
        .extracting(HistoryEvent::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(history)
        .extracting(HistoryEvent::previousEventId)
        .containsExactly(0L, 0L, 2L, 3L, 4L, 5L, 6L, 7L);
    HistoryEvent scheduled = history.get(2);
    assertThat(scheduled.taskScheduledEventDetails().resourceType()).isEqualTo("lambda");
    assertThat(scheduled.taskScheduledEventDetails().resource())
        .isEqualTo("invoke.waitForTaskToken");
    assertThat(scheduled.taskScheduledEventDetails().region()).isEqualTo("us-east-1");
    assertThat(
            SfnHarness.json(scheduled.taskScheduledEventDetails().parameters())
                .path("FunctionName")
                .asText())
        .isEqualTo("ApprovalFunction");
    assertThat(history.get(5).taskSucceededEventDetails().output())
        .isEqualTo("{\"approved\":true}");
    assertThat(history.get(0).executionStartedEventDetails().input())
        .isEqualTo("{\"campaign\":\"c-1\"}");
    assertThat(history.get(0).timestamp()).isEqualTo(SfnHarness.START);

    assertThatThrownBy(
            () -> local.sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"again\":1}")))
        .isInstanceOf(TaskTimedOutException.class);
    assertThatThrownBy(() -> local.sfn.sendTaskHeartbeat(r -> r.taskToken(token)))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void sendTaskFailureFailsTheExecutionWithTheGivenErrorAndCause() {
    String machine = local.createMachine("approval", DEFINITION);
    String execution = local.start(machine, "{\"campaign\":\"c-2\"}");
    local.settle();
    String token = local.resources.calls(INVOKE).getFirst().token();

    local.sfn.sendTaskFailure(r -> r.taskToken(token).error("Approval.Rejected").cause("no"));
    DescribeExecutionResponse done = local.awaitEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Approval.Rejected");
    assertThat(done.cause()).isEqualTo("no");
    HistoryEvent failed = local.history(execution).get(5);
    assertThat(failed.typeAsString()).isEqualTo("TaskFailed");
    assertThat(failed.taskFailedEventDetails().error()).isEqualTo("Approval.Rejected");
    assertThat(failed.taskFailedEventDetails().cause()).isEqualTo("no");
  }

  @Test
  void malformedAndForgedTokensAreInvalid() {
    assertThatThrownBy(
            () -> local.sfn.sendTaskSuccess(r -> r.taskToken("not a token").output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    // right shape, but not minted by this engine
    String forged = "AQ" + "A".repeat(42);
    assertThatThrownBy(() -> local.sfn.sendTaskSuccess(r -> r.taskToken(forged).output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> local.sfn.sendTaskHeartbeat(r -> r.taskToken(forged)))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void outputThatIsNotJsonIsRefusedAndTheTaskStillWaits() {
    String machine = local.createMachine("approval", DEFINITION);
    String execution = local.start(machine, "{\"campaign\":\"c-3\"}");
    local.settle();
    String token = local.resources.calls(INVOKE).getFirst().token();

    assertThatThrownBy(() -> local.sfn.sendTaskSuccess(r -> r.taskToken(token).output("{nope")))
        .hasMessageContaining("Invalid Output");
    assertThat(local.describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);

    local.sfn.sendTaskSuccess(r -> r.taskToken(token).output("\"ok\""));
    assertThat(local.awaitEnd(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void aTokenAnsweredWhileItsResourceIsStillRunningCompletesTheTask() {
    // an in-process Lambda may call SendTaskSuccess before its invocation returns
    local.resources.on(
        INVOKE,
        (parameters, context) -> {
          String token = context.path("Task").path("Token").asText();
          local.engine.sendTaskSuccess(token, "{\"fast\":true}");
          return AwsJson.object().put("StatusCode", 200);
        });
    String machine = local.createMachine("approval", DEFINITION);
    String execution = local.start(machine, "{\"campaign\":\"c-4\"}");

    DescribeExecutionResponse done = local.awaitEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(SfnHarness.json(done.output()).path("approval").path("fast").asBoolean()).isTrue();
    assertThat(local.types(execution))
        .containsSubsequence("TaskSubmitted", "TaskSucceeded", "TaskStateExited");
  }
}
