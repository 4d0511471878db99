package com.aigency.shared.http;

import static com.aigency.shared.http.ApiErrors.invalidField;
import static com.aigency.shared.http.ApiErrors.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Nested
  class Identity {
    @Test
    void theTenantComesFromTheAuthorizerContext() {
      ApiRequest request = ApiRequest.from(TestEvents.authorized("app"));

      assertThat(request.tenantId()).isEqualTo(TestEvents.TENANT);
    }

    @Test
    void anEventWithoutRequestContextIsUnauthorized() {
      APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();

      ApiException e = refusal(() -> ApiRequest.from(event));

      assertThat(e.status()).isEqualTo(401);
      assertThat(e.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void anEventWithoutAuthorizerIsUnauthorized() {
      APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
      event.setRequestContext(new RequestContext());

      assertThat(refusal(() -> ApiRequest.from(event)).status()).isEqualTo(401);
    }

    @Test
    void anAuthorizerWithoutLambdaContextIsUnauthorized() {
      APIGatewayV2HTTPEvent event = TestEvents.withAuthorizerContext(null);

      assertThat(refusal(() -> ApiRequest.from(event)).status()).isEqualTo(401);
    }

    @Test
    void aLambdaContextWithoutTenantIsUnauthorized() {
      Map<String, Object> lambda = new HashMap<>(Map.of("scopes", "app", "keyId", "k_x"));

      assertThat(refusal(() -> ApiRequest.from(TestEvents.withAuthorizerContext(lambda))).status()).isEqualTo(401);
    }

    @Test
    void aBlankTenantIsUnauthorized() {
      Map<String, Object> lambda = new HashMap<>(Map.of("tenantId", "  ", "scopes", "app"));

      assertThat(refusal(() -> ApiRequest.from(TestEvents.withAuthorizerContext(lambda))).status()).isEqualTo(401);
    }
  }

  @Nested
  class Body {
    @Test
    void aJsonObjectBodyIsParsed() {
      var body = ApiRequest.from(TestEvents.withBody("{\"name\":\"Corner Bakery\"}")).jsonBody();

      assertThat(body.get("name").asText()).isEqualTo("Corner Bakery");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void aMissingOrBlankBodyIsRefused(String raw) {
      ApiRequest request = ApiRequest.from(TestEvents.withBody(raw));

      var e = invalidField("body", request::jsonBody);

      assertThat(e.getMessage()).contains("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"name\":\"x\"}]", "\"text\"", "42", "true", "null"})
    void aBodyThatIsNotAnObjectIsRefused(String raw) {
      ApiRequest request = ApiRequest.from(TestEvents.withBody(raw));

      var e = invalidField("body", request::jsonBody);

      assertThat(e.getMessage()).contains("JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"name\":}", "{name:\"x\"}", "{'name':'x'}", "not json at all", "{\"a\":1,}"})
    void aMalformedBodyIsRefusedWithItsPosition(String raw) {
      ApiRequest request = ApiRequest.from(TestEvents.withBody(raw));

      var e = invalidField("body", request::jsonBody);

      assertThat(e.getMessage()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aMalformedBodyDoesNotEchoTheBody() {
      ApiRequest request = ApiRequest.from(TestEvents.withBody("{\"secret\": oops-agk_leak}"));

      var e = invalidField("body", request::jsonBody);

      assertThat(e.getMessage()).doesNotContain("agk_leak");
    }

    @Test
    void trailingContentAfterTheObjectIsRefused() {
      ApiRequest request = ApiRequest.from(TestEvents.withBody("{\"name\":\"a\"} {\"name\":\"b\"}"));

      invalidField("body", request::jsonBody);
    }

    @Test
    void aBase64EncodedBodyIsDecoded() {
      APIGatewayV2HTTPEvent event = TestEvents.withBody(base64("{\"name\":\"Café Alfama\"}"));
      event.setIsBase64Encoded(true);

      assertThat(ApiRequest.from(event).jsonBody().get("name").asText()).isEqualTo("Café Alfama");
    }

    @Test
    void aBodyMarkedBase64ThatIsNotBase64IsRefused() {
      APIGatewayV2HTTPEvent event = TestEvents.withBody("{\"name\":\"x\"}");
      event.setIsBase64Encoded(true);

      invalidField("body", ApiRequest.from(event)::jsonBody);
    }

    @Test
    void aBodyOfExactly64KiBIsAccepted() {
      String prefix = "{\"v\":\"";
      String suffix = "\"}";
      String body = prefix + "a".repeat(ApiRequest.MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;

      assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(ApiRequest.MAX_BODY_BYTES);
      assertThat(ApiRequest.from(TestEvents.withBody(body)).jsonBody().get("v").asText()).isNotEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
      String body = "{\"v\":\"" + "a".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}";

      ApiException e = refusal(ApiRequest.from(TestEvents.withBody(body))::jsonBody);

      assertThat(e.status()).isEqualTo(413);
      assertThat(e.code()).isEqualTo("PAYLOAD_TOO_LARGE");
      assertThat(e.field()).isEqualTo("body");
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
      // 33,000 two-byte characters: under the limit in chars, over it in bytes
      String body = "{\"v\":\"" + "é".repeat(33_000) + "\"}";

      assertThat(refusal(ApiRequest.from(TestEvents.withBody(body))::jsonBody).status()).isEqualTo(413);
    }

    @Test
    void theLimitAppliesToTheDecodedBase64Body() {
      String json = "{\"v\":\"" + "a".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}";
      APIGatewayV2HTTPEvent event = TestEvents.withBody(base64(json));
      event.setIsBase64Encoded(true);

      ApiException e = refusal(ApiRequest.from(event)::jsonBody);

      assertThat(e.status()).isEqualTo(413);
      assertThat(e.field()).isEqualTo("body");
    }

    @Test
    void aBodyNestedBeyondTheParserLimitIsRefusedAs400() {
      String body = "{\"v\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

      invalidField("body", ApiRequest.from(TestEvents.withBody(body))::jsonBody);
    }

    @Test
    void aNumberBeyondTheParserLimitIsRefusedAs400() {
      String body = "{\"monthlyBudget\":" + "1".repeat(1_200) + "}";

      invalidField("body", ApiRequest.from(TestEvents.withBody(body))::jsonBody);
    }
  }

  @Nested
  class Headers {
    @Test
    void headerLookupIgnoresCase() {
      APIGatewayV2HTTPEvent event = TestEvents.authorized("app");
      event.setHeaders(Map.of("X-Client-Id", "t_01JD3XEXAMPKETENANT0000001"));
      ApiRequest request = ApiRequest.from(event);

      assertThat(request.header("x-client-id")).contains("t_01JD3XEXAMPKETENANT0000001");
      assertThat(request.header("X-CLIENT-ID")).contains("t_01JD3XEXAMPKETENANT0000001");
    }

    @Test
    void anAbsentHeaderIsEmpty() {
      APIGatewayV2HTTPEvent event = TestEvents.authorized("app");
      event.setHeaders(Map.of("accept", "application/json"));

      assertThat(ApiRequest.from(event).header("x-client-id")).isEmpty();
    }

    @Test
    void anEventWithoutHeadersHasNone() {
      assertThat(ApiRequest.from(TestEvents.authorized("app")).header("accept")).isEmpty();
    }
  }

  @Nested
  class Parameters {
    @Test
    void aPathParameterIsRead() {
      APIGatewayV2HTTPEvent event = TestEvents.authorized("app");
      event.setPathParameters(Map.of("id", "p_01JD4C0RNERBAKERYPR0JECT01"));

      assertThat(ApiRequest.from(event).pathParameter("id")).isEqualTo("p_01JD4C0RNERBAKERYPR0JECT01");
    }

    @Test
    void aMissingPathParameterIsRefusedNamingIt() {
      ApiRequest request = ApiRequest.from(TestEvents.authorized("app"));

      invalidField("id", () -> request.pathParameter("id"));
    }

    @Test
    void anEmptyQueryParameterIsAbsent() {
      APIGatewayV2HTTPEvent event = TestEvents.authorized("app");
      event.setQueryStringParameters(Map.of("limit", "", "nextToken", "abc"));
      ApiRequest request = ApiRequest.from(event);

      assertThat(request.queryParameter("limit")).isEmpty();
      assertThat(request.queryParameter("nextToken")).contains("abc");
      assertThat(request.queryParameter("other")).isEmpty();
    }
  }
}
