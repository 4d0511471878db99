package com.aigency.oauth;

import com.aigency.shared.facebook.AdAccountSelection;
import com.aigency.shared.facebook.FacebookServices;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** PUT /projects/{id}/ad-account: chooses the ad account campaigns run in. */
public final class SelectAdAccountHandler extends AdAccountRoute {
  public SelectAdAccountHandler() {
    this(FacebookServices.fromEnvironment().adAccounts());
  }

  public SelectAdAccountHandler(AdAccountSelection accounts) {
    super(accounts);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(accounts.select(request.tenantId(), request.pathParameter("id"), request.jsonBody()));
  }
}
