package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.TestJson.json;
import static com.aigency.local.stepfunctions.asl.TestJson.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InputOutputTest {

  private static JsonNode path(String p) {
    return TextNode.valueOf(p);
  }

  @Nested
  class InputAndOutputPath {
    @Test
    void absentMeansTheWholeInput() {
      JsonNode input = q("{'a': 1}");
      assertThat(InputOutput.inputPath(input, null)).isEqualTo(input);
      assertThat(InputOutput.inputPath(input, MissingNode.getInstance())).isEqualTo(input);
      assertThat(InputOutput.outputPath(input, null)).isEqualTo(input);
    }

    @Test
    void nullDiscardsForAnEmptyObject() {
      // Spec: "If the value of InputPath is null ... the effective input for the state is {}";
      // "If the value of OutputPath is null ... the effective output from the state is {}".
      JsonNode input = q("{'a': 1}");
      assertThat(InputOutput.inputPath(input, NullNode.instance)).isEqualTo(json("{}"));
      assertThat(InputOutput.outputPath(input, NullNode.instance)).isEqualTo(json("{}"));
    }

    @Test
    void selectsPartOfTheInput() {
      // Spec, "Input/Output Processing Examples": InputPath "$.numbers".
      JsonNode input = q("{'title': 'Numbers to add', 'numbers': {'val1': 3, 'val2': 4}}");
      assertThat(InputOutput.inputPath(input, path("$.numbers")))
          .isEqualTo(q("{'val1': 3, 'val2': 4}"));
    }

    @Test
    void gathersMultipleMatchesIntoAnArray() {
      // Spec: "$.a[0,1] ... the state would see the input [1, 2]"; same rule for OutputPath.
      JsonNode input = q("{'a': [1, 2, 3, 4]}");
      assertThat(InputOutput.inputPath(input, path("$.a[0,1]"))).isEqualTo(json("[1, 2]"));
      assertThat(InputOutput.outputPath(input, path("$.a[0,1]"))).isEqualTo(json("[1, 2]"));
    }

    @Test
    void aPathThatSelectsNothingIsStatesRuntime() {
      // AWS error names: States.Runtime, e.g. "attempting to apply InputPath or OutputPath on a
      // null JSON payload".
      assertThatThrownBy(() -> InputOutput.inputPath(NullNode.instance, path("$.a")))
          .isInstanceOfSatisfying(
              StatesError.class, e -> assertThat(e.error()).isEqualTo(StatesError.RUNTIME));
      assertThatThrownBy(() -> InputOutput.outputPath(q("{'a': 1}"), path("$.Payload")))
          .isInstanceOfSatisfying(
              StatesError.class,
              e -> {
                assertThat(e.error()).isEqualTo(StatesError.RUNTIME);
                assertThat(e.cause()).contains("$.Payload");
              });
    }
  }

  @Nested
  class ResultPath {
    @Test
    void absentOrDollarReplacesTheInputWithTheResult() {
      JsonNode input = q("{'a': 1}");
      assertThat(InputOutput.resultPath(input, null, json("7"))).isEqualTo(json("7"));
      assertThat(InputOutput.resultPath(input, path("$"), json("7"))).isEqualTo(json("7"));
    }

    @Test
    void nullKeepsTheInputAndDiscardsTheResult() {
      // Spec: "If the value of ResultPath is null ... the state's result is discarded".
      JsonNode input = q("{'a': 1}");
      assertThat(InputOutput.resultPath(input, NullNode.instance, json("7"))).isEqualTo(input);
    }

    @Test
    void specOverwritesAnExistingField() {
      // Spec: result 6 with ResultPath "$.master.detail" overwrites detail.
      JsonNode input = q("{'master': {'detail': [1, 2, 3]}}");
      assertThat(InputOutput.resultPath(input, path("$.master.detail"), json("6")))
          .isEqualTo(q("{'master': {'detail': 6}}"));
    }

    @Test
    void specCreatesInterveningFields() {
      // Spec: ResultPath "$.master.result.sum" produces a chain of new fields.
      JsonNode input = q("{'master': {'detail': [1, 2, 3]}}");
      assertThat(InputOutput.resultPath(input, path("$.master.result.sum"), json("6")))
          .isEqualTo(q("{'master': {'detail': [1, 2, 3], 'result': {'sum': 6}}}"));
    }

    @Test
    void specAddsTheSum() {
      // Spec, "Input/Output Processing Examples": InputPath $.numbers, ResultPath $.sum.
      JsonNode input = q("{'title': 'Numbers to add', 'numbers': {'val1': 3, 'val2': 4}}");
      assertThat(InputOutput.resultPath(input, path("$.sum"), json("7")))
          .isEqualTo(q("{'title': 'Numbers to add', 'numbers': {'val1': 3, 'val2': 4}, 'sum': 7}"));
    }

    @Test
    void specBuildsGreeting() {
      // Spec: output "Hi!" with ResultPath "$.b.greeting" on {"a": 1}.
      assertThat(InputOutput.resultPath(q("{'a': 1}"), path("$.b.greeting"), json("\"Hi!\"")))
          .isEqualTo(q("{'a': 1, 'b': {'greeting': 'Hi!'}}"));
    }

    @Test
    void specPassStateInjectsCoordinates() {
      // Spec, Pass State: Result with ResultPath "$.coords".
      JsonNode result = q("{'x-datum': 0.381018, 'y-datum': 622.2269926397355}");
      assertThat(InputOutput.resultPath(q("{'georefOf': 'Home'}"), path("$.coords"), result))
          .isEqualTo(
              q(
                  "{'georefOf': 'Home', 'coords': {'x-datum': 0.381018, 'y-datum':"
                      + " 622.2269926397355}}"));
    }

    @Test
    void catcherStoresTheErrorOutputBesideTheInput() {
      // Spec, "JSONPath Catchers": ResultPath "$.error-info" injects the Error Output.
      JsonNode error = ErrorHandling.errorOutput("java.lang.Exception", "boom");
      assertThat(InputOutput.resultPath(q("{'id': 1}"), path("$.error-info"), error))
          .isEqualTo(
              q("{'id': 1, 'error-info': {'Error': 'java.lang.Exception', 'Cause': 'boom'}}"));
    }

    @Test
    void doesNotModifyTheInput() {
      JsonNode input = q("{'a': {'b': 1}}");
      InputOutput.resultPath(input, path("$.a.c"), json("2"));
      assertThat(input).isEqualTo(q("{'a': {'b': 1}}"));
    }

    @Test
    void replacesAnExistingArrayElement() {
      assertThat(InputOutput.resultPath(q("{'a': [1, 2]}"), path("$.a[1]"), json("9")))
          .isEqualTo(q("{'a': [1, 9]}"));
    }

    @Test
    void specFailsWhenTheInputCannotHoldTheResult() {
      // Spec, "JSONPath Runtime Errors": input "foo" with ResultPath "$.x".
      assertThatThrownBy(() -> InputOutput.resultPath(json("\"foo\""), path("$.x"), json("1")))
          .isInstanceOfSatisfying(
              StatesError.class,
              e -> {
                assertThat(e.error()).isEqualTo(StatesError.RESULT_PATH_MATCH_FAILURE);
                assertThat(e.cause()).contains("$.x").contains("\"foo\"");
              });
    }

    @Test
    void failsThroughScalarsAndPastTheEndOfArrays() {
      for (String p : new String[] {"$.a.b", "$.list[5]", "$.list[0].x", "$.n.x"}) {
        assertThatThrownBy(
                () ->
                    InputOutput.resultPath(
                        q("{'a': 'text', 'list': [1], 'n': null}"), path(p), json("1")))
            .as(p)
            .isInstanceOfSatisfying(
                StatesError.class,
                e -> assertThat(e.error()).isEqualTo(StatesError.RESULT_PATH_MATCH_FAILURE));
      }
    }

    @Test
    void mustBeAReferencePath() {
      // Spec: "The value of "ResultPath" MUST be a Reference Path" and "MUST NOT begin with $$".
      for (String p : new String[] {"$.a[*]", "$$.Execution", "$..a"}) {
        assertThatThrownBy(() -> InputOutput.resultPath(q("{}"), path(p), json("1")))
            .as(p)
            .isInstanceOf(StatesError.class);
      }
    }
  }
}
