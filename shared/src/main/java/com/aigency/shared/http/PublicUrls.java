package com.aigency.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URI;

/**
 * The public URL of a route of this API, as the caller reached it: scheme from {@code
 * X-Forwarded-Proto} (API Gateway sets it), host from the request context, and the stage prefix
 * unless the stage is {@code $default}. Used where Meta must be told our own callback URL.
 */
public final class PublicUrls {
  private PublicUrls() {}

  public static URI of(APIGatewayV2HTTPEvent event, String path) {
    var context = event.getRequestContext();
    if (context == null || context.getDomainName() == null || context.getDomainName().isBlank()) {
      throw new IllegalStateException("The request has no domain name to build a public URL from");
    }
    String scheme = Headers.find(event.getHeaders(), "x-forwarded-proto").map(p -> p.split(",")[0].trim()).orElse("https");
    if (!scheme.equals("https") && !scheme.equals("http")) {
      scheme = "https";
    }
    String stage = context.getStage();
    String prefix = stage == null || stage.isBlank() || stage.equals("$default") ? "" : "/" + stage;
    return URI.create(scheme + "://" + context.getDomainName() + prefix + path);
  }
}
