package com.aigency.oauth;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.PublicUrls;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URI;
import java.util.Optional;

/**
 * The callback URL Meta is given, identical in the dialog request and in the code exchange:
 * {@code OAUTH_REDIRECT_URI} when set (a custom domain), else this API's own URL as reached.
 */
public record CallbackUrl(Optional<URI> configured) {
  static final String PATH = "/auth/facebook/callback";

  public static CallbackUrl fromEnvironment() {
    return new CallbackUrl(Optional.ofNullable(System.getenv("OAUTH_REDIRECT_URI")).filter(s -> !s.isBlank()).map(URI::create));
  }

  URI of(ApiRequest request) {
    return configured.orElseGet(() -> request.publicUrl(PATH));
  }

  URI of(APIGatewayV2HTTPEvent event) {
    return configured.orElseGet(() -> PublicUrls.of(event, PATH));
  }
}
