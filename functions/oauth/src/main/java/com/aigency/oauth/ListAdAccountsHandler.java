package com.aigency.oauth;

import com.aigency.shared.facebook.AdAccountSelection;
import com.aigency.shared.facebook.FacebookServices;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** GET /projects/{id}/ad-accounts: the connection and the ad accounts it can use, live from Meta. */
public final class ListAdAccountsHandler extends AdAccountRoute {
  public ListAdAccountsHandler() {
    this(FacebookServices.fromEnvironment().adAccounts());
  }

  public ListAdAccountsHandler(AdAccountSelection accounts) {
    super(accounts);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(accounts.list(request.tenantId(), request.pathParameter("id")));
  }
}
