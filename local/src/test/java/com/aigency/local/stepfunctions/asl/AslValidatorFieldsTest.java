package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.TestJson.json;
import static com.aigency.local.stepfunctions.asl.ValidatorFixtures.TASK;
import static com.aigency.local.stepfunctions.asl.ValidatorFixtures.problems;
import static com.aigency.local.stepfunctions.asl.ValidatorFixtures.problemsOfState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The field rules of {@link AslValidator}: paths, Choice rules, Retry/Catch, loud limits. */
class AslValidatorFieldsTest {
  @Nested
  class Paths {
    @Test
    void inputAndOutputPathsMustBeValid() {
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"InputPath\": \"foo\", \"End\": true}"))
          .hasSize(1)
          .first()
          .asString()
          .startsWith("State 'S': InputPath: Invalid JSONPath 'foo'");
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"OutputPath\": \"$.a[\", \"End\": true}"))
          .hasSize(1);
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Pass\", \"InputPath\": null, \"OutputPath\": \"$.a[*].b\", \"End\":"
                      + " true}"))
          .isEmpty();
    }

    @Test
    void resultPathMustBeAReferencePath() {
      // Spec: "The value of "ResultPath" MUST be a Reference Path"; "MUST NOT begin with $$".
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"ResultPath\": \"$.a[*]\", \"End\": true}"))
          .containsExactly(
              "State 'S': ResultPath '$.a[*]' must be a reference path (only .name, ['name'] and"
                  + " [index] steps, selecting a single node)");
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"ResultPath\": \"$$.x\", \"End\": true}"))
          .containsExactly("State 'S': ResultPath '$$.x' must not begin with $$");
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"ResultPath\": 3, \"End\": true}"))
          .hasSize(1);
    }

    @Test
    void payloadTemplateValues() {
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Pass\", \"Parameters\": {\"a.$\": \"$.x[\"}, \"End\": true}"))
          .hasSize(1)
          .first()
          .asString()
          .startsWith("State 'S': Parameters.a.$: Invalid JSONPath");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Pass\", \"Parameters\": {\"a.$\": \"NotAFunction\"}, \"End\":"
                      + " true}"))
          .hasSize(1);
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Pass\", \"Parameters\": {\"a\": [{\"b.$\": 1}]}, \"End\": true}"))
          .containsExactly(
              "State 'S': Parameters.a[0].b.$ must be a path or an intrinsic function string");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Pass\", \"Parameters\": {\"a\": 1, \"a.$\": \"$.a\"}, \"End\":"
                      + " true}"))
          .containsExactly("State 'S': Parameters has the field 'a' twice once '.$' is removed");
      assertThat(problemsOfState("{\"Type\": \"Pass\", \"Parameters\": \"$.a\", \"End\": true}"))
          .containsExactly("State 'S': Parameters must be a JSON object (a payload template)");
      assertThat(
              problemsOfState(
                  "{"
                      + TASK
                      + ", \"ResultSelector\": {\"x.$\": \"States.Array(\"}, \"End\": true}"))
          .hasSize(1);
    }
  }

  @Nested
  class Choices {
    private List<String> choice(String rules) {
      return problemsOfState("{\"Type\": \"Choice\", \"Choices\": " + rules + "}");
    }

    @Test
    void choicesAreRequired() {
      assertThat(problemsOfState("{\"Type\": \"Choice\", \"Default\": \"Done\"}"))
          .containsExactly(
              "State 'S': a Choice state must have Choices, a non-empty array of Choice rules");
      assertThat(choice("[]"))
          .contains(
              "State 'S': a Choice state must have Choices, a non-empty array of Choice rules");
    }

    @Test
    void topLevelRulesNeedNextAndNestedOnesMustNotHaveIt() {
      assertThat(choice("[{\"Variable\": \"$.a\", \"IsNull\": true}]"))
          .contains("State 'S': Choices[0] must have a Next");
      assertThat(
              choice(
                  "[{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"Done\"},"
                      + " \"Next\": \"Done\"}]"))
          .containsExactly("State 'S': Choices[0].Not is nested, so it must not have a Next");
    }

    @Test
    void unknownOperators() {
      assertThat(choice("[{\"Variable\": \"$.a\", \"StringEqual\": \"x\", \"Next\": \"Done\"}]"))
          .containsExactly(
              "State 'S': Choices[0] has the unknown field 'StringEqual'",
              "State 'S': Choices[0] has no comparison operator");
      assertThat(
              choice(
                  "[{\"Variable\": \"$.a\", \"IsNull\": true, \"IsString\": true, \"Next\":"
                      + " \"Done\"}]"))
          .containsExactly("State 'S': Choices[0] must have exactly one comparison operator");
    }

    @Test
    void operandTypes() {
      assertThat(choice("[{\"Variable\": \"$.a\", \"NumericEquals\": \"1\", \"Next\": \"Done\"}]"))
          .containsExactly("State 'S': Choices[0].NumericEquals must be a number, not \"1\"");
      assertThat(
              choice(
                  "[{\"Variable\": \"$.a\", \"TimestampEquals\": \"yesterday\", \"Next\":"
                      + " \"Done\"}]"))
          .hasSize(1);
      assertThat(
              choice("[{\"Variable\": \"$.a\", \"BooleanEquals\": \"true\", \"Next\": \"Done\"}]"))
          .hasSize(1);
      assertThat(choice("[{\"Variable\": \"$.a\", \"IsNull\": \"yes\", \"Next\": \"Done\"}]"))
          .containsExactly("State 'S': Choices[0].IsNull must be true or false, not \"yes\"");
      assertThat(
              choice(
                  "[{\"Variable\": \"$.a\", \"StringEqualsPath\": \"a.b\", \"Next\": \"Done\"}]"))
          .containsExactly("State 'S': Choices[0].StringEqualsPath must be a path, not \"a.b\"");
    }

    @Test
    void stringMatchesPatternsMustNotHaveOpenEscapes() {
      assertThat(
              choice(
                  "[{\"Variable\": \"$.a\", \"StringMatches\": \"a\\\\b\", \"Next\": \"Done\"}]"))
          .hasSize(1)
          .first()
          .asString()
          .contains("open escape");
    }

    @Test
    void variableMustBeAValidPath() {
      assertThat(choice("[{\"Variable\": \"a\", \"IsNull\": true, \"Next\": \"Done\"}]"))
          .hasSize(1)
          .first()
          .asString()
          .startsWith("State 'S': Choices[0].Variable: Invalid JSONPath 'a'");
      assertThat(choice("[{\"IsNull\": true, \"Next\": \"Done\"}]"))
          .containsExactly("State 'S': Choices[0] must have a Variable (or be an And, Or or Not)");
    }

    @Test
    void booleanExpressions() {
      assertThat(choice("[{\"And\": [], \"Next\": \"Done\"}]"))
          .containsExactly("State 'S': Choices[0].And must be a non-empty array of Choice rules");
      assertThat(
              choice(
                  "[{\"And\": [{\"Variable\": \"$.a\", \"IsNull\": true}], \"Or\": [], \"Next\":"
                      + " \"Done\"}]"))
          .containsExactly("State 'S': Choices[0] has more than one of And, Or, Not");
      assertThat(choice("[{\"Or\": [{\"Variable\": \"$.a\", \"Nope\": 1}], \"Next\": \"Done\"}]"))
          .contains("State 'S': Choices[0].Or[0] has the unknown field 'Nope'");
      assertThat(
              choice(
                  "[{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true}, \"Variable\": \"$.b\","
                      + " \"Next\": \"Done\"}]"))
          .containsExactly("State 'S': Choices[0] has the unknown field 'Variable'");
    }

    @Test
    void defaultMustNameAState() {
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true,"
                      + " \"Next\": \"Done\"}], \"Default\": \"Gone\"}"))
          .containsExactly("State 'S': Default 'Gone' is not a state");
    }
  }

  @Nested
  class RetryAndCatch {
    private List<String> task(String fields) {
      return problemsOfState("{" + TASK + ", " + fields + ", \"End\": true}");
    }

    @Test
    void errorEqualsIsRequiredAndNonEmpty() {
      assertThat(task("\"Retry\": [{}]"))
          .containsExactly(
              "State 'S': Retry[0].ErrorEquals must be a non-empty array of error names");
      assertThat(task("\"Catch\": [{\"ErrorEquals\": [], \"Next\": \"Done\"}]"))
          .containsExactly(
              "State 'S': Catch[0].ErrorEquals must be a non-empty array of error names");
    }

    @Test
    void statesAllAloneAndLast() {
      // Spec: States.ALL "MUST appear alone in the "ErrorEquals" array and MUST appear in the
      // last".
      assertThat(task("\"Retry\": [{\"ErrorEquals\": [\"States.ALL\", \"X\"]}]"))
          .containsExactly("State 'S': Retry[0]: States.ALL must appear alone in ErrorEquals");
      assertThat(
              task(
                  "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Done\"},"
                      + " {\"ErrorEquals\": [\"X\"], \"Next\": \"Done\"}]"))
          .containsExactly("State 'S': Catch[0]: the one with States.ALL must be the last");
    }

    @Test
    void retrierValues() {
      // Spec: IntervalSeconds positive, MaxAttempts non-negative, BackoffRate >= 1.0,
      // MaxDelaySeconds positive; AWS: JitterStrategy FULL or NONE.
      assertThat(
              task(
                  "\"Retry\": [{\"ErrorEquals\": [\"X\"], \"IntervalSeconds\": 0, \"MaxAttempts\":"
                      + " -1, \"BackoffRate\": 0.5, \"MaxDelaySeconds\": 0, \"JitterStrategy\":"
                      + " \"HALF\", \"Foo\": 1}]"))
          .containsExactly(
              "State 'S': Retry[0] has the field 'Foo', which a Retrier cannot have",
              "State 'S': Retry[0].IntervalSeconds must be a positive integer, not 0",
              "State 'S': Retry[0].MaxAttempts must be a non-negative integer, not -1",
              "State 'S': Retry[0].MaxDelaySeconds must be a positive integer, not 0",
              "State 'S': Retry[0].BackoffRate must be a number of at least 1.0, not 0.5",
              "State 'S': Retry[0].JitterStrategy must be FULL or NONE, not \"HALF\"");
      assertThat(task("\"Retry\": [{\"ErrorEquals\": [\"X\"], \"MaxAttempts\": 0}]")).isEmpty();
    }

    @Test
    void catcherNeedsAValidNextAndResultPath() {
      assertThat(task("\"Catch\": [{\"ErrorEquals\": [\"X\"]}]"))
          .containsExactly("State 'S': Catch[0].Next must be the name of a state");
      assertThat(task("\"Catch\": [{\"ErrorEquals\": [\"X\"], \"Next\": \"Gone\"}]"))
          .containsExactly("State 'S': Catch[0].Next 'Gone' is not a state");
      assertThat(
              task(
                  "\"Catch\": [{\"ErrorEquals\": [\"X\"], \"Next\": \"Done\", \"ResultPath\":"
                      + " \"$..x\"}]"))
          .hasSize(1);
    }

    @Test
    void retryAndCatchMustBeArrays() {
      assertThat(task("\"Retry\": {}"))
          .containsExactly("State 'S': Retry must be an array of Retriers");
      assertThat(task("\"Catch\": {}"))
          .containsExactly("State 'S': Catch must be an array of Catchers");
    }
  }

  @Nested
  class LoudLimits {
    @Test
    void jsonataAtTheTopLevel() {
      assertThat(
              problems(
                  "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {\"A\":"
                      + " {\"Type\": \"Succeed\"}}}"))
          .containsExactly(
              "Definition: JSONata (QueryLanguage) is not supported by the local engine");
    }

    @Test
    void jsonataOnAState() {
      assertThat(
              problems(
                  "{\"StartAt\": \"Load\", \"States\": {\"Load\": {\"Type\": \"Pass\","
                      + " \"QueryLanguage\": \"JSONata\", \"Output\": \"{% 1 %}\", \"End\":"
                      + " true}}}"))
          .containsExactly(
              "State 'Load': JSONata (QueryLanguage) is not supported by the local engine");
    }

    @Test
    void jsonataFieldsAndVariables() {
      assertThat(
              problemsOfState(
                  "{"
                      + TASK
                      + ", \"Arguments\": {}, \"Output\": {}, \"Assign\": {\"x\": 1}, \"End\":"
                      + " true}"))
          .containsExactlyInAnyOrder(
              "State 'S': Arguments is a JSONata field; JSONata is not supported by the local"
                  + " engine",
              "State 'S': Output is a JSONata field; JSONata is not supported by the local engine",
              "State 'S': Assign (state machine variables) is not supported by the local engine");
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Choice\", \"Choices\": [{\"Condition\": \"{% true %}\", \"Assign\":"
                      + " {}, \"Next\": \"Done\"}]}"))
          .contains(
              "State 'S': Choices[0]: Condition is a JSONata field; JSONata is not supported by the"
                  + " local engine",
              "State 'S': Choices[0]: Assign (state machine variables) is not supported by the"
                  + " local engine");
      assertThat(
              problemsOfState(
                  "{"
                      + TASK
                      + ", \"Catch\": [{\"ErrorEquals\": [\"X\"], \"Next\": \"Done\", \"Assign\":"
                      + " {}}], \"End\": true}"))
          .containsExactly(
              "State 'S': Catch[0]: Assign (state machine variables) is not supported by the local"
                  + " engine");
    }

    @Test
    void distributedMapFeatures() {
      String processor =
          "\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\":"
              + " \"EXPRESS\"}, \"StartAt\": \"X\", \"States\": {\"X\": {\"Type\": \"Succeed\"}}}";
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Map\", \"End\": true, \"Label\": \"L\", \"ItemReader\": {},"
                      + " \"ResultWriter\": {}, \"ItemBatcher\": {}, "
                      + processor
                      + "}"))
          .containsExactlyInAnyOrder(
              "State 'S': Label (Distributed Map) is not supported by the local engine",
              "State 'S': ItemReader (Distributed Map) is not supported by the local engine",
              "State 'S': ResultWriter (Distributed Map) is not supported by the local engine",
              "State 'S': ItemBatcher (Distributed Map) is not supported by the local engine",
              "State 'S': Distributed Map (ProcessorConfig.Mode DISTRIBUTED) is not supported by"
                  + " the local engine",
              "State 'S': ProcessorConfig.ExecutionType (Distributed Map) is not supported by the"
                  + " local engine");
    }

    @Test
    void unsupportedResourcesAndCredentials() {
      assertThat(
              problemsOfState(
                  "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::unsupported:thing\","
                      + " \"End\": true}"))
          .containsExactly(
              "State 'S': Resource 'arn:aws:states:::unsupported:thing' is not supported by the"
                  + " local engine");
      assertThat(
              problemsOfState(
                  "{" + TASK + ", \"Credentials\": {\"RoleArn\": \"r\"}, \"End\": true}"))
          .containsExactly(
              "State 'S': Credentials (cross-account Task role) is not supported by the local"
                  + " engine");
    }

    @Test
    void loudLimitsAreFoundInsideNestedMachines() {
      ObjectNode definition =
          (ObjectNode)
              json(
                  "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"End\": true,"
                      + " \"ItemProcessor\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\":"
                      + " \"Parallel\", \"End\": true, \"Branches\": [{\"StartAt\": \"Deep\","
                      + " \"States\": {\"Deep\": {\"Type\": \"Task\", \"Resource\":"
                      + " \"arn:unsupported\", \"End\": true}}}]}}}}}}");
      assertThat(problems(definition))
          .containsExactly(
              "State 'Deep': Resource 'arn:unsupported' is not supported by the local engine");
    }
  }
}
