package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.TestJson.json;
import static com.aigency.local.stepfunctions.asl.TestJson.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicFunctionsTest {

  private static JsonNode eval(String expression, String input) {
    return IntrinsicFunctions.evaluate(expression, q(input), json("{}"));
  }

  private static void assertFails(String expression, String input, String causePart) {
    assertThatThrownBy(() -> eval(expression, input))
        .as(expression)
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(StatesError.INTRINSIC_FAILURE);
              assertThat(e.cause()).contains(causePart);
            });
  }

  @Nested
  class Format {
    @Test
    void specExample() {
      // Spec, Appendix B, States.Format.
      assertThat(
              eval(
                  "States.Format('Your name is {}, we are in the year {}', $.name, 2020)",
                  "{'name': 'Foo', 'zebra': 'stripe'}"))
          .isEqualTo(json("\"Your name is Foo, we are in the year 2020\""));
    }

    @Test
    void specEscapedApostrophe() {
      // Spec, "Intrinsic Functions": 'Welcome to {} {}\'s playlist.'
      assertThat(
              eval(
                  "States.Format('Welcome to {} {}\\'s playlist.', $.firstName, $.lastName)",
                  "{'firstName': 'Jane', 'lastName': 'Doe'}"))
          .isEqualTo(json("\"Welcome to Jane Doe's playlist.\""));
    }

    @Test
    void awsTemplateFromAPath() {
      // AWS intrinsic functions page: States.Format($.template, $.name).
      assertThat(
              eval(
                  "States.Format($.template, $.name)",
                  "{'name': 'Arnav', 'template': 'Hello, my name is {}.'}"))
          .isEqualTo(json("\"Hello, my name is Arnav.\""));
    }

    @Test
    void escapedBracesAndBackslashesAreLiteral() {
      // Spec: \{ represents {, \} represents }, \\ represents \.
      assertThat(eval("States.Format('\\{\\} {} \\\\', 'x')", "{}"))
          .isEqualTo(json("\"{} x \\\\\""));
    }

    @Test
    void naturalStringFormsOfScalars() {
      // Spec: "string values are not accompanied by enclosing " characters".
      assertThat(eval("States.Format('{} {} {} {} {}', 's', 1, 2.5, true, null)", "{}"))
          .isEqualTo(json("\"s 1 2.5 true null\""));
    }

    @Test
    void contextObjectArguments() {
      JsonNode result =
          IntrinsicFunctions.evaluate(
              "States.Format('run-{}', $$.Execution.Name)",
              q("{}"),
              q("{'Execution': {'Name': 'e1'}}"));
      assertThat(result).isEqualTo(json("\"run-e1\""));
    }

    @Test
    void placeholdersMustMatchTheValues() {
      // Spec: "There MUST be as many remaining arguments ... as there are occurrences of {}".
      assertFails("States.Format('{} {}', 'a')", "{}", "more {} placeholders");
      assertFails("States.Format('{}', 'a', 'b')", "{}", "fewer {} placeholders");
    }

    @Test
    void arraysAndObjectsAreRejected() {
      // Spec: "The Value MUST NOT be a JSON array or object."
      assertFails("States.Format('{}', $.o)", "{'o': {'a': 1}}", "argument 2");
      assertFails("States.Format('{}', $.a)", "{'a': [1]}", "argument 2");
    }

    @Test
    void theTemplateMustBeAString() {
      assertFails("States.Format($.n)", "{'n': 1}", "argument 1 must be a string");
    }
  }

  @Nested
  class Json {
    @Test
    void specStringToJson() {
      // Spec, Appendix B, States.StringToJson.
      assertThat(
              eval("States.StringToJson($.someString)", "{'someString': '{\\\"number\\\": 20}'}"))
          .isEqualTo(q("{'number': 20}"));
    }

    @Test
    void awsStringToJson() {
      assertThat(
              IntrinsicFunctions.evaluate(
                  "States.StringToJson($.escapedJsonString)",
                  json("{\"escapedJsonString\": \"{\\\"foo\\\": \\\"bar\\\"}\"}"),
                  null))
          .isEqualTo(q("{'foo': 'bar'}"));
    }

    @Test
    void stringToJsonRejectsInvalidJson() {
      assertFails("States.StringToJson('{oops')", "{}", "not valid JSON");
      assertFails("States.StringToJson('1 2')", "{}", "not valid JSON");
      assertFails("States.StringToJson('')", "{}", "empty");
      assertFails("States.StringToJson($.n)", "{'n': 1}", "must be a string");
    }

    @Test
    void specJsonToString() {
      // Spec, Appendix B, States.JsonToString: compact JSON text.
      assertThat(
              eval(
                  "States.JsonToString($.someJson)",
                  "{'someJson': {'name': 'Foo', 'year': 2020}, 'zebra': 'stripe'}"))
          .isEqualTo(json("\"{\\\"name\\\":\\\"Foo\\\",\\\"year\\\":2020}\""));
    }

    @Test
    void jsonToStringKeepsNulls() {
      assertThat(eval("States.JsonToString($)", "{'a': null}"))
          .isEqualTo(json("\"{\\\"a\\\":null}\""));
    }

    @Test
    void jsonToStringTakesAPath() {
      // Spec: "This Intrinsic Function takes a single argument which MUST be a Path."
      assertThat(IntrinsicFunctions.isIntrinsic("States.JsonToString('x')")).isFalse();
    }

    @Test
    void specJsonMergeIsShallow() {
      // Spec, Appendix B, States.JsonMerge (shallow mode example).
      assertThat(
              eval(
                  "States.JsonMerge($.json1, $.json2, false)",
                  "{'json1': {'a': {'a1': 1, 'a2': 2}, 'b': 2}, 'json2': {'a': {'a3': 1, 'a4': 2},"
                      + " 'c': 3}}"))
          .isEqualTo(q("{'a': {'a3': 1, 'a4': 2}, 'b': 2, 'c': 3}"));
    }

    @Test
    void jsonMergeDeepModeIsNotSupportedAsOnAws() {
      // AWS: "Step Functions only supports the shallow merging mode ... specify false".
      assertFails("States.JsonMerge($.a, $.b, true)", "{'a': {}, 'b': {}}", "shallow");
      assertFails("States.JsonMerge($.a, $.b, false)", "{'a': [], 'b': {}}", "JSON object");
      assertFails("States.JsonMerge($.a, $.b, 'no')", "{'a': {}, 'b': {}}", "boolean");
    }
  }

  @Nested
  class Arrays {
    private static final String NINE = "{'inputArray': [1, 2, 3, 4, 5, 6, 7, 8, 9]}";

    @Test
    void specArray() {
      // Spec, Appendix B, States.Array.
      assertThat(
              eval(
                  "States.Array('Foo', 2020, $.someJson, null)",
                  "{'someJson': {'random': 'abcdefg'}, 'zebra': 'stripe'}"))
          .isEqualTo(q("['Foo', 2020, {'random': 'abcdefg'}, null]"));
      assertThat(eval("States.Array()", "{}")).isEqualTo(json("[]"));
      // AWS: "BuildId.$": "States.Array($.Id)" gives [123456].
      assertThat(eval("States.Array($.Id)", "{'Id': 123456}")).isEqualTo(json("[123456]"));
    }

    @Test
    void specArrayPartition() {
      assertThat(eval("States.ArrayPartition($.inputArray,4)", NINE))
          .isEqualTo(json("[[1, 2, 3, 4], [5, 6, 7, 8], [9]]"));
      assertThat(eval("States.ArrayPartition($.inputArray, 10)", NINE))
          .isEqualTo(json("[[1, 2, 3, 4, 5, 6, 7, 8, 9]]"));
      assertThat(eval("States.ArrayPartition($.e, 2)", "{'e': []}")).isEqualTo(json("[]"));
    }

    @Test
    void arrayPartitionNeedsAPositiveChunkSize() {
      // Spec: "The second argument MUST be a non-zero, positive integer".
      assertFails("States.ArrayPartition($.inputArray, 0)", NINE, "positive");
      assertFails("States.ArrayPartition($.inputArray, -1)", NINE, "positive");
      assertFails("States.ArrayPartition($.x, 2)", "{'x': 'abc'}", "an array");
    }

    @Test
    void awsRoundsNonIntegerArguments() {
      // AWS: "If you specify a non-integer value ..., Step Functions will round it off".
      assertThat(eval("States.ArrayPartition($.inputArray, 3.6)", NINE))
          .isEqualTo(json("[[1, 2, 3, 4], [5, 6, 7, 8], [9]]"));
      assertThat(eval("States.MathAdd(1.4, 1.6)", "{}")).isEqualTo(json("3"));
    }

    @Test
    void specArrayContains() {
      assertThat(
              eval(
                  "States.ArrayContains($.inputArray, $.lookingFor)",
                  "{'inputArray': [1,2,3,4,5,6,7,8,9], 'lookingFor': 5}"))
          .isEqualTo(json("true"));
      assertThat(eval("States.ArrayContains($.inputArray, 10)", NINE)).isEqualTo(json("false"));
      assertThat(eval("States.ArrayContains($.a, $.o)", "{'a': [{'x': 1}], 'o': {'x': 1.0}}"))
          .isEqualTo(json("true"));
    }

    @Test
    void specArrayRange() {
      // Spec, Appendix B, States.ArrayRange(1, 9, 2).
      assertThat(eval("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo(json("[1, 3, 5, 7, 9]"));
      assertThat(eval("States.ArrayRange(1, 10, 2)", "{}")).isEqualTo(json("[1, 3, 5, 7, 9]"));
      assertThat(eval("States.ArrayRange(5, 1, -2)", "{}")).isEqualTo(json("[5, 3, 1]"));
      assertThat(eval("States.ArrayRange(1, 0, 1)", "{}")).isEqualTo(json("[]"));
      assertThat(eval("States.ArrayRange(3, 3, 1)", "{}")).isEqualTo(json("[3]"));
    }

    @Test
    void arrayRangeLimits() {
      // Spec: "The third argument MUST NOT be zero"; "MUST NOT contain more than 1000 items".
      assertThat(eval("States.ArrayRange(1, 1000, 1)", "{}").size()).isEqualTo(1000);
      assertFails("States.ArrayRange(1, 1001, 1)", "{}", "1001 items");
      assertFails("States.ArrayRange(1, 9, 0)", "{}", "zero");
      assertFails("States.ArrayRange('1', 9, 1)", "{}", "integer");
    }

    @Test
    void specArrayGetItem() {
      assertThat(
              eval(
                  "States.ArrayGetItem($.inputArray, $.index)",
                  "{'inputArray': [1,2,3,4,5,6,7,8,9], 'index': 5}"))
          .isEqualTo(json("6"));
    }

    @Test
    void arrayGetItemNeedsAnIndexInRange() {
      assertFails("States.ArrayGetItem($.inputArray, 9)", NINE, "out of bounds");
      assertFails("States.ArrayGetItem($.inputArray, -1)", NINE, "out of bounds");
      assertFails("States.ArrayGetItem($.inputArray, 1.5)", NINE, "integer");
    }

    @Test
    void specArrayLengthAndUnique() {
      assertThat(eval("States.ArrayLength($.inputArray)", NINE)).isEqualTo(json("9"));
      assertThat(eval("States.ArrayUnique($.inputArray)", "{'inputArray': [1,2,3,3,3,3,3,3,4]}"))
          .isEqualTo(json("[1, 2, 3, 4]"));
      assertThat(eval("States.ArrayUnique($.a)", "{'a': [{'x': 1}, 'b', {'x': 1}, 'b', 1, 1.0]}"))
          .isEqualTo(q("[{'x': 1}, 'b', 1]"));
    }
  }

  @Nested
  class EncodingAndHashing {
    @Test
    void specBase64() {
      // Spec, Appendix B: "Data to encode" <-> "RGF0YSB0byBlbmNvZGU=". (The spec prints the decoded
      // value as "Decoded data", but the example string decodes to "Data to encode".)
      assertThat(eval("States.Base64Encode($.input)", "{'input': 'Data to encode'}"))
          .isEqualTo(json("\"RGF0YSB0byBlbmNvZGU=\""));
      assertThat(eval("States.Base64Decode($.base64)", "{'base64': 'RGF0YSB0byBlbmNvZGU='}"))
          .isEqualTo(json("\"Data to encode\""));
    }

    @Test
    void base64IsUtf8AndLimitedTo10000Characters() {
      assertThat(eval("States.Base64Decode(States.Base64Encode('é ✓'))", "{}"))
          .isEqualTo(json("\"é ✓\""));
      String big = "a".repeat(10_001);
      assertThatThrownBy(
              () ->
                  IntrinsicFunctions.evaluate(
                      "States.Base64Encode($.s)", q("{'s': '" + big + "'}"), null))
          .hasMessageContaining("10000");
      assertFails("States.Base64Decode('***')", "{}", "not Base64");
    }

    @Test
    void specHash() {
      // Spec, Appendix B: SHA-1 of "input data". The spec prints
      // "aaff4a450a104cd177d28d18d7485e8cae074b7", one digit short; this is the full digest.
      assertThat(
              eval(
                  "States.Hash($.Data, $.Algorithm)",
                  "{'Data': 'input data', 'Algorithm': 'SHA-1'}"))
          .isEqualTo(json("\"aaff4a450a104cd177d28d18d74485e8cae074b7\""));
      assertThat(eval("States.Hash('input data', 'MD5')", "{}"))
          .isEqualTo(json("\"812f45842bc6d66ee14572ce20db8e86\""));
      assertThat(eval("States.Hash('', 'SHA-256')", "{}"))
          .isEqualTo(json("\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\""));
      assertThat(eval("States.Hash('x', 'SHA-384')", "{}").textValue()).hasSize(96);
      assertThat(eval("States.Hash('x', 'SHA-512')", "{}").textValue()).hasSize(128);
    }

    @Test
    void hashAlgorithmsAreTheDocumentedFive() {
      assertFails("States.Hash('x', 'SHA1')", "{}", "unsupported algorithm");
      assertFails("States.Hash('x', 'sha-256')", "{}", "unsupported algorithm");
    }

    @Test
    void hashStringifiesNonStrings() {
      // Spec: "The length of the stringified version of the first argument must be 10,000 ...".
      assertThat(eval("States.Hash($.o, 'MD5')", "{'o': {'a': 1}}"))
          .isEqualTo(eval("States.Hash('{\"a\":1}', 'MD5')", "{}"));
    }
  }

  @Nested
  class MathAndStrings {
    @Test
    void specMathAdd() {
      // Spec, Appendix B: value1 111, step -1.
      assertThat(eval("States.MathAdd($.value1, $.step)", "{'value1': 111, 'step': -1}"))
          .isEqualTo(json("110"));
      assertFails("States.MathAdd('1', 2)", "{}", "integer");
      assertFails("States.MathAdd(1, 3000000000)", "{}", "between");
    }

    @Test
    void mathRandomIncludesTheStartAndExcludesTheEnd() {
      // AWS intrinsic functions page: "between the specified start number (inclusive) and end
      // number (exclusive)"; example start 1, end 999.
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < 2000; i++) {
        int value = eval("States.MathRandom($.start, $.end)", "{'start': 1, 'end': 4}").intValue();
        assertThat(value).isBetween(1, 3);
        seen.add(value);
      }
      assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
      assertThat(eval("States.MathRandom(7, 8)", "{}")).isEqualTo(json("7"));
      assertFails("States.MathRandom(7, 7)", "{}", "greater than the start");
      assertFails("States.MathRandom(5, 1)", "{}", "greater than the start");
      assertFails("States.MathRandom('1', 5)", "{}", "integer");
    }

    @Test
    void specMathRandomWithTheSameSeedRepeats() {
      // Spec: "Each use of this function with the same seed value will produce the same result."
      Set<JsonNode> results = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        results.add(eval("States.MathRandom(1, 1000000, 42)", "{}"));
      }
      assertThat(results).hasSize(1);
    }

    @Test
    void specStringSplit() {
      assertThat(
              eval(
                  "States.StringSplit($.inputString, $.splitter)",
                  "{'inputString': '1,2,3,4,5', 'splitter': ','}"))
          .isEqualTo(q("['1', '2', '3', '4', '5']"));
    }

    @Test
    void stringSplitTreatsEachCharacterAsADelimiter() {
      // AWS docs / LocalStack's AWS-recorded behaviour: "This.is+a,test=string" split on ".+,=".
      assertThat(eval("States.StringSplit('This.is+a,test=string', '.+,=')", "{}"))
          .isEqualTo(q("['This', 'is', 'a', 'test', 'string']"));
      assertThat(eval("States.StringSplit('a,,b,', ',')", "{}")).isEqualTo(q("['a', 'b']"));
    }

    @Test
    void uuidIsAVersion4Uuid() {
      String uuid = eval("States.UUID()", "{}").textValue();
      assertThat(uuid)
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(eval("States.UUID()", "{}").textValue()).isNotEqualTo(uuid);
    }

    @Test
    void uuidAndRandomFollowAGivenGenerator() {
      JsonNode a =
          IntrinsicFunctions.evaluate(
              "States.Array(States.UUID(), States.MathRandom(1, 100))", q("{}"), null, seeded());
      JsonNode b =
          IntrinsicFunctions.evaluate(
              "States.Array(States.UUID(), States.MathRandom(1, 100))", q("{}"), null, seeded());
      assertThat(a).isEqualTo(b);
      assertThat(a.get(0).textValue())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    private RandomGenerator seeded() {
      return new java.util.SplittableRandom(7);
    }
  }

  @Nested
  class Syntax {
    @Test
    void nestedCallsAsInTheAwsMyArnExample() {
      // AWS intrinsic functions page: nested ArrayGetItem/StringSplit on an ARN.
      String arn =
          "{'ImageRecipe': {'Arn':"
              + " 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe.v1/1.0.0'}}";
      assertThat(
              eval(
                  "States.Format('{}.{}',"
                      + " States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn,"
                      + " '/'), 1), '.'), 0),"
                      + " States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn,"
                      + " '/'), 1), '.'), 1))",
                  arn))
          .isEqualTo(json("\"my-recipe.v1\""));
    }

    @Test
    void atMostTenCallsInOneField() {
      // AWS: "You can nest up to 10 intrinsic functions within a field."
      String ten = "States.Array(" + "States.Array(".repeat(9) + ")".repeat(10);
      String eleven = "States.Array(" + ten + ")";
      assertThat(IntrinsicFunctions.isIntrinsic(ten)).isTrue();
      assertThat(IntrinsicFunctions.syntaxProblem(eleven)).get().asString().contains("10");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "States.Nope(1)",
          "Custom.Fn()",
          "States.Array",
          "States.Array(1",
          "States.Array(1,)",
          "States.Array(1) extra",
          "States.Array('unterminated)",
          "States.Array('open \\escape')",
          "States.Array(x)",
          "States.UUID(1)",
          "States.MathAdd(1)",
          "States.MathRandom(1, 2, 3, 4)",
          "States.Format()",
          "States.Array($.a[)",
          "States.Array (1)",
          "$.a",
          ""
        })
    void invalidCallsAreRejected(String expression) {
      assertThat(IntrinsicFunctions.isIntrinsic(expression)).as(expression).isFalse();
      assertThatThrownBy(() -> eval(expression, "{}"))
          .isInstanceOfSatisfying(
              StatesError.class,
              e -> assertThat(e.error()).isEqualTo(StatesError.INTRINSIC_FAILURE));
    }

    @Test
    void openEscapesAreErrors() {
      // Spec: "If an open escape backslash \ is found in the Intrinsic Function, the interpreter
      // will throw a runtime error."
      assertThat(IntrinsicFunctions.syntaxProblem("States.Format('a\\nb')"))
          .get()
          .asString()
          .contains("open escape");
    }

    @Test
    void argumentsMayHoldCommasParenthesesAndBlanks() {
      assertThat(
              eval(
                  "States.Array( 'a, b' , 'c)' ,$['x y'] , $.l[?(@.v == 1)].v )",
                  "{'x y': 1, 'l': [{'v': 1}, {'v': 2}]}"))
          .isEqualTo(q("['a, b', 'c)', 1, [1]]"));
    }

    @Test
    void literalsOfEveryKind() {
      assertThat(eval("States.Array(-1.5e2, true, false, null, '')", "{}"))
          .isEqualTo(json("[-150.0, true, false, null, \"\"]"));
    }

    @Test
    void pathArgumentsNeedBracketsForNamesBeyondLettersDigitsAndUnderscore() {
      // AWS intrinsic functions page: "If your Path contains non-alphanumeric characters, besides
      // _, you must use square bracket notation. For example, $.abc.['def ghi']."
      assertThat(IntrinsicFunctions.isIntrinsic("States.Array($.delivery-partner)")).isFalse();
      assertThat(
              eval(
                  "States.Array($['delivery-partner'], $.abc.['def ghi'], $.a_b1)",
                  "{'delivery-partner': 1, 'abc': {'def ghi': 2}, 'a_b1': 3}"))
          .isEqualTo(json("[1, 2, 3]"));
    }

    @Test
    void aMissingPathArgumentFailsNamingThePath() {
      // LocalStack#9706 quotes AWS: "The JsonPath argument for the field '$.fromDate' could not be
      // found in the input".
      assertFails("States.Format('{}', $.fromDate)", "{}", "'$.fromDate' could not be found");
    }
  }
}
