package com.aigency.local.aws.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.aws.AwsJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventPatternTest {

  // The AWS documentation's sample event, plus a few fields for the edge cases.
  private static final JsonNode EVENT =
      json(
          """
          {
            "version": "0",
            "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
            "detail-type": "EC2 Instance State-change Notification",
            "source": "aws.ec2",
            "account": "111122223333",
            "time": "2017-12-22T18:43:48Z",
            "region": "us-west-1",
            "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
            "detail": {
              "instance-id": "i-1234567890abcdef0",
              "state": "terminated",
              "c-count": 5,
              "x-limit": 301.8,
              "source-ip": "10.0.0.33",
              "ipv6": "2001:db8::1",
              "empty": "",
              "nothing": null,
              "enabled": true,
              "tags": ["prod", "eu"],
              "nested": {"level": {"deep": "yes"}},
              "items": [
                {"sku": "A", "qty": 1},
                {"sku": "B", "qty": 5}
              ]
            }
          }
          """);

  @Nested
  class ExactValues {
    @Test
    void matchesWhenEveryFieldHasOneOfItsValues() {
      assertMatches(
          "{\"source\":[\"aws.ec2\"],\"detail\":{\"state\":[\"running\",\"terminated\"]}}");
      assertNoMatch("{\"source\":[\"aws.ec2\"],\"detail\":{\"state\":[\"running\"]}}");
      assertNoMatch("{\"source\":[\"aws.s3\"],\"detail\":{\"state\":[\"terminated\"]}}");
    }

    @Test
    void isCaseSensitive() {
      assertNoMatch("{\"source\":[\"AWS.EC2\"]}");
    }

    @Test
    void eventArraysMatchIfTheyShareAValue() {
      assertMatches("{\"detail\":{\"tags\":[\"eu\",\"us\"]}}");
      assertNoMatch("{\"detail\":{\"tags\":[\"us\"]}}");
    }

    @Test
    void numbersCompareNumericallyAndNeverEqualStrings() {
      assertMatches("{\"detail\":{\"c-count\":[5.0]}}");
      assertMatches("{\"detail\":{\"x-limit\":[3.018e2]}}");
      assertNoMatch("{\"detail\":{\"c-count\":[\"5\"]}}");
    }

    @Test
    void booleansNullAndEmptyStringMatchOnlyThemselves() {
      assertMatches("{\"detail\":{\"enabled\":[true]}}");
      assertNoMatch("{\"detail\":{\"enabled\":[\"true\"]}}");
      assertMatches("{\"detail\":{\"nothing\":[null]}}");
      assertNoMatch("{\"detail\":{\"empty\":[null]}}");
      assertNoMatch("{\"detail\":{\"absent\":[null]}}");
      assertMatches("{\"detail\":{\"empty\":[\"\"]}}");
      assertNoMatch("{\"detail\":{\"nothing\":[\"\"]}}");
    }

    @Test
    void nestedObjectsFollowTheEvent() {
      assertMatches("{\"detail\":{\"nested\":{\"level\":{\"deep\":[\"yes\"]}}}}");
      assertNoMatch("{\"detail\":{\"nested\":{\"level\":{\"deep\":[\"no\"]}}}}");
      assertNoMatch("{\"detail\":{\"missing\":{\"level\":[\"yes\"]}}}");
      // a leaf pattern does not match an object value
      assertNoMatch("{\"detail\":{\"nested\":[\"yes\"]}}");
    }

    @Test
    void fieldsUnderAnArrayMatchWithinOneElement() {
      assertMatches("{\"detail\":{\"items\":{\"sku\":[\"B\"],\"qty\":[5]}}}");
      assertNoMatch("{\"detail\":{\"items\":{\"sku\":[\"A\"],\"qty\":[5]}}}");
    }
  }

  @Nested
  class PrefixSuffixAndCase {
    @Test
    void prefix() {
      assertMatches("{\"time\":[{\"prefix\":\"2017-12-22\"}]}");
      assertNoMatch("{\"time\":[{\"prefix\":\"2018\"}]}");
      assertMatches("{\"detail\":{\"empty\":[{\"prefix\":\"\"}]}}");
      assertNoMatch("{\"detail\":{\"c-count\":[{\"prefix\":\"5\"}]}}");
    }

    @Test
    void prefixIgnoringCase() {
      assertMatches("{\"detail\":{\"state\":[{\"prefix\":{\"equals-ignore-case\":\"TERM\"}}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"prefix\":\"TERM\"}]}}");
    }

    @Test
    void suffix() {
      assertMatches("{\"source\":[{\"suffix\":\".ec2\"}]}");
      assertNoMatch("{\"source\":[{\"suffix\":\".s3\"}]}");
      assertMatches("{\"source\":[{\"suffix\":{\"equals-ignore-case\":\".EC2\"}}]}");
    }

    @Test
    void equalsIgnoreCase() {
      assertMatches(
          "{\"detail-type\":[{\"equals-ignore-case\":\"ec2 instance state-change"
              + " notification\"}]}");
      assertNoMatch("{\"detail-type\":[{\"equals-ignore-case\":\"ec2 instance\"}]}");
    }
  }

  @Nested
  class Wildcard {
    @Test
    void starMatchesAnyRun() {
      assertMatches("{\"resources\":[{\"wildcard\":\"arn:aws:ec2:*:instance/*\"}]}");
      assertMatches("{\"detail\":{\"state\":[{\"wildcard\":\"term*ted\"}]}}");
      assertMatches("{\"detail\":{\"state\":[{\"wildcard\":\"*\"}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"wildcard\":\"run*\"}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"wildcard\":\"terminate\"}]}}");
    }

    @Test
    void escapesAreLiteralAndRegexCharactersAreNotSpecial() {
      JsonNode event = json("{\"path\":\"a*b.c\\\\d\"}");
      assertThat(
              EventPattern.parse("{\"path\":[{\"wildcard\":\"a\\\\*b.c\\\\\\\\d\"}]}")
                  .matches(event))
          .isTrue();
      assertThat(EventPattern.parse("{\"path\":[{\"wildcard\":\"a\\\\*bXc*\"}]}").matches(event))
          .isFalse();
    }

    @Test
    void consecutiveStarsAndBadEscapesAreInvalid() {
      assertInvalid("{\"a\":[{\"wildcard\":\"x**y\"}]}");
      assertInvalid("{\"a\":[{\"wildcard\":\"x\\\\y\"}]}");
    }
  }

  @Nested
  class AnythingBut {
    @Test
    void singleValueAndList() {
      assertMatches("{\"detail\":{\"state\":[{\"anything-but\":\"running\"}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"anything-but\":\"terminated\"}]}}");
      assertMatches("{\"detail\":{\"state\":[{\"anything-but\":[\"running\",\"stopped\"]}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"anything-but\":[\"running\",\"terminated\"]}]}}");
    }

    @Test
    void numbers() {
      assertMatches("{\"detail\":{\"c-count\":[{\"anything-but\":[100,200]}]}}");
      assertNoMatch("{\"detail\":{\"c-count\":[{\"anything-but\":5}]}}");
    }

    @Test
    void prefixSuffixIgnoreCaseAndWildcard() {
      assertNoMatch("{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"term\"}}]}}");
      assertMatches("{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"run\"}}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"anything-but\":{\"suffix\":\"ated\"}}]}}");
      assertNoMatch(
          "{\"detail\":{\"state\":[{\"anything-but\":{\"equals-ignore-case\":[\"TERMINATED\"]}}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"anything-but\":{\"wildcard\":\"t*d\"}}]}}");
    }

    @Test
    void doesNotMatchAMissingField() {
      assertNoMatch("{\"detail\":{\"absent\":[{\"anything-but\":\"x\"}]}}");
    }

    @Test
    void mixedListsAreInvalid() {
      assertInvalid("{\"a\":[{\"anything-but\":[\"x\",1]}]}");
      assertInvalid("{\"a\":[{\"anything-but\":{\"numeric\":[\">\",1]}}]}");
    }
  }

  @Nested
  class Numeric {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "[\">\", 0]",
          "[\">=\", 5]",
          "[\"=\", 5]",
          "[\"<\", 5.5]",
          "[\"<=\", 5]",
          "[\">\", 0, \"<=\", 5]",
          "[\">=\", 5, \"<\", 6]"
        })
    void matching(String comparison) {
      assertMatches("{\"detail\":{\"c-count\":[{\"numeric\":" + comparison + "}]}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\">\", 5]", "[\"<\", 5]", "[\"=\", 4]", "[\">\", 5, \"<\", 10]"})
    void notMatching(String comparison) {
      assertNoMatch("{\"detail\":{\"c-count\":[{\"numeric\":" + comparison + "}]}}");
    }

    @Test
    void onlyNumbersMatch() {
      assertNoMatch("{\"detail\":{\"state\":[{\"numeric\":[\">\",0]}]}}");
      assertMatches("{\"detail\":{\"x-limit\":[{\"numeric\":[\"=\",3.018e2]}]}}");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "[\">\"]",
          "[\"!=\", 1]",
          "[\">\", \"1\"]",
          "[\"<\", 5, \">\", 1]",
          "[\">\", 5, \"<\", 1]",
          "[\"=\", 1, \"<\", 5]",
          "[\">\", 1, \"<\", 5, \"<\", 6]"
        })
    void malformedComparisonsAreInvalid(String comparison) {
      assertInvalid("{\"a\":[{\"numeric\":" + comparison + "}]}");
    }
  }

  @Nested
  class Exists {
    @Test
    void presenceOfLeaves() {
      assertMatches("{\"detail\":{\"state\":[{\"exists\":true}]}}");
      assertNoMatch("{\"detail\":{\"absent\":[{\"exists\":true}]}}");
      assertMatches("{\"detail\":{\"absent\":[{\"exists\":false}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"exists\":false}]}}");
      assertMatches("{\"detail\":{\"nothing\":[{\"exists\":true}]}}");
    }

    @Test
    void onlyLeavesCount() {
      assertMatches("{\"detail\":{\"nested\":[{\"exists\":false}]}}");
      assertNoMatch("{\"detail\":{\"nested\":[{\"exists\":true}]}}");
    }

    @Test
    void absentParentsMeanAbsentLeaves() {
      assertMatches("{\"missing\":{\"deeper\":[{\"exists\":false}]}}");
    }

    @Test
    void mustBeBoolean() {
      assertInvalid("{\"a\":[{\"exists\":\"yes\"}]}");
    }
  }

  @Nested
  class Cidr {
    @Test
    void ipv4AndIpv6Networks() {
      assertMatches("{\"detail\":{\"source-ip\":[{\"cidr\":\"10.0.0.0/24\"}]}}");
      assertNoMatch("{\"detail\":{\"source-ip\":[{\"cidr\":\"10.0.1.0/24\"}]}}");
      assertMatches("{\"detail\":{\"ipv6\":[{\"cidr\":\"2001:db8::/32\"}]}}");
      assertNoMatch("{\"detail\":{\"state\":[{\"cidr\":\"10.0.0.0/8\"}]}}");
    }

    @Test
    void malformedNetworksAreInvalid() {
      assertInvalid("{\"a\":[{\"cidr\":\"10.0.0.0\"}]}");
      assertInvalid("{\"a\":[{\"cidr\":\"10.0.0.0/33\"}]}");
      assertInvalid("{\"a\":[{\"cidr\":\"example.com/8\"}]}");
    }
  }

  @Nested
  class Or {
    @Test
    void anyAlternativeTogetherWithTheSiblings() {
      String pattern =
          "{\"source\":[\"aws.ec2\"],\"$or\":[{\"detail\":{\"state\":[\"running\"]}},{\"detail\":{\"c-count\":[5]}}]}";
      assertMatches(pattern);
      assertNoMatch(pattern.replace("aws.ec2", "aws.s3"));
      assertNoMatch(
          "{\"$or\":[{\"detail\":{\"state\":[\"running\"]}},{\"detail\":{\"c-count\":[6]}}]}");
    }

    @Test
    void nestedAndParallel() {
      assertMatches(
          "{\"$or\":[{\"source\":[\"x\"]},{\"region\":[\"us-west-1\"]}],"
              + "\"detail\":{\"$or\":[{\"state\":[\"running\"]},{\"$or\":[{\"c-count\":[1]},{\"x-limit\":[301.8]}]}]}}");
      assertNoMatch(
          "{\"$or\":[{\"source\":[\"x\"]},{\"region\":[\"us-west-1\"]}],"
              + "\"detail\":{\"$or\":[{\"state\":[\"running\"]},{\"c-count\":[1]}]}}");
    }

    @Test
    void aDollarOrThatIsNotAnOrListIsAPlainField() {
      assertMatches("{\"$or\":[{\"exists\":false}]}");
      assertNoMatch("{\"$or\":[{\"exists\":true}]}");
    }
  }

  @Nested
  class Validation {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "[]",
          "\"source\"",
          "{}",
          "{\"source\":\"aws.ec2\"}",
          "{\"source\":[]}",
          "{\"detail\":{}}",
          "{\"source\":[[\"a\"]]}",
          "{\"source\":[{\"prefix\":1}]}",
          "{\"source\":[{\"unknown-matcher\":\"x\"}]}",
          "{\"source\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}",
          "{\"a\":[{\"equals-ignore-case\":[\"x\"]}]}",
          "not json"
        })
    void rejectedPatterns(String pattern) {
      assertInvalid(pattern);
    }

    @Test
    void keepsTheSourceForDisplay() {
      assertThat(EventPattern.parse("{\"source\":[\"a\"]}").toJson())
          .isEqualTo(json("{\"source\":[\"a\"]}"));
    }
  }

  private static void assertMatches(String pattern) {
    assertThat(EventPattern.parse(pattern).matches(EVENT)).as(pattern).isTrue();
  }

  private static void assertNoMatch(String pattern) {
    assertThat(EventPattern.parse(pattern).matches(EVENT)).as(pattern).isFalse();
  }

  private static void assertInvalid(String pattern) {
    assertThatThrownBy(() -> EventPattern.parse(pattern))
        .as(pattern)
        .isInstanceOf(InvalidEventPatternException.class)
        .hasMessageStartingWith("Event pattern is not valid. Reason: ");
  }

  private static JsonNode json(String text) {
    try {
      return AwsJson.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
