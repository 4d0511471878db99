package com.aigency.local.stepfunctions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.aws.AwsJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Map with MaxConcurrency and a tolerated failure count; a failing Parallel branch caught. */
class MapAndParallelTest {

  private static final String PROCESS = "arn:aws:states:::lambda:invoke.waitForTaskToken";

  private SfnHarness local;

  @BeforeEach
  void start() {
    local = new SfnHarness(null);
    local.resources.on(PROCESS, (parameters, context) -> AwsJson.object());
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private static String map(String tolerance) {
    return """
    {
      "StartAt": "EachAd",
      "States": {
        "EachAd": {
          "Type": "Map",
          "ItemsPath": "$.ads",
          "MaxConcurrency": 2,
          %s
          "ItemSelector": {"ad.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index",
                           "account.$": "$.account"},
          "ItemProcessor": {
            "ProcessorConfig": {"Mode": "INLINE"},
            "StartAt": "Review",
            "States": {
              "Review": {
                "Type": "Task",
                "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters": {"FunctionName": "Review", "Payload": {"token.$": "$$.Task.Token",
                               "item.$": "$"}},
                "End": true
              }
            }
          },
          "ResultPath": "$.reviews",
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure",
                     "Next": "Failed"}],
          "End": true
        },
        "Failed": {"Type": "Pass", "End": true}
      }
    }
    """
        .formatted(tolerance);
  }

  @Test
  void runsAtMostTwoIterationsAtOnceAndToleratesOneFailureKeepingItemOrder() {
    String machine = local.createMachine("reviews", map("\"ToleratedFailureCount\": 1,"));
    String execution =
        local.start(machine, "{\"account\":\"acc\",\"ads\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}");

    // answer the waiting iterations newest-first, checking the limit at each step
    for (int answered = 0; answered < 5; answered++) {
      local.settle();
      List<ScriptedResources.Call> waiting = waitingCalls();
      assertThat(waiting).hasSizeLessThanOrEqualTo(2).isNotEmpty();
      ScriptedResources.Call call = waiting.getLast();
      String ad = call.parameters().path("Payload").path("item").path("ad").asText();
      if (ad.equals("c")) {
        local.sfn.sendTaskFailure(r -> r.taskToken(call.token()).error("Review.Rejected"));
      } else {
        local.sfn.sendTaskSuccess(r -> r.taskToken(call.token()).output("\"ok-" + ad + "\""));
      }
      answeredTokens.add(call.token());
    }
    DescribeExecutionResponse done = local.awaitEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(SfnHarness.json(done.output()).path("reviews"))
        .isEqualTo(
            SfnHarness.json(
                "[\"ok-a\",\"ok-b\",{\"Error\":\"Review.Rejected\",\"Cause\":\"\"},\"ok-d\",\"ok-e\"]"));
    // two iterations run at once, so which one calls first is not fixed: find item "a"'s call
    ScriptedResources.Call first =
        local.resources.calls(PROCESS).stream()
            .filter(c -> c.parameters().path("Payload").path("item").path("ad").asText().equals("a"))
            .findFirst()
            .orElseThrow();
    assertThat(first.parameters().path("Payload").path("item"))
        .isEqualTo(SfnHarness.json("{\"ad\":\"a\",\"index\":0,\"account\":\"acc\"}"));
    List<String> types = local.types(execution);
    assertThat(types)
        .containsSubsequence("MapStateEntered", "MapStateStarted", "MapIterationStarted");
    assertThat(types.stream().filter("MapIterationStarted"::equals)).hasSize(5);
    assertThat(types.stream().filter("MapIterationSucceeded"::equals)).hasSize(4);
    assertThat(types.stream().filter("MapIterationFailed"::equals)).hasSize(1);
    assertThat(types)
        .containsSubsequence("MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    HistoryEvent started =
        local.history(execution).stream()
            .filter(e -> e.typeAsString().equals("MapStateStarted"))
            .findFirst()
            .get();
    assertThat(started.mapStateStartedEventDetails().length()).isEqualTo(5);
  }

  @Test
  void aSecondFailureExceedsTheToleratedCount() {
    String machine = local.createMachine("strict", map("\"ToleratedFailureCount\": 1,"));
    String execution = local.start(machine, "{\"account\":\"acc\",\"ads\":[\"a\",\"b\",\"c\"]}");
    local.settle();
    for (ScriptedResources.Call call : waitingCalls()) {
      local.sfn.sendTaskFailure(r -> r.taskToken(call.token()).error("Review.Rejected"));
      answeredTokens.add(call.token());
    }
    DescribeExecutionResponse done = local.awaitEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(SfnHarness.json(done.output()).path("failure").path("Error").asText())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
    List<String> types = local.types(execution);
    assertThat(types).contains("MapStateFailed");
    // both failures are answered at once: the third item may or may not have started meanwhile;
    // every iteration that started and did not finish is aborted
    long started = types.stream().filter("MapIterationStarted"::equals).count();
    long finished = types.stream().filter(t -> t.equals("MapIterationFailed") || t.equals("MapIterationSucceeded")).count();
    assertThat(types.stream().filter("MapIterationAborted"::equals)).hasSize((int) (started - finished));
  }

  @Test
  void withoutToleranceTheIterationsErrorFailsTheMap() {
    String machine = local.createMachine("plain", map(""));
    String execution = local.start(machine, "{\"account\":\"acc\",\"ads\":[\"a\",\"b\"]}");
    local.settle();
    ScriptedResources.Call call = waitingCalls().getFirst();
    local.sfn.sendTaskFailure(r -> r.taskToken(call.token()).error("Review.Rejected").cause("x"));

    DescribeExecutionResponse done = local.awaitEnd(execution);

    assertThat(SfnHarness.json(done.output()).path("failure"))
        .isEqualTo(SfnHarness.json("{\"Error\":\"Review.Rejected\",\"Cause\":\"x\"}"));
  }

  @Test
  void aFailingParallelBranchFailsTheStateWithItsErrorAbortsItsSiblingAndIsCaught() {
    String machine =
        local.createMachine(
            "launch",
            """
            {
              "StartAt": "Launch",
              "States": {
                "Launch": {
                  "Type": "Parallel",
                  "Branches": [
                    {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 3600,
                                                            "End": true}}},
                    {"StartAt": "Check", "States": {
                      "Check": {"Type": "Pass", "Result": {"ok": false}, "Next": "Boom"},
                      "Boom": {"Type": "Fail", "Error": "Launch.Invalid", "Cause": "bad brief"}}}
                  ],
                  "Catch": [{"ErrorEquals": ["Launch.Invalid"], "ResultPath": "$.error",
                             "Next": "Handled"}],
                  "End": true
                },
                "Handled": {"Type": "Pass", "End": true}
              }
            }
            """);
    String execution = local.start(machine, "{\"campaign\":\"c\"}");

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(SfnHarness.json(done.output()))
        .isEqualTo(
            SfnHarness.json(
                "{\"campaign\":\"c\",\"error\":{\"Error\":\"Launch.Invalid\",\"Cause\":\"bad"
                    + " brief\"}}"));
    assertThat(done.stopDate()).isEqualTo(SfnHarness.START);
    List<String> types = local.types(execution);
    assertThat(types)
        .containsSubsequence(
            "ParallelStateEntered",
            "ParallelStateStarted",
            "FailStateEntered",
            "ParallelStateFailed",
            "ParallelStateExited",
            "PassStateEntered");
    // the branches run concurrently: the sibling may not have entered its Wait before the failure;
    // if it had, it is aborted before the Parallel state fails
    if (types.contains("WaitStateEntered")) {
      assertThat(types).containsSubsequence("WaitStateEntered", "WaitStateAborted", "ParallelStateFailed");
    }
    assertThat(local.engine.nextTimer()).isEmpty();
  }

  @Test
  void parallelResultsAreInBranchOrder() {
    String machine =
        local.createMachine(
            "fanout",
            """
            {
              "StartAt": "Both",
              "States": {
                "Both": {
                  "Type": "Parallel",
                  "Parameters": {"n.$": "$.n"},
                  "Branches": [
                    {"StartAt": "Late", "States": {
                      "Late": {"Type": "Wait", "Seconds": 10, "Next": "One"},
                      "One": {"Type": "Pass", "Parameters": {"first.$": "$.n"}, "End": true}}},
                    {"StartAt": "Two", "States": {"Two": {"Type": "Pass", "Result": 2,
                                                          "End": true}}}
                  ],
                  "ResultSelector": {"a.$": "$[0].first", "b.$": "$[1]"},
                  "End": true
                }
              }
            }
            """);
    String execution = local.start(machine, "{\"n\":1}");

    DescribeExecutionResponse done = local.runToEnd(execution);

    assertThat(done.output()).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(done.stopDate()).isEqualTo(SfnHarness.START.plusSeconds(10));
  }

  private final Set<String> answeredTokens = new HashSet<>();

  // the iterations waiting for their token right now
  private List<ScriptedResources.Call> waitingCalls() {
    return local.resources.calls(PROCESS).stream()
        .filter(c -> !answeredTokens.contains(c.token()))
        .toList();
  }
}
