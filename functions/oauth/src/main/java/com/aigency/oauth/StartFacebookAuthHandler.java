package com.aigency.oauth;

import com.aigency.shared.domain.Scope;
import com.aigency.shared.facebook.FacebookConnect;
import com.aigency.shared.facebook.FacebookServices;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.http.ApiHandler;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** GET /auth/facebook?projectId=: 302 to Meta's OAuth dialog with a signed, single-use state. */
public final class StartFacebookAuthHandler extends ApiHandler {
  private final FacebookConnect connect;
  private final CallbackUrl callbackUrl;

  public StartFacebookAuthHandler() {
    this(FacebookServices.fromEnvironment().connect(), CallbackUrl.fromEnvironment());
  }

  public StartFacebookAuthHandler(FacebookConnect connect, CallbackUrl callbackUrl) {
    this.connect = connect;
    this.callbackUrl = callbackUrl;
  }

  @Override
  protected Scope requiredScope() {
    return Scope.APP;
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String projectId = request.queryParameter("projectId")
        .orElseThrow(() -> ApiException.invalid("projectId", "'projectId' is required in the query"));
    return ApiResponse.redirect(
        connect.start(request.tenantId(), request.auth().keyId(), projectId, callbackUrl.of(request)));
  }
}
