package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.ValidatorFixtures.TASK;
import static com.aigency.local.stepfunctions.asl.ValidatorFixtures.problems;
import static com.aigency.local.stepfunctions.asl.ValidatorFixtures.problemsOfState;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The structure rules of {@link AslValidator}: machine, scopes, transitions, state types. */
class AslValidatorTest {
  @Nested
  class ValidDefinitions {
    @Test
    void specHelloWorld() {
      // Spec, "Example: Hello World".
      assertThat(
              problems(
                  """
                  {
                    "Comment": "A simple minimal example of the States language",
                    "StartAt": "Hello World",
                    "States": {
                      "Hello World": {
                        "Type": "Task",
                        "Resource": "arn:aws:lambda:us-east-1:123456789012:function:HelloWorld",
                        "End": true
                      }
                    }
                  }
                  """))
          .isEmpty();
    }

    @Test
    void everyJsonPathFeatureTogether() {
      assertThat(
              problems(
                  """
                  {
                    "Comment": "all JSONPath features", "Version": "1.0", "TimeoutSeconds": 3600,
                    "QueryLanguage": "JSONPath",
                    "StartAt": "Prepare",
                    "States": {
                      "Prepare": {"Type": "Pass", "Result": {"n": 1}, "ResultPath": "$.prep",
                        "Parameters": {"id.$": "States.UUID()", "input.$": "$", "ctx.$": "$$.Execution.Id"},
                        "InputPath": "$", "OutputPath": "$", "Next": "Route"},
                      "Route": {"Type": "Choice", "InputPath": "$.prep",
                        "Choices": [
                          {"And": [{"Variable": "$.n", "IsPresent": true}, {"Variable": "$.n", "NumericGreaterThanEqualsPath": "$.min"}],
                           "Next": "Work"},
                          {"Not": {"Variable": "$.name", "StringMatches": "log-*.txt"}, "Next": "Wait"},
                          {"Or": [{"Variable": "$.when", "TimestampLessThan": "2016-03-14T01:59:00Z"},
                                  {"Variable": "$.flag", "BooleanEquals": true}], "Next": "Fanout"}
                        ],
                        "Default": "Stop"},
                      "Wait": {"Type": "Wait", "SecondsPath": "$.delay", "Next": "Work"},
                      "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                        "Parameters": {"FunctionName": "F", "Payload": {"token.$": "$$.Task.Token", "list": [{"v.$": "$.v"}]}},
                        "ResultSelector": {"body.$": "$.Payload"}, "ResultPath": "$.result",
                        "TimeoutSeconds": 60, "HeartbeatSeconds": 10,
                        "Retry": [{"ErrorEquals": ["Meta.RateLimited"], "IntervalSeconds": 2, "MaxAttempts": 5,
                                   "BackoffRate": 1.5, "MaxDelaySeconds": 30, "JitterStrategy": "FULL"},
                                  {"ErrorEquals": ["States.ALL"]}],
                        "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "Stop"},
                                  {"ErrorEquals": ["States.ALL"], "Next": "Fail"}],
                        "Next": "Fanout"},
                      "Fanout": {"Type": "Parallel", "ResultPath": null,
                        "Branches": [
                          {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "End": true}}},
                          {"StartAt": "B2", "States": {"B2": {"Type": "Wait", "Seconds": 1, "End": true}}}
                        ],
                        "Next": "Each"},
                      "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
                        "ItemSelector": {"item.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
                        "ToleratedFailurePercentage": 10, "ToleratedFailureCount": 1,
                        "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "One",
                          "States": {"One": {"Type": "Pass", "End": true}}},
                        "Next": "Legacy"},
                      "Legacy": {"Type": "Map", "Parameters": {"x.$": "$$.Map.Item.Value"},
                        "Iterator": {"StartAt": "Two", "States": {"Two": {"Type": "Succeed"}}}, "End": true},
                      "Stop": {"Type": "Succeed", "OutputPath": "$.result"},
                      "Fail": {"Type": "Fail", "ErrorPath": "$.error.Error", "CausePath": "States.Format('failed: {}', $.error.Cause)"}
                    }
                  }
                  """))
          .isEmpty();
    }

