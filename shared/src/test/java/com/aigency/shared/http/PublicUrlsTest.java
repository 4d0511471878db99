package com.aigency.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicUrlsTest {
  private static APIGatewayV2HTTPEvent event(String stage, Map<String, String> headers) {
    return APIGatewayV2HTTPEvent.builder()
        .withHeaders(headers)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withDomainName("abc.execute-api.eu-west-1.amazonaws.com").withStage(stage).build())
        .build();
  }

  @Test
  void aNamedStageIsPartOfThePathAndHttpsIsTheDefault() {
    assertThat(PublicUrls.of(event("dev", Map.of()), "/auth/facebook/callback").toString())
        .isEqualTo("https://abc.execute-api.eu-west-1.amazonaws.com/dev/auth/facebook/callback");
  }

  @Test
  void theDefaultStageAddsNothingAndTheForwardedSchemeIsKept() {
    assertThat(PublicUrls.of(event("$default", Map.of("X-Forwarded-Proto", "http")), "/x").toString())
        .isEqualTo("http://abc.execute-api.eu-west-1.amazonaws.com/x");
  }

  @Test
  void anUnexpectedForwardedSchemeFallsBackToHttps() {
    assertThat(PublicUrls.of(event("$default", Map.of("x-forwarded-proto", "javascript")), "/x").getScheme()).isEqualTo("https");
  }
}
