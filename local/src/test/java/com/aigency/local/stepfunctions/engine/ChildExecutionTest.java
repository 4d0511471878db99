package com.aigency.local.stepfunctions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code arn:aws:states:::states:startExecution} with {@code .sync:2}, {@code .sync} and plain. */
class ChildExecutionTest {

  private SfnHarness local;
  private String child;

  @BeforeEach
  void start() {
    local = new SfnHarness(null);
    child =
        local.createMachine(
            "child",
            """
            {"StartAt": "Nap", "States": {
              "Nap": {"Type": "Wait", "Seconds": 30, "Next": "Check"},
              "Check": {"Type": "Choice",
                        "Choices": [{"Variable": "$.fail", "BooleanEquals": true, "Next": "No"}],
                        "Default": "Yes"},
              "Yes": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"},
                      "End": true},
              "No": {"Type": "Fail", "Error": "Child.Refused", "Cause": "asked to"}}}
            """);
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private String parent(String resource) {
    return local.createMachine(
        "parent-" + resource.replace(':', '-').replace('.', '-'),
        """
        {"StartAt": "Run", "States": {"Run": {
          "Type": "Task", "Resource": "arn:aws:states:::states:%s",
          "Parameters": {"StateMachineArn": "%s", "Input": {"n.$": "$.n", "fail.$": "$.fail",
            "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}},
          "End": true}}}
        """
            .formatted(resource, child));
  }

  @Test
  void sync2WaitsForTheChildAndGetsItsOutputAsJson() {
    String execution = local.start(parent("startExecution.sync:2"), "{\"n\":21,\"fail\":false}");

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = SfnHarness.json(done.output());
    assertThat(output.path("Output")).isEqualTo(SfnHarness.json("{\"doubled\":42}"));
    assertThat(output.path("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(output.path("Input").path("n").asInt()).isEqualTo(21);
    assertThat(output.path("StopDate").asLong() - output.path("StartDate").asLong())
        .isEqualTo(30_000);
    assertThat(local.types(execution))
        .containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
  }

  @Test
  void syncGivesTheChildOutputAsText() {
    DescribeExecutionResponse done =
        local.runToEnd(local.start(parent("startExecution.sync"), "{\"n\":1,\"fail\":false}"));

    assertThat(SfnHarness.json(done.output()).path("Output").asText()).isEqualTo("{\"doubled\":2}");
  }

  @Test
  void aFailedChildFailsTheTask() {
    DescribeExecutionResponse done =
        local.runToEnd(local.start(parent("startExecution.sync:2"), "{\"n\":1,\"fail\":true}"));

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.TaskFailed");
    assertThat(SfnHarness.json(done.cause()).path("Error").asText()).isEqualTo("Child.Refused");
  }

  @Test
  void withoutSyncTheTaskOnlyStartsTheChild() {
    DescribeExecutionResponse done =
        local.runToEnd(local.start(parent("startExecution"), "{\"n\":1,\"fail\":false}"));

    JsonNode output = SfnHarness.json(done.output());
    assertThat(output.path("ExecutionArn").asText()).contains(":execution:child:");
    assertThat(done.stopDate()).isEqualTo(SfnHarness.START);
    assertThat(local.describe(output.path("ExecutionArn").asText()).status())
        .isEqualTo(ExecutionStatus.RUNNING);
  }

  @Test
  void waitForTaskTokenWaitsUntilTheChildSendsTheToken() {
    String callback = "arn:aws:states:::lambda:invoke";
    local.resources.on(
        callback,
        (parameters, context) -> {
          local.engine.sendTaskSuccess(
              parameters.path("Payload").path("token").asText(), "{\"from\":\"child\"}");
          return SfnHarness.json("{}");
        });
    String notifier =
        local.createMachine(
            "notifier",
            """
            {"StartAt": "Notify", "States": {"Notify": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "Callback", "Payload": {"token.$": "$.token"}},
              "End": true}}}
            """);
    String parent =
        local.createMachine(
            "waiter",
            """
            {"StartAt": "Run", "States": {"Run": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.waitForTaskToken",
              "Parameters": {"StateMachineArn": "%s", "Input": {"token.$": "$$.Task.Token"}},
              "End": true}}}
            """
                .formatted(notifier));

    DescribeExecutionResponse done = local.awaitEnd(local.start(parent, "{}"));

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("{\"from\":\"child\"}");
  }
}
