package com.aigency.api.approvals;

import com.aigency.shared.campaigns.launch.ApprovalDecisions;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** GET /approvals?status=: the tenant's approvals in one status (PENDING by default), newest first. */
public final class ListApprovalsHandler extends ApprovalRoute {
  public ListApprovalsHandler() {
    this(LaunchServices.fromEnvironment().decisions());
  }

  public ListApprovalsHandler(ApprovalDecisions decisions) {
    super(decisions);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(decisions.list(request.tenantId(), request.queryParameter("status"), request.page()));
  }
}
