package com.aigency.oauth;

import com.aigency.shared.facebook.AppRedirects;
import com.aigency.shared.facebook.FacebookConnect;
import com.aigency.shared.facebook.FacebookServices;
import com.aigency.shared.facebook.OAuthFailure;
import com.aigency.shared.facebook.OAuthFlowException;
import com.aigency.shared.http.ApiResponse;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /auth/facebook/callback: where Meta's dialog sends the owner's browser. No API key comes
 * with a browser redirect, so the signed state is the only credential; the outcome is a 302 back
 * to the app. The query (code, state) is never logged.
 */
public final class FacebookCallbackHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(FacebookCallbackHandler.class);

  private final FacebookConnect connect;
  private final AppRedirects app;
  private final CallbackUrl callbackUrl;

  public FacebookCallbackHandler() {
    this(FacebookServices.fromEnvironment().connect(), AppRedirects.fromEnvironment(), CallbackUrl.fromEnvironment());
  }

  public FacebookCallbackHandler(FacebookConnect connect, AppRedirects app, CallbackUrl callbackUrl) {
    this.connect = connect;
    this.app = app;
    this.callbackUrl = callbackUrl;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    var callback = new FacebookConnect.Callback(
        param(query, "state"), param(query, "code"), param(query, "error"));
    try {
      return ApiResponse.redirect(app.connected(connect.complete(callback, callbackUrl.of(event)))).toEvent();
    } catch (OAuthFlowException e) {
      LOG.info("Meta connection refused: {}", e.failure());
      return ApiResponse.redirect(app.failed(e.failure())).toEvent();
    } catch (RuntimeException e) {
      LOG.error("Meta connection failed", e);
      return ApiResponse.redirect(app.failed(OAuthFailure.EXCHANGE_FAILED)).toEvent();
    }
  }

  private static Optional<String> param(Map<String, String> query, String name) {
    return Optional.ofNullable(query.get(name)).filter(s -> !s.isEmpty());
  }
}
