package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.TestJson.json;
import static com.aigency.local.stepfunctions.asl.TestJson.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PayloadTemplatesTest {

  @Test
  void specStaticTemplateIsItsOwnPayload() {
    // Spec, "Payload Template": {"first": 88, "second": 99} needs no processing.
    JsonNode template = q("{'first': 88, 'second': 99}");
    assertThat(PayloadTemplates.resolve(template, q("{'x': 1}"), json("{}"))).isEqualTo(template);
  }

  @Test
  void specExampleWithPathsContextAndIntrinsic() {
    // Spec, "Payload Template": the "X" state with flagged/parts/weekday/formattedOutput.
    JsonNode template =
        json(
            """
            {
              "flagged": true,
              "parts": {"first.$": "$.vals[0]", "last3.$": "$.vals[-3:]"},
              "weekday.$": "$$.DayOfWeek",
              "formattedOutput.$": "States.Format('Today is {}', $$.DayOfWeek)"
            }
            """);
    JsonNode input = q("{'flagged': 7, 'vals': [0, 10, 20, 30, 40, 50]}");
    JsonNode context = q("{'DayOfWeek': 'TUESDAY'}");
    assertThat(PayloadTemplates.resolve(template, input, context))
        .isEqualTo(
            json(
                """
                {
                  "flagged": true,
                  "parts": {"first": 0, "last3": [30, 40, 50]},
                  "weekday": "TUESDAY",
                  "formattedOutput": "Today is TUESDAY"
                }
                """));
  }

  @Test
  void specMapItemSelectorUsesTheContextItem() {
    // Spec, "JSONPath Map State": ItemSelector {"parcel.$": "$$.Map.Item.Value", "courier.$": ...}.
    JsonNode template = q("{'parcel.$': '$$.Map.Item.Value', 'courier.$': '$.delivery-partner'}");
    JsonNode input = q("{'delivery-partner': 'UQS', 'shipped': []}");
    JsonNode context =
        q(
            "{'Map': {'Item': {'Index': 0, 'Value': {'prod': 'R31', 'dest-code': 9511, 'quantity':"
                + " 1344}}}}");
    assertThat(PayloadTemplates.resolve(template, input, context))
        .isEqualTo(
            q(
                "{'parcel': {'prod': 'R31', 'dest-code': 9511, 'quantity': 1344}, 'courier':"
                    + " 'UQS'}"));
  }

  @Test
  void objectsInsideArraysAreProcessedToo() {
    JsonNode template = q("{'list': [{'v.$': '$.a'}, 'plain', [{'w.$': '$.b'}]]}");
    assertThat(PayloadTemplates.resolve(template, q("{'a': 1, 'b': 2}"), null))
        .isEqualTo(q("{'list': [{'v': 1}, 'plain', [{'w': 2}]]}"));
  }

  @Test
  void valuesWithoutTheSuffixAreLiteralEvenIfTheyLookLikePaths() {
    JsonNode template = q("{'p': '$.a', 'f': 'States.UUID()'}");
    assertThat(PayloadTemplates.resolve(template, q("{'a': 1}"), null)).isEqualTo(template);
  }

  @Test
  void theWholeInputAndNullValues() {
    JsonNode template = q("{'all.$': '$', 'n.$': '$.n'}");
    assertThat(PayloadTemplates.resolve(template, q("{'n': null}"), null))
        .isEqualTo(q("{'all': {'n': null}, 'n': null}"));
  }

  @Test
  void aMissingPathIsStatesRuntimeNamingPathFieldAndInput() {
    // floci#2521 (Step Functions Local and AWS): States.Runtime, "The JSONPath '$.nope.deep'
    // specified for the field 'missing.$' could not be found in the input '{"other":1}'".
    assertThatThrownBy(
            () ->
                PayloadTemplates.resolve(
                    q("{'missing.$': '$.nope.deep'}"), q("{'other': 1}"), null))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(StatesError.RUNTIME);
              assertThat(e.cause())
                  .isEqualTo(
                      "The JSONPath '$.nope.deep' specified for the field 'missing.$' could not"
                          + " be found in the input '{\"other\":1}'");
            });
  }

  @Test
  void aMissingContextPathIsStatesRuntime() {
    assertThatThrownBy(
            () -> PayloadTemplates.resolve(q("{'t.$': '$$.Task.Token'}"), q("{}"), q("{}")))
        .isInstanceOfSatisfying(
            StatesError.class, e -> assertThat(e.error()).isEqualTo(StatesError.RUNTIME));
  }

  @Test
  void intrinsicFailuresKeepTheirName() {
    assertThatThrownBy(
            () ->
                PayloadTemplates.resolve(
                    q("{'x.$': 'States.ArrayLength($.a)'}"), q("{'a': 1}"), null))
        .isInstanceOfSatisfying(
            StatesError.class, e -> assertThat(e.error()).isEqualTo(StatesError.INTRINSIC_FAILURE));
  }

  @Test
  void aNonStringDynamicValueIsAnError() {
    assertThatThrownBy(() -> PayloadTemplates.resolve(q("{'x.$': 5}"), q("{}"), null))
        .isInstanceOf(StatesError.class);
  }

  @Test
  void randomnessCanBeMadeRepeatable() {
    JsonNode template = q("{'id.$': 'States.UUID()'}");
    JsonNode first =
        PayloadTemplates.resolve(template, q("{}"), null, RandomGenerator.of("L64X128MixRandom"));
    assertThat(first.get("id").textValue()).hasSize(36);
  }

  @Test
  void resultsAreCopiesNotSharedWithTheInput() {
    JsonNode input = q("{'a': {'b': 1}}");
    JsonNode payload = PayloadTemplates.resolve(q("{'x.$': '$.a'}"), input, null);
    ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("x")).put("b", 2);
    assertThat(input).isEqualTo(q("{'a': {'b': 1}}"));
  }

  @Test
  void evaluateHandlesFailStatePathsAndIntrinsics() {
    // Spec, "JSONPath Fail State": ErrorPath and CausePath are reference paths or intrinsics.
    JsonNode input = q("{'Error': 'ErrorA', 'Cause': 'Kaiju attack'}");
    assertThat(PayloadTemplates.evaluate("$.Error", input, null)).isEqualTo(json("\"ErrorA\""));
    assertThat(PayloadTemplates.evaluate("States.Format('{}!', $.Cause)", input, null))
        .isEqualTo(json("\"Kaiju attack!\""));
  }
}
