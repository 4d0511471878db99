package com.aigency.oauth;

import com.aigency.shared.domain.Scope;
import com.aigency.shared.facebook.AdAccountSelection;
import com.aigency.shared.http.ApiHandler;

/** What the ad-account routes share: the {@code app} scope and one selection service. */
abstract class AdAccountRoute extends ApiHandler {
  protected final AdAccountSelection accounts;

  AdAccountRoute(AdAccountSelection accounts) {
    this.accounts = accounts;
  }

  @Override
  protected final Scope requiredScope() {
    return Scope.APP;
  }
}
