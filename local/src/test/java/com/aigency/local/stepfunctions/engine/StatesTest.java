package com.aigency.local.stepfunctions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Pass, Choice, Wait, Succeed and Fail with input/output processing and the context object. */
class StatesTest {

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
  void passChoiceAndWaitProcessInputAndOutputInOrder() {
    String machine =
        local.createMachine(
            "flow",
            """
            {
              "StartAt": "Shape",
              "States": {
                "Shape": {
                  "Type": "Pass",
                  "InputPath": "$.order",
                  "Parameters": {
                    "id.$": "$.id",
                    "execution.$": "$$.Execution.Name",
                    "machine.$": "$$.StateMachine.Name",
                    "state.$": "$$.State.Name",
                    "entered.$": "$$.State.EnteredTime",
                    "greeting.$": "States.Format('order {}', $.id)"
                  },
                  "ResultPath": "$.shaped",
                  "OutputPath": "$.shaped",
                  "Next": "Route"
                },
                "Route": {
                  "Type": "Choice",
                  "Choices": [
                    {"Variable": "$.id", "NumericGreaterThan": 100, "Next": "Later"}
                  ],
                  "Default": "Done"
                },
                "Later": {"Type": "Wait", "SecondsPath": "$.id", "OutputPath": "$.id",
                          "Next": "Done"},
                "Done": {"Type": "Succeed"}
              }
            }
            """);
    String execution =
        local
            .sfn
            .startExecution(
                r -> r.stateMachineArn(machine).name("order-7").input("{\"order\":{\"id\":120}}"))
            .executionArn();
    local.settle();
    assertThat(local.engine.nextTimer()).contains(SfnHarness.START.plusSeconds(120));

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("120");
    JsonNode shaped =
        SfnHarness.json(local.history(execution).get(2).stateExitedEventDetails().output());
    assertThat(shaped)
        .isEqualTo(
            SfnHarness.json(
                """
                {"id":120,"execution":"order-7","machine":"flow","state":"Shape",
                 "entered":"2030-01-01T00:00:00.000Z","greeting":"order 120"}
                """));
    assertThat(local.types(execution))
        .containsExactly(
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "ChoiceStateEntered",
            "ChoiceStateExited",
            "WaitStateEntered",
            "WaitStateExited",
            "SucceedStateEntered",
            "SucceedStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void failTakesErrorAndCauseFromPaths() {
    String machine =
        local.createMachine(
            "fail",
            """
            {"StartAt": "Stop", "States": {"Stop": {"Type": "Fail",
              "ErrorPath": "$.code", "CausePath": "States.Format('campaign {} refused', $.id)"}}}
            """);
    DescribeExecutionResponse done =
        local.runToEnd(local.start(machine, "{\"code\":\"Meta.TokenInvalid\",\"id\":\"c-1\"}"));

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Meta.TokenInvalid");
    assertThat(done.cause()).isEqualTo("campaign c-1 refused");
  }

  @Test
  void noMatchingChoiceFailsTheExecution() {
    String machine =
        local.createMachine(
            "choose",
            """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice",
                    "Choices": [{"Variable": "$.x", "StringEquals": "a", "Next": "D"}]},
              "D": {"Type": "Succeed"}}}
            """);
    DescribeExecutionResponse done = local.runToEnd(local.start(machine, "{\"x\":\"b\"}"));

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void waitUntilATimestamp() {
    String machine =
        local.createMachine(
            "until",
            """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.at",
              "End": true}}}
            """);
    DescribeExecutionResponse done =
        local.runToEnd(local.start(machine, "{\"at\":\"2030-01-02T00:00:00Z\"}"));

    assertThat(done.stopDate()).isEqualTo(SfnHarness.START.plusSeconds(86400));
  }

  @Test
  void aRunawayLoopEndsAtAwsHistoryLimitWithTheFailureAsEvent25000() {
    String machine =
        local.createMachine(
            "spin",
            """
            {"StartAt": "Loop", "States": {
              "Loop": {"Type": "Choice", "Default": "Loop",
                       "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "End"}]},
              "End": {"Type": "Succeed"}}}
            """);
    String execution = local.start(machine, "{\"spin\":true}");

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.Runtime");
    assertThat(done.cause())
        .isEqualTo("The execution reached the maximum number of history events (25000).");
    List<HistoryEvent> last =
        local
            .sfn
            .getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true).maxResults(2))
            .events();
    assertThat(last.get(0).id()).isEqualTo(25_000L);
    assertThat(last.get(0).previousEventId()).isEqualTo(24_999L);
    assertThat(last.get(0).typeAsString()).isEqualTo("ExecutionFailed");
    assertThat(last.get(1).typeAsString()).isEqualTo("ChoiceStateExited");
  }
}
