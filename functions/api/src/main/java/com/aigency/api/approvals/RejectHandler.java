package com.aigency.api.approvals;

import com.aigency.shared.campaigns.launch.ApprovalDecisions;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** POST /approvals/{id}/reject: rejects; the campaign is CANCELLED and nothing is built. */
public final class RejectHandler extends ApprovalRoute {
  public RejectHandler() {
    this(LaunchServices.fromEnvironment().decisions());
  }

  public RejectHandler(ApprovalDecisions decisions) {
    super(decisions);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(decisions.reject(request.tenantId(), request.auth().keyId(), request.pathParameter("id")));
  }
}