    @Test
    void specParallelExampleWithItsNextState() {
      // Spec, "Parallel State": LookupCustomerInfo.
      assertThat(
              problems(
                  """
                  {"StartAt": "LookupCustomerInfo", "States": {
                    "LookupCustomerInfo": {"Type": "Parallel", "Branches": [
                      {"StartAt": "LookupAddress", "States": {"LookupAddress": {"Type": "Task",
                        "Resource": "arn:aws:lambda:us-east-1:123456789012:function:AddressFinder", "End": true}}},
                      {"StartAt": "LookupPhone", "States": {"LookupPhone": {"Type": "Task",
                        "Resource": "arn:aws:lambda:us-east-1:123456789012:function:PhoneFinder", "End": true}}}],
                     "Next": "NextState"},
                    "NextState": {"Type": "Succeed"}}}
                  """))
          .isEmpty();
    }

    @Test
    void choiceRulesMayComment() {
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Choice\", \"Choices\": [{\"Comment\": \"c\", \"Variable\": \"$.a\","
                      + " \"IsNull\": false, \"Next\": \"Done\"}]}"))
          .isEmpty();
    }
  }

  @Nested
  class Structure {
    @Test
    void notAnObject() {
      assertThat(problems("[]")).containsExactly("Definition: must be a JSON object");
      assertThat(AslValidator.problems(null, r -> true))
          .containsExactly("Definition: must be a JSON object");
    }

    @Test
    void missingStartAtAndStates() {
      assertThat(problems("{}"))
          .containsExactly(
              "Definition: States must be a non-empty object", "Definition: missing StartAt");
    }

    @Test
    void startAtMustNameAState() {
      assertThat(problems("{\"StartAt\": \"Nope\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"))
          .contains("Definition: StartAt 'Nope' is not a state");
    }

    @Test
    void unknownTopLevelFields() {
      assertThat(
              problems(
                  "{\"StartAt\": \"A\", \"Foo\": 1, \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"))
          .containsExactly("Definition: field 'Foo' is not allowed at the top level");
    }

    @Test
    void machineTimeoutMustBePositive() {
      assertThat(
              problems(
                  "{\"StartAt\": \"A\", \"TimeoutSeconds\": 0, \"States\": {\"A\": {\"Type\":"
                      + " \"Succeed\"}}}"))
          .containsExactly("Definition: TimeoutSeconds must be a positive integer, not 0");
    }

    @Test
    void stateNamesAreUniqueMachineWideAndAtMost80Characters() {
      // Spec: "The state name MUST be unique within the scope of the entire state machine, and its
      // length MUST BE less than or equal to 80 Unicode characters."
      String longName = "x".repeat(81);
      assertThat(
              problems(
                  "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\":"
                      + " [{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Succeed\"}}}],"
                      + " \"Next\": \""
                      + longName
                      + "\"}, \""
                      + longName
                      + "\": {\"Type\": \"Succeed\"}}}"))
          .contains(
              "State 'P': the name is used by more than one state; names must be unique"
                  + " machine-wide",
              "State '" + longName + "': a state name must be at most 80 characters");
    }

    @Test
    void unreachableStates() {
      assertThat(
              problems(
                  "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}, \"Orphan\":"
                      + " {\"Type\": \"Pass\", \"Next\": \"A\"}}}"))
          .containsExactly("State 'Orphan': is not reachable from StartAt 'A'");
    }

    @Test
    void catchAndDefaultTargetsAreReachable() {
      assertThat(
              problems(
                  "{\"StartAt\": \"T\", \"States\": {\"T\": {"
                      + TASK
                      + ", \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"C\"}],"
                      + " \"End\": true}, \"C\": {\"Type\": \"Choice\", \"Choices\":"
                      + " [{\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"D\"}],"
                      + " \"Default\": \"E\"}, \"D\": {\"Type\": \"Succeed\"}, \"E\": {\"Type\":"
                      + " \"Fail\"}}}"))
          .isEmpty();
    }
  }

  @Nested
  class Transitions {
    @Test
    void nextMustNameAState() {
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"Next\": \"Nowhere\"}"))
          .contains("State 'S': Next 'Nowhere' is not a state");
    }

    @Test
    void neitherNextNorEnd() {
      assertThat(problemsOfState("{\"Type\": \"Pass\"}"))
          .contains("State 'S': must have Next or \"End\": true");
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"End\": false}"))
          .contains("State 'S': must have Next or \"End\": true");
    }

    @Test
    void bothNextAndEnd() {
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"Next\": \"Done\", \"End\": true}"))
          .containsExactly("State 'S': has both Next and \"End\": true");
    }

    @Test
    void terminalTypesTakeNoNext() {
      // Spec: Choice, Succeed and Fail MUST NOT have End; Succeed and Fail have no Next.
      assertThat(problemsOfState("{\"Type\": \"Succeed\", \"Next\": \"Done\"}"))
          .contains("State 'S': field 'Next' is not allowed on a Succeed state");
      assertThat(problemsOfState("{\"Type\": \"Fail\", \"End\": true}"))
          .contains("State 'S': field 'End' is not allowed on a Fail state");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Choice\", \"End\": true, \"Choices\": [{\"Variable\": \"$.a\","
                      + " \"IsNull\": true, \"Next\": \"Done\"}]}"))
          .contains("State 'S': field 'End' is not allowed on a Choice state");
    }

    @Test
    void transitionsCannotLeaveABranch() {
      // Spec: "states in a branch's "States" field can transition only to each other".
      assertThat(
              problems(
                  "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\":"
                      + " [{\"StartAt\": \"B\", \"States\": {\"B\": {\"Type\": \"Pass\", \"Next\":"
                      + " \"Out\"}}}], \"Next\": \"Out\"}, \"Out\": {\"Type\": \"Succeed\"}}}"))
          .containsExactly(
              "State 'B': Next 'Out' is not a state of this scope (transitions cannot cross a"
                  + " Parallel branch or Map ItemProcessor)");
    }
  }

  @Nested
  class States {
    @Test
    void missingOrUnknownType() {
      assertThat(problemsOfState("{\"Next\": \"Done\"}")).contains("State 'S': missing Type");
      assertThat(problemsOfState("{\"Type\": \"Sleep\", \"Next\": \"Done\"}"))
          .contains("State 'S': unknown Type \"Sleep\"");
      assertThat(problemsOfState("\"Pass\"")).contains("State 'S': a state must be a JSON object");
    }

    @Test
    void fieldsNotAllowedOnTheType() {
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"Resource\": \"x\", \"End\": true}"))
          .containsExactly("State 'S': field 'Resource' is not allowed on a Pass state");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Wait\", \"Seconds\": 1, \"ResultPath\": \"$.x\", \"End\": true}"))
          .containsExactly("State 'S': field 'ResultPath' is not allowed on a Wait state");
      assertThat(problemsOfState("{\"Type\": \"Fail\", \"InputPath\": \"$\"}"))
          .containsExactly("State 'S': field 'InputPath' is not allowed on a Fail state");
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"Retry\": [], \"End\": true}"))
          .containsExactly("State 'S': field 'Retry' is not allowed on a Pass state");
    }

    @Test
    void taskNeedsAResource() {
      assertThat(problemsOfState("{\"Type\": \"Task\", \"End\": true}"))
          .containsExactly("State 'S': a Task state must have a Resource");
    }

    @Test
    void taskTimeouts() {
      // Spec, Task "Timeouts": positive integers, not both forms, heartbeat below timeout.
      assertThat(problemsOfState("{" + TASK + ", \"TimeoutSeconds\": 0, \"End\": true}"))
          .containsExactly("State 'S': TimeoutSeconds must be a positive integer, not 0");
      assertThat(
              problemsOfState(
                  "{"
                      + TASK
                      + ", \"TimeoutSeconds\": 5, \"TimeoutSecondsPath\": \"$.t\", \"End\": true}"))
          .containsExactly(
              "State 'S': has both TimeoutSeconds and TimeoutSecondsPath; use only one");
      assertThat(
              problemsOfState(
                  "{" + TASK + ", \"TimeoutSeconds\": 5, \"HeartbeatSeconds\": 5, \"End\": true}"))
          .containsExactly("State 'S': HeartbeatSeconds must be smaller than TimeoutSeconds");
      assertThat(
              problemsOfState(
                  "{" + TASK + ", \"HeartbeatSecondsPath\": \"$.h[*]\", \"End\": true}"))
          .hasSize(1)
          .first()
          .asString()
          .contains("HeartbeatSecondsPath '$.h[*]' must be a reference path");
    }

    @Test
    void waitNeedsExactlyOneDuration() {
      // Spec: "A JSONPath Wait State MUST contain exactly one of ...".
      assertThat(problemsOfState("{\"Type\": \"Wait\", \"End\": true}"))
          .containsExactly(
              "State 'S': a Wait state must have exactly one of Seconds, Timestamp, SecondsPath or"
                  + " TimestampPath");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Wait\", \"Seconds\": 1, \"TimestampPath\": \"$.t\", \"End\":"
                      + " true}"))
          .containsExactly(
              "State 'S': a Wait state must have exactly one of Seconds, Timestamp, SecondsPath or"
                  + " TimestampPath, not Seconds and TimestampPath");
    }

    @Test
    void waitValues() {
      assertThat(problemsOfState("{\"Type\": \"Wait\", \"Seconds\": -1, \"End\": true}"))
          .containsExactly("State 'S': Seconds must be a non-negative integer, not -1");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Wait\", \"Timestamp\": \"2016-03-14 01:59:00\", \"End\": true}"))
          .containsExactly(
              "State 'S': Timestamp must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, not"
                  + " \"2016-03-14 01:59:00\"");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Wait\", \"Timestamp\": \"2016-03-14T01:59:00Z\", \"End\": true}"))
          .isEmpty();
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Wait\", \"TimestampPath\": \"$$.Execution.Input.at\", \"End\":"
                      + " true}"))
          .isEmpty();
    }

    @Test
    void failErrorAndCauseForms() {
      // Spec: "A Fail state MUST NOT include both "Error" and "ErrorPath" or both "Cause" and
      // "CausePath"".
      assertThat(problemsOfState("{\"Type\": \"Fail\", \"Error\": \"E\", \"ErrorPath\": \"$.e\"}"))
          .containsExactly("State 'S': has both Error and ErrorPath; use only one");
      assertThat(problemsOfState("{\"Type\": \"Fail\", \"Cause\": \"C\", \"CausePath\": \"$.c\"}"))
          .containsExactly("State 'S': has both Cause and CausePath; use only one");
      assertThat(problemsOfState("{\"Type\": \"Fail\", \"ErrorPath\": \"$.e[*]\"}")).hasSize(1);
      assertThat(problemsOfState("{\"Type\": \"Fail\", \"CausePath\": \"States.Nope()\"}"))
          .hasSize(1);
      assertThat(problemsOfState("{\"Type\": \"Fail\", \"Error\": 5}"))
          .containsExactly("State 'S': Error must be a string");
    }

    @Test
    void parallelAndMapNeedTheirNestedMachines() {
      assertThat(problemsOfState("{\"Type\": \"Parallel\", \"End\": true}"))
          .containsExactly("State 'S': a Parallel state must have Branches, a non-empty array");
      assertThat(problemsOfState("{\"Type\": \"Map\", \"End\": true}"))
          .containsExactly(
              "State 'S': a Map state must have an ItemProcessor (or the deprecated Iterator)");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"StartAt\": \"X\","
                      + " \"States\": {\"X\": {\"Type\": \"Succeed\"}}}, \"Iterator\":"
                      + " {\"StartAt\": \"Y\", \"States\": {\"Y\": {\"Type\": \"Succeed\"}}}}"))
          .contains(
              "State 'S': has both ItemProcessor and Iterator (its deprecated name); use one");
    }

    @Test
    void nestedMachinesAreValidatedRecursively() {
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [{\"StartAt\": \"X\","
                      + " \"States\": {\"X\": {\"Type\": \"Pass\"}}}, {\"States\": {}}]}"))
          .containsExactly(
              "State 'X': must have Next or \"End\": true",
              "Branches[1] of state 'S': States must be a non-empty object",
              "Branches[1] of state 'S': missing StartAt");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"StartAt\": \"Z\","
                      + " \"States\": {\"X\": {\"Type\": \"Succeed\"}}}}"))
          .containsExactly("ItemProcessor of state 'S': StartAt 'Z' is not a state");
    }

    @Test
    void mapLimits() {
      assertThat(problemsOfState(mapWith("\"MaxConcurrency\": -1")))
          .containsExactly("State 'S': MaxConcurrency must be a non-negative integer, not -1");
      assertThat(problemsOfState(mapWith("\"ToleratedFailurePercentage\": 101")))
          .containsExactly(
              "State 'S': ToleratedFailurePercentage must be a number from 0 to 100, not 101");
      assertThat(problemsOfState(mapWith("\"MaxConcurrency\": 1, \"MaxConcurrencyPath\": \"$.m\"")))
          .containsExactly(
              "State 'S': has both MaxConcurrency and MaxConcurrencyPath; use only one");
      assertThat(problemsOfState(mapWith("\"ItemSelector\": {}, \"Parameters\": {}")))
          .containsExactly("State 'S': has both ItemSelector and Parameters; use only one");
      assertThat(problemsOfState(mapWith("\"ItemsPath\": \"$.items[*]\""))).hasSize(1);
    }

    private static String mapWith(String fields) {
      return "{\"Type\": \"Map\", \"End\": true, "
          + fields
          + ", \"ItemProcessor\": {\"StartAt\": \"X\", \"States\": {\"X\": {\"Type\":"
          + " \"Succeed\"}}}}";
    }
  }
}
