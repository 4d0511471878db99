package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.TestJson.json;
import static com.aigency.local.stepfunctions.asl.TestJson.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathsTest {

  private static JsonNode read(String data, String path) {
    return JsonPaths.read(q(data), path, StatesError.RUNTIME);
  }

  @Nested
  class ReferencePaths {
    // Spec, "Reference Paths": the input and the three results.
    private static final String SPEC_INPUT =
        "{'foo': 123, 'bar': ['a', 'b', 'c'], 'car': {'cdr': true}}";

    @Test
    void specExamplesSelectSingleNodes() {
      assertThat(read(SPEC_INPUT, "$.foo")).isEqualTo(json("123"));
      assertThat(read(SPEC_INPUT, "$.bar")).isEqualTo(q("['a', 'b', 'c']"));
      assertThat(read(SPEC_INPUT, "$.car.cdr")).isEqualTo(json("true"));
    }

    @Test
    void dollarIsTheWholeInput() {
      assertThat(read(SPEC_INPUT, "$")).isEqualTo(q(SPEC_INPUT));
    }

    // Spec, "Reference Paths": "Here are some examples of acceptable Reference Path syntax".
    @ParameterizedTest
    @ValueSource(
        strings = {
          "$.store.book",
          "$.store\\.book",
          "$.\\stor\\e.boo\\k",
          "$.store.book.title",
          "$.foo.\\.bar",
          "$.foo\\@bar.baz\\[\\[.\\?pretty",
          "$.&Ж中.\uD800\uDF46",
          "$.ledgers.branch[0].pending.count",
          "$.ledgers.branch[0]",
          "$.ledgers[0][22][315].foo",
          "$['store']['book']",
          "$['store'][0]['book']"
        })
    void specAcceptableReferencePaths(String path) {
      assertThat(JsonPaths.isReferencePath(path)).as(path).isTrue();
      assertThat(JsonPaths.isValidPath(path)).as(path).isTrue();
    }

    // Spec: "the operators "@", ",", ":", and "?" are not supported" in Reference Paths.
    @ParameterizedTest
    @ValueSource(
        strings = {
          "$.a[*]",
          "$.a.*",
          "$..a",
          "$.a[0,1]",
          "$.a[1:2]",
          "$.a[?(@.b)]",
          "$['a','b']",
          "$.a@b",
          "$.a[-1]",
          "$$.Execution.Id"
        })
    void ambiguousPathsAreNotReferencePaths(String path) {
      assertThat(JsonPaths.isReferencePath(path)).as(path).isFalse();
      assertThat(JsonPaths.isValidPath(path)).as(path).isTrue();
    }

    @Test
    void backslashEscapesMakeDotsPartOfTheName() {
      assertThat(read("{'store.book': 1, 'store': {'book': 2}}", "$.store\\.book"))
          .isEqualTo(json("1"));
      assertThat(read("{'foo': {'.bar': 3}}", "$.foo.\\.bar")).isEqualTo(json("3"));
    }

    @Test
    void bracketNamesHoldBlanksAndPunctuation() {
      // AWS "Using JSONPath paths": bracket notation for names with special characters, $.abc.['def
      // ghi'].
      assertThat(read("{'abc': {'def ghi': 5}}", "$.abc.['def ghi']")).isEqualTo(json("5"));
      assertThat(read("{'a b': 1}", "$['a b']")).isEqualTo(json("1"));
      assertThat(read("{'a b': 1}", "$[\"a b\"]")).isEqualTo(json("1"));
      assertThat(JsonPaths.read(json("{\"it's\": 1}"), "$['it\\'s']", "E")).isEqualTo(json("1"));
    }

    @Test
    void namesMayContainDashes() {
      // Spec, Map state example: "$.delivery-partner", "$.error-info".
      assertThat(read("{'delivery-partner': 'UQS'}", "$.delivery-partner"))
          .isEqualTo(json("\"UQS\""));
    }

    @Test
    void indexesCountFromZeroAndNegativeFromTheEnd() {
      assertThat(read("{'a': [1, 2, 3]}", "$.a[0]")).isEqualTo(json("1"));
      assertThat(read("{'a': [1, 2, 3]}", "$.a[-1]")).isEqualTo(json("3"));
      assertThat(read("[[1, [2, 3]]]", "$[0][1][0]")).isEqualTo(json("2"));
    }

    @Test
    void jsonNullIsAValueNotAMiss() {
      assertThat(read("{'a': null}", "$.a").isNull()).isTrue();
    }
  }

  @Nested
  class Misses {
    @Test
    void aMissingDefinitePathIsAnErrorNamingThePath() {
      assertThatThrownBy(() -> JsonPaths.read(q("{'a': 1}"), "$.b.c", "Some.Error"))
          .isInstanceOfSatisfying(
              StatesError.class,
              e -> {
                assertThat(e.error()).isEqualTo("Some.Error");
                assertThat(e.cause()).contains("$.b.c").contains("$['b']['c']");
              });
    }

    @Test
    void stepsThroughScalarsOrNullMiss() {
      assertThat(JsonPaths.find(q("{'a': 'text'}"), "$.a.b")).isEmpty();
      assertThat(JsonPaths.find(q("{'a': null}"), "$.a.b")).isEmpty();
      assertThat(JsonPaths.find(q("{'a': {'x': 1}}"), "$.a[0]")).isEmpty();
      assertThat(JsonPaths.find(q("{'a': [1]}"), "$.a[5]")).isEmpty();
      assertThat(JsonPaths.find(q("{'a': [1]}"), "$.a.b")).isEmpty();
    }

    @Test
    void aMissOnTheDefinitePrefixOfAnIndefinitePathIsStillAMiss() {
      // Jayway (which Step Functions uses) throws for a missing member before the wildcard.
      assertThat(JsonPaths.find(q("{}"), "$.items[*].id")).isEmpty();
      assertThat(JsonPaths.find(q("{'items': 'x'}"), "$.items[0:2]")).isEmpty();
    }

    @Test
    void anIndefinitePathThatMatchesNothingIsAnEmptyArray() {
      // localstack#12318: on AWS, $[*].type on {} gives [] rather than failing.
      assertThat(read("{}", "$[*].type")).isEqualTo(json("[]"));
      assertThat(read("{'items': [{'a': 1}]}", "$.items[*].b")).isEqualTo(json("[]"));
      assertThat(read("{'items': [{'a': 1}]}", "$.items[?(@.a > 5)]")).isEqualTo(json("[]"));
    }
  }

  @Nested
  class IndefinitePaths {
    @Test
    void specGathersMultipleValuesIntoAnArray() {
      // Spec, "Using InputPath, ...": $.a[0,1] on {"a": [1, 2, 3, 4]} yields 1 and 2, gathered.
      assertThat(read("{'a': [1, 2, 3, 4]}", "$.a[0,1]")).isEqualTo(json("[1, 2]"));
    }

    @Test
    void wildcardsSelectMembersAndElements() {
      assertThat(read("{'a': [{'b': 1}, {'b': 2}, {'c': 3}]}", "$.a[*].b"))
          .isEqualTo(json("[1, 2]"));
      assertThat(read("{'a': {'x': 1, 'y': 2}}", "$.a.*")).isEqualTo(json("[1, 2]"));
      assertThat(read("{'a': {'x': 1, 'y': 2}}", "$.a[*]")).isEqualTo(json("[1, 2]"));
    }

    @Test
    void slicesFollowPythonStyleBounds() {
      String vals = "{'vals': [0, 10, 20, 30, 40, 50]}";
      // Spec, "Payload Template": "last3.$": "$.vals[-3:]" gives [30, 40, 50].
      assertThat(read(vals, "$.vals[-3:]")).isEqualTo(json("[30, 40, 50]"));
      assertThat(read(vals, "$.vals[1:3]")).isEqualTo(json("[10, 20]"));
      assertThat(read(vals, "$.vals[:2]")).isEqualTo(json("[0, 10]"));
      assertThat(read(vals, "$.vals[4:]")).isEqualTo(json("[40, 50]"));
      assertThat(read(vals, "$.vals[4:100]")).isEqualTo(json("[40, 50]"));
      assertThat(read(vals, "$.vals[3:1]")).isEqualTo(json("[]"));
    }

    @Test
    void deepScanFindsMembersAtAnyDepth() {
      // floci#3260 probes against Step Functions Local: $.d..a gives [[1, 2]]; $.d..a[*] gives [1,
      // 2].
      assertThat(read("{'d': {'x': {'a': [1, 2]}}}", "$.d..a")).isEqualTo(json("[[1, 2]]"));
      assertThat(read("{'d': {'x': {'a': [1, 2]}}}", "$.d..a[*]")).isEqualTo(json("[1, 2]"));
      assertThat(read("{'a': 1, 'b': {'a': 2, 'c': [{'a': 3}]}}", "$..a"))
          .isEqualTo(json("[1, 2, 3]"));
    }

    @Test
    void multipleNamesAtTheEndBuildOneObject() {
      assertThat(read("{'a': 1, 'b': 2, 'c': 3}", "$['a','c']")).isEqualTo(q("{'a': 1, 'c': 3}"));
      assertThat(JsonPaths.isDefinite("$['a','c']")).isTrue();
    }

    @Test
    void definitenessFollowsJayway() {
      assertThat(JsonPaths.isDefinite("$.a.b[0]")).isTrue();
      assertThat(JsonPaths.isDefinite("$.a[*]")).isFalse();
      assertThat(JsonPaths.isDefinite("$..a")).isFalse();
      assertThat(JsonPaths.isDefinite("$.a[?(@.b)]")).isFalse();
    }

    @Test
    void flattensAnArrayOfArrays() {
      // AWS "Using JSONPath paths", flattening the output of a Parallel or Map state: $[*][*].
      assertThat(read("[[1, 2], [3, 4]]", "$[*][*]")).isEqualTo(json("[1, 2, 3, 4]"));
    }
  }

  @Nested
  class Filters {
    // AWS "Using JSONPath paths": $.jar[?(@.a >= 5)] => [{"a": 5}, {"a": 7}].
    private static final String JAR = "{'jar': [{'a': 1}, {'a': 5}, {'a': 2}, {'a': 7}, {'a': 3}]}";

    @Test
    void awsDocumentedFilter() {
      assertThat(read(JAR, "$.jar[?(@.a >= 5)]")).isEqualTo(q("[{'a': 5}, {'a': 7}]"));
    }

    @Test
    void comparisonOperators() {
      assertThat(read(JAR, "$.jar[?(@.a == 2)]")).isEqualTo(q("[{'a': 2}]"));
      assertThat(read(JAR, "$.jar[?(@.a != 2)].a")).isEqualTo(json("[1, 5, 7, 3]"));
      assertThat(read(JAR, "$.jar[?(@.a < 2)].a")).isEqualTo(json("[1]"));
      assertThat(read(JAR, "$.jar[?(@.a <= 2)].a")).isEqualTo(json("[1, 2]"));
      assertThat(read(JAR, "$.jar[?(@.a > 5)].a")).isEqualTo(json("[7]"));
    }

    @Test
    void logicalOperatorsAndParentheses() {
      // moto#10078: AWS filters use && and ||, as CDK-generated definitions do.
      assertThat(read(JAR, "$.jar[?(@.a > 1 && @.a < 5)].a")).isEqualTo(json("[2, 3]"));
      assertThat(read(JAR, "$.jar[?(@.a == 1 || @.a == 7)].a")).isEqualTo(json("[1, 7]"));
      assertThat(read(JAR, "$.jar[?(!(@.a > 2))].a")).isEqualTo(json("[1, 2]"));
    }

    @Test
    void existenceTestsTreatFalseAsPresentAndNullAsAbsent() {
      // floci#3260 (Step Functions Local): $.list[?(@.keep)] keeps {keep: false} too.
      assertThat(
              read(
                  "{'list': [{'keep': true}, {'keep': false}, {'other': 1}]}", "$.list[?(@.keep)]"))
          .isEqualTo(q("[{'keep': true}, {'keep': false}]"));
      // floci#3480 (Step Functions Local): !@.session matches an explicit null and an absent key.
      assertThat(
              read(
                  "{'items': [{'id': 1, 'session': null}, {'id': 2, 'session': {'x': 1}}, {'id':"
                      + " 3}]}",
                  "$.items[?(!@.session)].id"))
          .isEqualTo(json("[1, 3]"));
    }

    @Test
    void stringBooleanAndNullLiterals() {
      String data = "{'xs': [{'s': 'a', 'b': true}, {'s': 'b', 'b': false, 'n': null}]}";
      assertThat(read(data, "$.xs[?(@.s == 'b')].s")).isEqualTo(json("[\"b\"]"));
      assertThat(read(data, "$.xs[?(@.s == \"a\")].s")).isEqualTo(json("[\"a\"]"));
      assertThat(read(data, "$.xs[?(@.b == true)].s")).isEqualTo(json("[\"a\"]"));
      assertThat(read(data, "$.xs[?(@.n == null)].s")).isEqualTo(json("[\"b\"]"));
      // floci#3260: $.list[?(@.keep == true)] keeps only the true one.
      assertThat(read("{'list': [{'keep': true}, {'keep': false}]}", "$.list[?(@.keep == true)]"))
          .isEqualTo(q("[{'keep': true}]"));
    }

    @Test
    void mismatchedTypesNeverCompareAndMissingMembersOnlySatisfyNotEquals() {
      String data = "{'xs': [{'v': '5'}, {'v': 5}, {'w': 1}]}";
      assertThat(read(data, "$.xs[?(@.v == 5)]")).isEqualTo(q("[{'v': 5}]"));
      assertThat(read(data, "$.xs[?(@.v > 1)]")).isEqualTo(q("[{'v': 5}]"));
      assertThat(read(data, "$.xs[?(@.v != 5)]")).isEqualTo(q("[{'v': '5'}, {'w': 1}]"));
    }

    @Test
    void atMatchesObjectsOnlyNotScalars() {
      // AWS "Using JSONPath paths": "The @ operator ... does not match scalar values."
      assertThat(read("{'n': [1, 5, 9]}", "$.n[?(@ > 2)]")).isEqualTo(json("[]"));
    }

    @Test
    void filtersAfterDeepScanFindMatchingObjectsAnywhere() {
      String data = "{'a': {'price': 5}, 'b': [{'price': 20}, {'price': 8}]}";
      assertThat(read(data, "$..[?(@.price < 10)].price")).isEqualTo(json("[5, 8]"));
    }

    @Test
    void nestedMemberPathsInsideFilters() {
      String data = "{'xs': [{'a': {'b': 1}}, {'a': {'b': 2}}]}";
      assertThat(read(data, "$.xs[?(@.a.b == 2)]")).isEqualTo(q("[{'a': {'b': 2}}]"));
      assertThat(read(data, "$.xs[?(@['a']['b'] == 1)]")).isEqualTo(q("[{'a': {'b': 1}}]"));
    }
  }

  @Nested
  class Syntax {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "a.b",
          "$.",
          "$.a..",
          "$[",
          "$['a'",
          "$.a b",
          "$.a[x]",
          "$.a[1:2:3]",
          "$.a.length()",
          "$.a[?(@.b =~ /x/)]",
          "$.a[?(@.b in ['x'])]",
          "$.a[?(@.b == $.c)]",
          "$.a[?(@.b == 1]",
          "$.a\\"
        })
    void invalidPathsAreRejected(String path) {
      assertThat(JsonPaths.isValidPath(path)).as(path).isFalse();
      assertThat(JsonPaths.syntaxProblem(path)).as(path).isPresent();
    }

    @Test
    void functionsAreNotSupportedAsAwsDocuments() {
      // awsdocs PR #5 / "Reference Paths": functions such as length() aren't supported.
      assertThat(JsonPaths.syntaxProblem("$.list.length()")).get().asString().contains("length");
    }

    @Test
    void anInvalidPathAtRuntimeIsStatesRuntime() {
      assertThatThrownBy(() -> JsonPaths.read(q("{}"), "$.a[", "Any"))
          .isInstanceOfSatisfying(
              StatesError.class, e -> assertThat(e.error()).isEqualTo(StatesError.RUNTIME));
    }

    @Test
    void contextPathsAreValid() {
      assertThat(JsonPaths.isValidPath("$$.Execution.Input.x")).isTrue();
      assertThat(JsonPaths.isValidPath("$$.Map.Item.Value")).isTrue();
    }
  }
}
