package com.aigency.api.campaigns;

import com.aigency.shared.campaigns.launch.CampaignLaunch;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** GET /campaigns/{id}: status, plan, deployment progress and Meta ids. */
public final class GetCampaignHandler extends CampaignRoute {
  public GetCampaignHandler() {
    this(LaunchServices.fromEnvironment().launch());
  }

  public GetCampaignHandler(CampaignLaunch launch) {
    super(launch);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(launch.get(request.tenantId(), request.pathParameter("id")));
  }
}
