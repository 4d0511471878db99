package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.TestJson.json;
import static com.aigency.local.stepfunctions.asl.TestJson.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRulesTest {

  /** A rule {"Variable": "$.v", operator: operand} tested against {"v": value}. */
  private static boolean test(String operator, String operand, String value) {
    JsonNode rule = json("{\"Variable\": \"$.v\", \"" + operator + "\": " + operand + "}");
    return ChoiceRules.matches(rule, json("{\"v\": " + value + ", \"other\": " + value + "}"));
  }

  @Nested
  class SpecExamples {
    // Spec, "JSONPath Choice Rules": the DispatchEvent state (without its Assign fields).
    private static final JsonNode DISPATCH =
        json(
            """
            {
              "Type": "Choice",
              "Choices": [
                {"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"},
                {"And": [
                    {"Variable": "$.value", "IsPresent": true},
                    {"Variable": "$.value", "IsNumeric": true},
                    {"Variable": "$.value", "NumericGreaterThanEquals": 20},
                    {"Variable": "$.value", "NumericLessThan": 30}],
                 "Next": "ValueInTwenties"},
                {"Variable": "$.rating", "NumericGreaterThanPath": "$.auditThreshold", "Next": "StartAudit"}
              ],
              "Default": "RecordEvent"
            }
            """);

    @Test
    void specInputGoesToValueInTwenties() {
      assertThat(ChoiceRules.next(DISPATCH, q("{'type': 'Private', 'value': 22}")))
          .isEqualTo("ValueInTwenties");
    }

    @Test
    void notPrivateGoesToPublic() {
      assertThat(ChoiceRules.next(DISPATCH, q("{'type': 'Public', 'value': 22}")))
          .isEqualTo("Public");
    }

    @Test
    void isPresentGuardsTheComparisonsInsideAnd() {
      assertThat(
              ChoiceRules.next(
                  DISPATCH, q("{'type': 'Private', 'rating': 9, 'auditThreshold': 5}")))
          .isEqualTo("StartAudit");
    }

    @Test
    void nothingMatchingTakesTheDefault() {
      assertThat(
              ChoiceRules.next(
                  DISPATCH,
                  q("{'type': 'Private', 'value': 'x', 'rating': 1, 'auditThreshold': 5}")))
          .isEqualTo("RecordEvent");
    }

    @Test
    void awsChoiceStateExample() {
      // AWS Choice state page, ChoiceStateX with input {"type": "Private", "value": 22}.
      JsonNode state =
          json(
              """
              {"Type": "Choice", "Choices": [
                {"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"},
                {"Variable": "$.value", "NumericEquals": 0, "Next": "ValueIsZero"},
                {"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20},
                         {"Variable": "$.value", "NumericLessThan": 30}], "Next": "ValueInTwenties"}],
               "Default": "DefaultState"}
              """);
      assertThat(ChoiceRules.next(state, q("{'type': 'Private', 'value': 22}")))
          .isEqualTo("ValueInTwenties");
      assertThat(ChoiceRules.next(state, q("{'type': 'Private', 'value': 0}")))
          .isEqualTo("ValueIsZero");
      assertThat(ChoiceRules.next(state, q("{'type': 'Private', 'value': 31}")))
          .isEqualTo("DefaultState");
    }

    @Test
    void noMatchAndNoDefaultIsNoChoiceMatched() {
      // Spec: "States.NoChoiceMatched error if a Choice State fails to match ... and no Default".
      JsonNode state =
          json("{\"Choices\": [{\"Variable\": \"$.a\", \"NumericEquals\": 1, \"Next\": \"X\"}]}");
      assertThatThrownBy(() -> ChoiceRules.next(state, q("{'a': 2}")))
          .isInstanceOfSatisfying(
              StatesError.class,
              e -> assertThat(e.error()).isEqualTo(StatesError.NO_CHOICE_MATCHED));
    }
  }

  @Nested
  class Comparisons {
    @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "StringEquals|'\"a\"'|'\"a\"'|true",
          "StringEquals|'\"a\"'|'\"A\"'|false",
          "StringLessThan|'\"b\"'|'\"a\"'|true",
          "StringLessThan|'\"a\"'|'\"a\"'|false",
          "StringLessThanEquals|'\"a\"'|'\"a\"'|true",
          "StringGreaterThan|'\"MyStringABC\"'|'\"MyStringABD\"'|true",
          "StringGreaterThanEquals|'\"b\"'|'\"a\"'|false",
          // Java compareTo, as the AWS page points to: uppercase sorts before lowercase.
          "StringLessThan|'\"a\"'|'\"Z\"'|true",
          "NumericEquals|1|1|true",
          "NumericEquals|1|1.0|true",
          "NumericEquals|1|'\"1\"'|false",
          "NumericLessThan|2|1.5|true",
          "NumericLessThanEquals|2|2|true",
          "NumericGreaterThan|2|2|false",
          "NumericGreaterThanEquals|2|2.0|true",
          "NumericGreaterThan|-1|0|true",
          "BooleanEquals|true|true|true",
          "BooleanEquals|true|false|false",
          "BooleanEquals|true|'\"true\"'|false",
          "TimestampEquals|'\"2001-01-01T12:00:00Z\"'|'\"2001-01-01T12:00:00Z\"'|true",
          "TimestampEquals|'\"2001-01-01T12:00:00Z\"'|'\"2001-01-01T13:00:00+01:00\"'|true",
          "TimestampEquals|'\"2001-01-01T12:00:00Z\"'|'\"2001-01-01T12:00:00.000Z\"'|true",
          "TimestampLessThan|'\"2016-03-14T01:59:00Z\"'|'\"2016-03-14T01:58:59.999Z\"'|true",
          "TimestampGreaterThan|'\"2016-03-14T01:59:00Z\"'|'\"2016-03-14T02:00:00Z\"'|true",
          "TimestampLessThanEquals|'\"2016-03-14T01:59:00Z\"'|'\"2016-03-14T01:59:00Z\"'|true",
          "TimestampGreaterThanEquals|'\"2016-03-14T01:59:00Z\"'|'\"2016-03-14T01:58:00Z\"'|false",
          "TimestampEquals|'\"2001-01-01T12:00:00Z\"'|'\"2001-01-01t12:00:00z\"'|false",
          "TimestampEquals|'\"2001-01-01T12:00:00Z\"'|'\"2001-01-01T12:00:00\"'|false",
          "TimestampEquals|'\"2001-01-01T12:00:00Z\"'|12|false",
        })
    void operatorsCompareOnlyValuesOfTheirType(
        String operator, String operand, String value, boolean expected) {
      assertThat(test(operator, operand, value)).isEqualTo(expected);
    }

    @Test
    void awsTimestampsMatchStringComparatorsToo() {
      // AWS Choice page: "a field considered to be a timestamp can be matched by a StringEquals".
      assertThat(test("StringEquals", "\"2001-01-01T12:00:00Z\"", "\"2001-01-01T12:00:00Z\""))
          .isTrue();
    }

    @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "IsNull|true|null|true",
          "IsNull|true|0|false",
          "IsNull|false|0|true",
          "IsNumeric|true|1.5|true",
          "IsNumeric|true|'\"1\"'|false",
          "IsString|true|'\"x\"'|true",
          "IsString|false|1|true",
          "IsBoolean|true|false|true",
          "IsBoolean|true|'\"false\"'|false",
          "IsTimestamp|true|'\"2016-03-14T01:59:00Z\"'|true",
          "IsTimestamp|true|'\"2016-03-14T01:59:00.5-07:30\"'|true",
          "IsTimestamp|true|'\"2016-03-14 01:59:00Z\"'|false",
          "IsTimestamp|true|'\"2016-13-14T01:59:00Z\"'|false",
          "IsTimestamp|false|'\"yesterday\"'|true",
          "IsPresent|true|null|true",
        })
    void typeTests(String operator, String operand, String value, boolean expected) {
      assertThat(test(operator, operand, value)).isEqualTo(expected);
    }

    @Test
    void pathVariantsCompareWithAnotherInputValue() {
      JsonNode input =
          q(
              "{'a': 5, 'b': 7, 's': 'x', 't': 'x', 'f': true, 'g': true, 'd1':"
                  + " '2020-01-01T00:00:00Z', 'd2': '2021-01-01T00:00:00Z'}");
      assertThat(ChoiceRules.matches(q("{'Variable': '$.a', 'NumericLessThanPath': '$.b'}"), input))
          .isTrue();
      assertThat(ChoiceRules.matches(q("{'Variable': '$.a', 'NumericEqualsPath': '$.b'}"), input))
          .isFalse();
      assertThat(ChoiceRules.matches(q("{'Variable': '$.s', 'StringEqualsPath': '$.t'}"), input))
          .isTrue();
      assertThat(ChoiceRules.matches(q("{'Variable': '$.f', 'BooleanEqualsPath': '$.g'}"), input))
          .isTrue();
      assertThat(
              ChoiceRules.matches(
                  q("{'Variable': '$.d1', 'TimestampLessThanPath': '$.d2'}"), input))
          .isTrue();
      assertThat(ChoiceRules.matches(q("{'Variable': '$.a', 'StringEqualsPath': '$.s'}"), input))
          .isFalse();
    }

    @Test
    void variablesMayReadTheContextObject() {
      JsonNode rule = q("{'Variable': '$$.Execution.Name', 'StringEquals': 'run-1'}");
      assertThat(ChoiceRules.matches(rule, q("{}"), q("{'Execution': {'Name': 'run-1'}}")))
          .isTrue();
    }
  }

  @Nested
  class StringMatchesOperator {
    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
      // Spec, StringMatches: foo*.log / *.log / foo*.* examples.
      "foo*.log, foo23.log, true",
      "*.log, zebra.log, true",
      "foo*.*, foobar.zebra, true",
      "foo*.log, foo23.txt, false",
      "*, '', true",
      "a*b*c, abxbyc, true",
      "log.txt, logXtxt, false",
      "a+b, a+b, true",
      "[ab], a, false",
    })
    void wildcardsMatchAnyRunOfCharacters(String pattern, String value, boolean expected) {
      assertThat(test("StringMatches", "\"" + pattern + "\"", "\"" + value + "\""))
          .isEqualTo(expected);
    }

    @Test
    void escapedStarsAndBackslashesAreLiteral() {
      // Spec: in JSON, "\\*" represents * and "\\\\" represents \.
      JsonNode star = json("{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\*\"}");
      assertThat(ChoiceRules.matches(star, json("{\"v\": \"a*\"}"))).isTrue();
      assertThat(ChoiceRules.matches(star, json("{\"v\": \"ab\"}"))).isFalse();
      JsonNode backslash = json("{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\\\\\*\"}");
      assertThat(ChoiceRules.matches(backslash, json("{\"v\": \"a\\\\xyz\"}"))).isTrue();
    }

    @Test
    void anOpenEscapeIsARuntimeError() {
      // Spec: "If an open escape backslash \ is found in the StringMatches string, the interpreter
      // will throw a runtime error."
      JsonNode rule = json("{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\b\"}");
      assertThatThrownBy(() -> ChoiceRules.matches(rule, json("{\"v\": \"ab\"}")))
          .isInstanceOfSatisfying(
              StatesError.class, e -> assertThat(e.error()).isEqualTo(StatesError.RUNTIME));
    }

    @Test
    void onlyStringsMatch() {
      assertThat(test("StringMatches", "\"*\"", "1")).isFalse();
    }
  }

  @Nested
  class MissingValues {
    @Test
    void isPresentNeverFails() {
      // Spec, IsPresent: "if the Variable-field Path fails to match anything ... no exception is
      // thrown and the Choice Rule just returns false".
      assertThat(ChoiceRules.matches(q("{'Variable': '$.x', 'IsPresent': true}"), q("{}")))
          .isFalse();
      assertThat(ChoiceRules.matches(q("{'Variable': '$.x', 'IsPresent': false}"), q("{}")))
          .isTrue();
      assertThat(
              ChoiceRules.matches(q("{'Variable': '$.a.b.c', 'IsPresent': true}"), q("{'a': 1}")))
          .isFalse();
    }

    @Test
    void comparingAMissingVariableFailsTheExecution() {
      // AWS Choice page: "If the state input doesn't contain the $.type field, the execution
      // fails";
      // localstack#11980 records AWS failing NumericEquals on a missing $.foo.
      JsonNode rule = q("{'Variable': '$.foo', 'NumericEquals': 1}");
      assertThatThrownBy(() -> ChoiceRules.matches(rule, q("{}")))
          .isInstanceOfSatisfying(
              StatesError.class,
              e -> {
                assertThat(e.error()).isEqualTo(StatesError.RUNTIME);
                assertThat(e.cause()).contains("$.foo").contains("invalid value");
              });
    }

    @Test
    void aMissingOperandPathFailsToo() {
      JsonNode rule = q("{'Variable': '$.a', 'NumericEqualsPath': '$.b'}");
      assertThatThrownBy(() -> ChoiceRules.matches(rule, q("{'a': 1}")))
          .isInstanceOf(StatesError.class);
    }

    @Test
    void andShortCircuitsSoIsPresentGuards() {
      JsonNode rule =
          q(
              "{'And': [{'Variable': '$.x', 'IsPresent': true}, {'Variable': '$.x',"
                  + " 'NumericEquals': 1}]}");
      assertThat(ChoiceRules.matches(rule, q("{}"))).isFalse();
      JsonNode or =
          q(
              "{'Or': [{'Variable': '$.x', 'IsPresent': false}, {'Variable': '$.x',"
                  + " 'NumericEquals': 1}]}");
      assertThat(ChoiceRules.matches(or, q("{}"))).isTrue();
    }

    @Test
    void aNullValueIsPresent() {
      assertThat(
              ChoiceRules.matches(q("{'Variable': '$.x', 'NumericEquals': 1}"), q("{'x': null}")))
          .isFalse();
    }
  }

  @Nested
  class BooleanExpressions {
    @Test
    void andOrNotCombine() {
      JsonNode input = q("{'a': 1, 'b': 'x'}");
      JsonNode a1 = q("{'Variable': '$.a', 'NumericEquals': 1}");
      JsonNode bY = q("{'Variable': '$.b', 'StringEquals': 'y'}");
      assertThat(ChoiceRules.matches(json("{\"And\": [" + a1 + "," + bY + "]}"), input)).isFalse();
      assertThat(ChoiceRules.matches(json("{\"Or\": [" + a1 + "," + bY + "]}"), input)).isTrue();
      assertThat(ChoiceRules.matches(json("{\"Not\": " + bY + "}"), input)).isTrue();
      assertThat(ChoiceRules.matches(json("{\"Not\": {\"Not\": " + a1 + "}}"), input)).isTrue();
    }

    @Test
    void theFirstMatchingRuleWins() {
      JsonNode state =
          q(
              "{'Choices': [{'Variable': '$.a', 'NumericGreaterThan': 0, 'Next': 'First'},"
                  + " {'Variable': '$.a', 'NumericGreaterThan': -1, 'Next': 'Second'}]}");
      assertThat(ChoiceRules.next(state, q("{'a': 1}"))).isEqualTo("First");
    }
  }
}
