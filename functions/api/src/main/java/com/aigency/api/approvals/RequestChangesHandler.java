package com.aigency.api.approvals;

import com.aigency.shared.campaigns.launch.ApprovalDecisions;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** POST /approvals/{id}/request-changes {"feedback"}: the planner drafts again with the feedback. */
public final class RequestChangesHandler extends ApprovalRoute {
  public RequestChangesHandler() {
    this(LaunchServices.fromEnvironment().decisions());
  }

  public RequestChangesHandler(ApprovalDecisions decisions) {
    super(decisions);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(decisions.requestChanges(
        request.tenantId(), request.auth().keyId(), request.pathParameter("id"), request.jsonBody()));
  }
}
