package com.aigency.api.campaigns;

import com.aigency.shared.campaigns.launch.CampaignLaunch;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.http.ApiHandler;

/** What the campaign routes share: the {@code app} scope and one launch service per container. */
abstract class CampaignRoute extends ApiHandler {
  protected final CampaignLaunch launch;

  CampaignRoute(CampaignLaunch launch) {
    this.launch = launch;
  }

  @Override
  protected final Scope requiredScope() {
    return Scope.APP;
  }
}
