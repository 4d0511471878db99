package com.aigency.shared.http;

import static com.aigency.shared.http.ApiErrors.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.domain.Goal;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {

  private static JsonFields fields(String json) {
    ObjectNode node = (ObjectNode) Json.read(json);
    return JsonFields.of(node, Set.of("text", "goal", "amount", "currency", "url"));
  }

  private static JsonFields withText(String value) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("text", value);
    return JsonFields.of(node, Set.of("text"));
  }

  @Nested
  class UnknownFields {
    @Test
    void anUnknownFieldIsRefusedNamingIt() {
      var e = invalidField("nmae", () -> JsonFields.of(Json.read("{\"nmae\":\"x\"}"), Set.of("name", "description")));

      assertThat(e.getMessage()).contains("'nmae'").contains("allowed: description, name");
    }

    @Test
    void onlyAllowedFieldsPass() {
      var parsed = JsonFields.of(Json.read("{\"name\":\"x\"}"), Set.of("name", "description"));

      assertThat(parsed.requiredText("name", 10)).isEqualTo("x");
    }
  }

  @Nested
  class Text {
    @Test
    void aMissingRequiredTextIsRefused() {
      var e = invalidField("text", () -> fields("{}").requiredText("text", 10));

      assertThat(e.getMessage()).contains("required");
    }

    @Test
    void aNullRequiredTextIsRefused() {
      invalidField("text", () -> fields("{\"text\":null}").requiredText("text", 10));
    }

    @Test
    void aBlankRequiredTextCountsAsMissing() {
      var e = invalidField("text", () -> withText(" \t\n ").requiredText("text", 10));

      assertThat(e.getMessage()).contains("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "{\"a\":\"b\"}", "[\"a\"]"})
    void aNonStringIsRefused(String json) {
      var e = invalidField("text", () -> fields("{\"text\":" + json + "}").requiredText("text", 10));

      assertThat(e.getMessage()).contains("must be a string");
    }

    @Test
    void surroundingWhitespaceIsStripped() {
      assertThat(withText("  hello \n").requiredText("text", 10)).isEqualTo("hello");
    }

    @Test
    void exactlyTheMaximumLengthIsAccepted() {
      assertThat(withText("a".repeat(10)).requiredText("text", 10)).hasSize(10);
    }

    @Test
    void oneOverTheMaximumLengthIsRefusedWithBothLengths() {
      var e = invalidField("text", () -> withText("a".repeat(11)).requiredText("text", 10));

      assertThat(e.getMessage()).contains("11").contains("10");
    }

    @Test
    void lengthIsMeasuredAfterStripping() {
      assertThat(withText("   " + "a".repeat(10) + "   ").requiredText("text", 10)).hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\b", "\u001b[31m", "\u007f", "\u0085", "\u009f"})
    void controlCharactersAreRefused(String control) {
      var e = invalidField("text", () -> withText("before" + control + "after").requiredText("text", 100));

      assertThat(e.getMessage()).contains("control characters");
    }

    @Test
    void newlinesAndTabsInsideTextAreAllowed() {
      assertThat(withText("line one\nline\ttwo").requiredText("text", 100)).isEqualTo("line one\nline\ttwo");
      assertThat(withText("windows\r\nline").requiredText("text", 100)).isEqualTo("windows\r\nline");
    }

    @Test
    void aMissingOptionalTextIsEmpty() {
      assertThat(fields("{}").optionalText("text", 10)).isEmpty();
      assertThat(fields("{\"text\":null}").optionalText("text", 10)).isEmpty();
      assertThat(withText("   ").optionalText("text", 10)).isEmpty();
    }

    @Test
    void anOptionalTextIsValidatedLikeARequiredOne() {
      invalidField("text", () -> withText("a".repeat(11)).optionalText("text", 10));
      invalidField("text", () -> withText("a\u0000b").optionalText("text", 10));
      invalidField("text", () -> fields("{\"text\":7}").optionalText("text", 10));
    }
  }

  @Nested
  class Enums {
    @Test
    void anExactConstantNameIsAccepted() {
      assertThat(fields("{\"goal\":\"APP_INSTALLS\"}").requiredEnum("goal", Goal.class)).isEqualTo(Goal.APP_INSTALLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"leads", "Leads", "AWARENESS", "LEAD"})
    void anythingElseIsRefusedListingTheAllowedValues(String value) {
      var e = invalidField("goal", () -> fields("{\"goal\":\"" + value + "\"}").requiredEnum("goal", Goal.class));

      assertThat(e.getMessage()).contains("LEADS, SALES, TRAFFIC, APP_INSTALLS");
    }

    @Test
    void aMissingEnumIsRefused() {
      invalidField("goal", () -> fields("{}").requiredEnum("goal", Goal.class));
    }
  }

  @Nested
  class WholeNumbers {
    @Test
    void aWholeNumberInRangeIsAccepted() {
      assertThat(fields("{\"amount\":150000}").requiredWholeNumber("amount", 1, 1_000_000)).isEqualTo(150_000L);
    }

    @Test
    void theBoundsAreInclusive() {
      assertThat(fields("{\"amount\":1}").requiredWholeNumber("amount", 1, 10)).isEqualTo(1L);
      assertThat(fields("{\"amount\":10}").requiredWholeNumber("amount", 1, 10)).isEqualTo(10L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "-5"})
    void aNumberOutOfRangeIsRefusedWithTheRange(String json) {
      var e = invalidField("amount", () -> fields("{\"amount\":" + json + "}").requiredWholeNumber("amount", 1, 10));

      assertThat(e.getMessage()).contains("between 1 and 10");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "1.5",
          "\"100\"",
          "1e3",
          "1E3",
          "99999999999999999999",
          "-99999999999999999999",
          "1e400",
          "true",
          "[1]",
          "{\"v\":1}"
        })
    void anythingButAJsonIntegerThatFitsIsRefused(String json) {
      var e =
          invalidField(
              "amount", () -> fields("{\"amount\":" + json + "}").requiredWholeNumber("amount", 1, Long.MAX_VALUE));

      assertThat(e.getMessage()).contains("whole number");
    }

    @Test
    void aMissingNumberIsRefused() {
      invalidField("amount", () -> fields("{}").requiredWholeNumber("amount", 1, 10));
      invalidField("amount", () -> fields("{\"amount\":null}").requiredWholeNumber("amount", 1, 10));
    }
  }

  @Nested
  class Currencies {
    @ParameterizedTest
    @ValueSource(strings = {"EUR", "JPY", "USD", "KRW", "GBP"})
    void aKnownUpperCaseIso4217CodeIsAccepted(String code) {
      assertThat(fields("{\"currency\":\"" + code + "\"}").requiredCurrency("currency")).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "Eur", "XXY", "EU", "EURO", "E1R", "€"})
    void anythingElseIsRefused(String code) {
      var e = invalidField("currency", () -> fields("{\"currency\":\"" + code + "\"}").requiredCurrency("currency"));

      assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void anUnknownCodeNamesExamplesOfValidOnes() {
      var e = invalidField("currency", () -> fields("{\"currency\":\"XXY\"}").requiredCurrency("currency"));
      for (String notMoney : List.of("XXX", "XAU", "XDR", "XTS")) {
        invalidField("currency", () -> fields("{\"currency\":\"" + notMoney + "\"}").requiredCurrency("currency"));
      }

      assertThat(e.getMessage()).contains("ISO 4217");
    }

    @Test
    void aMissingCurrencyIsRefused() {
      invalidField("currency", () -> fields("{}").requiredCurrency("currency"));
    }
  }

  @Nested
  class Urls {
    private JsonFields url(String value) {
      return JsonFields.of(Json.MAPPER.createObjectNode().put("url", value), Set.of("url"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://cornerbakery.example.com",
          "http://example.com/path?q=1#top",
          "HTTPS://EXAMPLE.COM",
          "https://example.com:8443/shop"
        })
    void anAbsoluteHttpOrHttpsUrlIsAccepted(String value) {
      assertThat(url(value).optionalHttpUrl("url", 500)).contains(value);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "javascript:alert(1)",
          "JavaScript:alert(document.cookie)",
          "data:text/html,<script>alert(1)</script>",
          "ftp://example.com/file",
          "mailto:owner@example.com",
          "file:///etc/passwd",
          "/relative/path",
          "relative/path",
          "//example.com/no-scheme",
          "example.com",
          "https://",
          "http:///no-host",
          "https://exa mple.com",
          "https:example.com"
        })
    void anythingElseIsRefused(String value) {
      var e = invalidField("url", () -> url(value).optionalHttpUrl("url", 500));

      assertThat(e.getMessage()).contains("http(s) URL");
    }

    @Test
    void aMissingUrlIsEmpty() {
      assertThat(fields("{}").optionalHttpUrl("url", 500)).isEmpty();
    }

    @Test
    void anOverlongUrlIsRefused() {
      invalidField("url", () -> url("https://example.com/" + "a".repeat(500)).optionalHttpUrl("url", 500));
    }
  }
}
