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
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The API actions' rules: names, idempotent starts, stop, listing, errors, definitions. */
class ExecutionsApiTest {

  private static final String WAIT_FOR_TOKEN = "arn:aws:states:::lambda:invoke.waitForTaskToken";
  private static final String AWAIT =
      """
      {"StartAt": "Await", "States": {"Await": {
        "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
        "Parameters": {"FunctionName": "F", "Payload": {"t.$": "$$.Task.Token"}}, "End": true}}}
      """;
  private static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  private SfnHarness local;

  @BeforeEach
  void start() {
    local = new SfnHarness(null);
    local.resources.on(WAIT_FOR_TOKEN, (parameters, context) -> AwsJson.object());
  }

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void aNameIsIdempotentWithTheSameInputWhileRunningAndTakenOtherwise() {
    String machine = local.createMachine("await", AWAIT);
    StartExecutionResponse first =
        local.sfn.startExecution(r -> r.stateMachineArn(machine).name("run-1").input("{\"a\":1}"));
    StartExecutionResponse again =
        local.sfn.startExecution(r -> r.stateMachineArn(machine).name("run-1").input("{\"a\":1}"));

    assertThat(first.executionArn())
        .isEqualTo("arn:aws:states:us-east-1:000000000000:execution:await:run-1");
    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.startDate()).isEqualTo(first.startDate());
    assertThatThrownBy(
            () ->
                local.sfn.startExecution(
                    r -> r.stateMachineArn(machine).name("run-1").input("{\"a\":2}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);

    local.sfn.stopExecution(r -> r.executionArn(first.executionArn()));
    // a closed execution keeps its name, whatever the input (AWS: 90 days)
    assertThatThrownBy(
            () ->
                local.sfn.startExecution(
                    r -> r.stateMachineArn(machine).name("run-1").input("{\"a\":1}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
    local.settle();
    assertThat(local.resources.calls(WAIT_FOR_TOKEN)).hasSize(1);
  }

  @Test
  void namesAndInputsAreChecked() {
    String machine = local.createMachine("await", AWAIT);
    for (String bad : List.of("has space", "a/b", "x:y", "q?", "", "n".repeat(81), "tab\t")) {
      assertThatThrownBy(() -> local.sfn.startExecution(r -> r.stateMachineArn(machine).name(bad)))
          .as(bad)
          .isInstanceOf(InvalidNameException.class);
    }
    assertThatThrownBy(
            () -> local.sfn.startExecution(r -> r.stateMachineArn(machine).input("{not json")))
        .isInstanceOf(InvalidExecutionInputException.class);
    String generated = local.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
    assertThat(generated).matches(".*:execution:await:[0-9a-f-]{36}");
    assertThat(local.describe(generated).input()).isEqualTo("{}");
  }

  @Test
  void stopAbortsWithErrorAndCauseAndClosesTheTask() {
    String machine = local.createMachine("await", AWAIT);
    String execution = local.start(machine, "{}");
    local.settle();
    local.clock.advance(Duration.ofSeconds(5));

    StopExecutionResponse stopped =
        local.sfn.stopExecution(r -> r.executionArn(execution).error("Manual").cause("probe"));

    assertThat(stopped.stopDate()).isEqualTo(SfnHarness.START.plusSeconds(5));
    DescribeExecutionResponse described = local.describe(execution);
    assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(described.error()).isEqualTo("Manual");
    assertThat(described.cause()).isEqualTo("probe");
    HistoryEvent last = local.history(execution).getLast();
    assertThat(last.typeAsString()).isEqualTo("ExecutionAborted");
    assertThat(last.previousEventId()).isZero();
    assertThat(last.executionAbortedEventDetails().error()).isEqualTo("Manual");
    String token = local.resources.calls(WAIT_FOR_TOKEN).getFirst().token();
    assertThatThrownBy(() -> local.sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
    // stopping again changes nothing
    assertThat(local.sfn.stopExecution(r -> r.executionArn(execution)).stopDate())
        .isEqualTo(stopped.stopDate());
    assertThat(local.engine.nextTimer()).isEmpty();
  }

  @Test
  void listsExecutionsNewestFirstByStatusAndPage() {
    String machine = local.createMachine("await", AWAIT);
    String first = local.start(machine, "{}");
    local.clock.advance(Duration.ofSeconds(1));
    String second = local.start(machine, "{}");
    local.clock.advance(Duration.ofSeconds(1));
    String third = local.start(machine, "{}");
    local.settle();
    local.sfn.stopExecution(r -> r.executionArn(second));

    List<String> all =
        local
            .sfn
            .listExecutionsPaginator(r -> r.stateMachineArn(machine).maxResults(2))
            .executions()
            .stream()
            .map(ExecutionListItem::executionArn)
            .toList();
    assertThat(all).containsExactly(third, second, first);
    assertThat(
            local
                .sfn
                .listExecutions(
                    r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED))
                .executions())
        .extracting(ExecutionListItem::executionArn)
        .containsExactly(second);
    assertThat(local.sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(1)).nextToken())
        .isNotNull();
    assertThatThrownBy(
            () -> local.sfn.listExecutions(r -> r.stateMachineArn(machine).nextToken("bogus")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void unknownAndMalformedArnsGetAwsErrors() {
    String unknownMachine = "arn:aws:states:us-east-1:000000000000:stateMachine:nope";
    assertThatThrownBy(() -> local.sfn.startExecution(r -> r.stateMachineArn(unknownMachine)))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> local.sfn.describeStateMachine(r -> r.stateMachineArn(unknownMachine)))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(
            () ->
                local.sfn.describeExecution(
                    r -> r.executionArn("arn:aws:states:us-east-1:000000000000:execution:a:b")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> local.sfn.describeExecution(r -> r.executionArn("not-an-arn")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> local.sfn.describeExecution(r -> r.executionArn(unknownMachine)))
        .isInstanceOf(InvalidArnException.class);
  }

  @Test
  void createIsIdempotentForTheSameDefinitionAndValidates() {
    String arn = local.createMachine("pass", PASS);
    assertThat(local.createMachine("pass", PASS)).isEqualTo(arn);
    assertThatThrownBy(() -> local.createMachine("pass", AWAIT))
        .isInstanceOf(StateMachineAlreadyExistsException.class);
    assertThatThrownBy(() -> local.createMachine("broken", "{\"StartAt\":"))
        .isInstanceOf(InvalidDefinitionException.class);
    assertThatThrownBy(
            () ->
                local.createMachine(
                    "unknown-resource",
                    "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                        + "\"Resource\":\"arn:aws:states:::batch:submitJob.sync\",\"End\":true}}}"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("batch:submitJob");
    assertThatThrownBy(() -> local.createMachine("bad name", PASS))
        .isInstanceOf(InvalidNameException.class);

    DescribeStateMachineResponse described =
        local.sfn.describeStateMachine(r -> r.stateMachineArn(arn));
    assertThat(described.definition()).isEqualTo(PASS);
    assertThat(described.roleArn()).isEqualTo(SfnHarness.ROLE);
    assertThat(described.statusAsString()).isEqualTo("ACTIVE");
    assertThat(described.creationDate()).isEqualTo(SfnHarness.START);
    assertThat(local.sfn.listStateMachines().stateMachines())
        .extracting(m -> m.name())
        .containsExactly("pass");
  }

  @Test
  void updateKeepsRunningExecutionsOnTheirDefinition() {
    String machine = local.createMachine("await", AWAIT);
    String running = local.start(machine, "{}");
    local.settle();
    local.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(PASS));

    assertThat(local.sfn.describeStateMachine(r -> r.stateMachineArn(machine)).definition())
        .isEqualTo(PASS);
    assertThat(local.awaitEnd(local.start(machine, "{\"new\":true}")).output())
        .isEqualTo("{\"new\":true}");
    assertThat(local.describe(running).status()).isEqualTo(ExecutionStatus.RUNNING);
    String token = local.resources.calls(WAIT_FOR_TOKEN).getFirst().token();
    local.sfn.sendTaskSuccess(r -> r.taskToken(token).output("1"));
    assertThat(local.awaitEnd(running).output()).isEqualTo("1");
  }

  @Test
  void deletingAMachineEndsItsExecutionsAtTheirNextTransitionThenForgetsThem() {
    String machine =
        local.createMachine(
            "napper",
            """
            {"StartAt": "Mode", "States": {
              "Mode": {"Type": "Choice", "Default": "Nap",
                       "Choices": [{"Variable": "$.await", "IsPresent": true, "Next": "Await"}]},
              "Nap": {"Type": "Wait", "Seconds": 60, "Next": "After"},
              "After": {"Type": "Pass", "End": true},
              "Await": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                        "Parameters": {"FunctionName": "F", "Payload": {"t.$": "$$.Task.Token"}},
                        "End": true}}}
            """);
    String napping = local.start(machine, "{}");
    String awaiting = local.start(machine, "{\"await\":true}");
    local.settle();

    local.sfn.deleteStateMachine(r -> r.stateMachineArn(machine));
    assertThat(local.sfn.describeStateMachine(r -> r.stateMachineArn(machine)).statusAsString())
        .isEqualTo("DELETING");
    local.clock.advance(Duration.ofSeconds(60));
    local.settle();

    DescribeExecutionResponse napped = local.describe(napping);
    assertThat(napped.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(napped.error()).isEqualTo("States.Runtime");
    assertThat(napped.cause()).isEqualTo("State machine napper has been deleted.");
    assertThat(local.describe(awaiting).status()).isEqualTo(ExecutionStatus.RUNNING);

    local.sfn.stopExecution(r -> r.executionArn(awaiting));
    local.settle();
    assertThatThrownBy(() -> local.sfn.describeStateMachine(r -> r.stateMachineArn(machine)))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> local.describe(napping))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    // a token this engine issued, whose execution is gone
    String token = local.resources.calls(WAIT_FOR_TOKEN).getFirst().token();
    assertThatThrownBy(() -> local.sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
        .isInstanceOf(TaskDoesNotExistException.class);
  }

  @Test
  void historyPagesBothWaysAndCanLeaveOutTheData() {
    String machine = local.createMachine("pass", PASS);
    String execution = local.start(machine, "{\"secret\":1}");
    local.awaitEnd(execution);

    GetExecutionHistoryResponse page =
        local.sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(2));
    assertThat(page.events()).extracting(HistoryEvent::id).containsExactly(1L, 2L);
    GetExecutionHistoryResponse rest =
        local.sfn.getExecutionHistory(
            r -> r.executionArn(execution).maxResults(2).nextToken(page.nextToken()));
    assertThat(rest.events()).extracting(HistoryEvent::id).containsExactly(3L, 4L);
    assertThat(rest.nextToken()).isNull();
    assertThat(
            local
                .sfn
                .getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true))
                .events())
        .extracting(HistoryEvent::id)
        .containsExactly(4L, 3L, 2L, 1L);
    HistoryEvent started =
        local
            .sfn
            .getExecutionHistory(r -> r.executionArn(execution).includeExecutionData(false))
            .events()
            .getFirst();
    assertThat(started.executionStartedEventDetails().input()).isNull();
    assertThat(started.executionStartedEventDetails().roleArn()).isEqualTo(SfnHarness.ROLE);
    assertThatThrownBy(
            () ->
                local.sfn.getExecutionHistory(
                    r -> r.executionArn(execution).nextToken(page.nextToken()).reverseOrder(true)))
        .isInstanceOf(InvalidTokenException.class);
  }
}
