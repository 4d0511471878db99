package com.aigency.api.approvals;

import com.aigency.shared.campaigns.launch.ApprovalDecisions;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** POST /approvals/{id}/approve: approves; the launch deploys. */
public final class ApproveHandler extends ApprovalRoute {
  public ApproveHandler() {
    this(LaunchServices.fromEnvironment().decisions());
  }

  public ApproveHandler(ApprovalDecisions decisions) {
    super(decisions);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(decisions.approve(request.tenantId(), request.auth().keyId(), request.pathParameter("id")));
  }
}
