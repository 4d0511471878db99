package com.aigency.api.campaigns;

import com.aigency.shared.campaigns.launch.CampaignLaunch;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/**
 * POST /projects/{id}/campaigns: starts the launch workflow (plan, approval, deployment). 202 with
 * the DRAFT campaign; a repeat with the same {@code Idempotency-Key} answers 200 with the same one.
 */
public final class LaunchCampaignHandler extends CampaignRoute {
  public LaunchCampaignHandler() {
    this(LaunchServices.fromEnvironment().launch());
  }

  public LaunchCampaignHandler(CampaignLaunch launch) {
    super(launch);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    var started = launch.start(request.tenantId(), request.pathParameter("id"), request.header("Idempotency-Key"));
    return new ApiResponse(started.created() ? 202 : 200, started.campaign());
  }
}
