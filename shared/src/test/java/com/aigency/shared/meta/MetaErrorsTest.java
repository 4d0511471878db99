package com.aigency.shared.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.json.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MetaErrorsTest {

  @ParameterizedTest(name = "HTTP {0} code {1} subcode {2} transient {3} -> {4}")
  @CsvSource(
      nullValues = "null",
      value = {
        // rate limits, including Meta's transient-flagged ones
        "400, 4, null, true, RATE_LIMITED",
        "400, 17, 2446079, true, RATE_LIMITED",
        "400, 32, null, null, RATE_LIMITED",
        "400, 341, null, null, RATE_LIMITED",
        "400, 613, 1487742, true, RATE_LIMITED",
        "400, 80000, null, null, RATE_LIMITED",
        "400, 80004, 2446079, true, RATE_LIMITED",
        "400, 80014, null, null, RATE_LIMITED",
        "400, 100, 2446079, null, RATE_LIMITED",
        "429, null, null, null, RATE_LIMITED",
        // tokens
        "400, 190, null, false, TOKEN_INVALID",
        "400, 190, 460, false, TOKEN_INVALID",
        "400, 190, 463, false, TOKEN_INVALID",
        "400, 102, null, false, TOKEN_INVALID",
        "400, 2500, null, false, TOKEN_INVALID",
        "400, 999, 458, false, TOKEN_INVALID",
        "400, 999, 459, false, TOKEN_INVALID",
        "400, 999, 464, false, TOKEN_INVALID",
        "400, 999, 467, false, TOKEN_INVALID",
        // permissions
        "403, 10, null, false, PERMISSION",
        "400, 200, null, false, PERMISSION",
        "400, 270, null, false, PERMISSION",
        "400, 299, null, false, PERMISSION",
        "400, 368, null, false, PERMISSION",
        // invalid parameters
        "400, 100, null, false, INVALID_PARAMETER",
        "400, 100, 1885272, false, INVALID_PARAMETER",
        "400, 100, 33, false, INVALID_PARAMETER",
        "400, 2641, 1487390, false, INVALID_PARAMETER",
        "400, 2641, 1885621, false, INVALID_PARAMETER",
        "400, 2641, 2490487, false, INVALID_PARAMETER",
        // transient
        "500, 1, null, null, TRANSIENT",
        "400, 1, null, null, TRANSIENT",
        "500, 2, null, true, TRANSIENT",
        "503, null, null, null, TRANSIENT",
        "502, 12345, null, null, TRANSIENT",
        "400, 12345, null, true, TRANSIENT",
        // anything else
        "400, 12345, null, false, UNKNOWN",
        "404, null, null, null, UNKNOWN"
      })
  void classifiesMetaErrorCodes(int status, Integer code, Integer subcode, Boolean isTransient, MetaErrorKind kind) {
    assertThat(MetaErrors.classify(status, code, subcode, isTransient, "some message")).isEqualTo(kind);
  }

  @Test
  void aBadClientSecretIsAConfigurationProblemNotATransientOne() {
    assertThat(MetaErrors.classify(400, 1, null, false, "Error validating client secret.")).isEqualTo(MetaErrorKind.PERMISSION);
    assertThat(MetaErrors.classify(400, 101, null, false, "Error validating application.")).isEqualTo(MetaErrorKind.PERMISSION);
  }

  @Test
  void everyKindHasItsAslErrorName() {
    assertThat(MetaErrorKind.RATE_LIMITED.errorName()).isEqualTo("Meta.RateLimited");
    assertThat(MetaErrorKind.TOKEN_INVALID.errorName()).isEqualTo("Meta.TokenInvalid");
    assertThat(MetaErrorKind.PERMISSION.errorName()).isEqualTo("Meta.PermissionDenied");
    assertThat(MetaErrorKind.INVALID_PARAMETER.errorName()).isEqualTo("Meta.InvalidParameter");
    assertThat(MetaErrorKind.TRANSIENT.errorName()).isEqualTo("Meta.Transient");
    assertThat(MetaErrorKind.UNKNOWN.errorName()).isEqualTo("Meta.Failed");
    assertThat(MetaErrorKind.RATE_LIMITED.retryable()).isTrue();
    assertThat(MetaErrorKind.TRANSIENT.retryable()).isTrue();
    assertThat(MetaErrorKind.INVALID_PARAMETER.retryable()).isFalse();
    assertThat(MetaErrorKind.TOKEN_INVALID.retryable()).isFalse();
  }

  @Test
  void parsesTheErrorEnvelope() {
    var body =
        Json.read(
            """
            {"error": {"message": "Invalid parameter", "type": "OAuthException", "code": 100,
              "error_subcode": 1885272, "is_transient": false, "error_user_title": "Budget Is Too Low",
              "error_user_msg": "The budget for this ad set must be at least 150.",
              "error_data": "{\\"blame_field_specs\\":[[\\"daily_budget\\"]]}",
              "fbtrace_id": "AbCdEf"}}
            """);
    MetaErrors.GraphErrorBody e = MetaErrors.parse(body).orElseThrow();
    assertThat(e.code()).isEqualTo(100);
    assertThat(e.subcode()).isEqualTo(1885272);
    assertThat(e.type()).isEqualTo("OAuthException");
    assertThat(e.isTransient()).isFalse();
    assertThat(e.userTitle()).isEqualTo("Budget Is Too Low");
    assertThat(e.fbtraceId()).isEqualTo("AbCdEf");
    assertThat(e.blameFields()).containsExactly("daily_budget");
    assertThat(MetaErrors.offendingField(e)).contains("daily_budget");
    assertThat(MetaErrors.parse(Json.read("{\"id\":\"1\"}"))).isEmpty();
  }

  @Test
  void blameFieldSpecsMayBeAnObjectAndNestJoinWithDots() {
    var body =
        Json.read(
            "{\"error\":{\"message\":\"Invalid parameter\",\"code\":100,"
                + "\"error_data\":{\"blame_field_specs\":[[\"targeting\",\"geo_locations\"]]}}}");
    assertThat(MetaErrors.offendingField(MetaErrors.parse(body).orElseThrow())).contains("targeting.geo_locations");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "The parameter special_ad_categories is required. Pass an empty array ([]) if none. | special_ad_categories",
        "(#100) param daily_budget must be a number | daily_budget",
        "targeting.geo_locations is required: add at least one country. | targeting.geo_locations",
        "The daily_budget for this ad set must be at least 150 (JPY minor units); got 10. | daily_budget",
        "object_story_spec.link_data.link is required. | object_story_spec.link_data.link",
        "objective must be one of OUTCOME_AWARENESS, OUTCOME_SALES; got REACH. | objective",
        "The parameter name is required. | name",
        "Invalid appsecret_proof provided in the API argument | appsecret_proof",
        "Unsupported get request. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api | null",
        "Your budget is too low. | null"
      })
  void findsTheFieldAMessageNames(String text, String field) {
    if (field == null) {
      assertThat(MetaErrors.fieldIn(text)).isEmpty();
    } else {
      assertThat(MetaErrors.fieldIn(text)).contains(field);
    }
  }

  @Test
  void prefersTheUserMessageOverTheGenericMessage() {
    var e =
        new MetaErrors.GraphErrorBody(
            "Invalid parameter", "OAuthException", 100, 1487756, false, "Location Is Required",
            "targeting.geo_locations is required", "x", List.of());
    assertThat(MetaErrors.offendingField(e)).contains("targeting.geo_locations");
  }

  @Test
  void redactsEverySecret() {
    assertThat(MetaErrors.redact("token EAAabc123 and proof deadbeef01 and EAAabc123", List.of("EAAabc123", "deadbeef01")))
        .isEqualTo("token *** and proof *** and ***");
    assertThat(MetaErrors.redact(null, List.of("x"))).isNull();
  }
}
