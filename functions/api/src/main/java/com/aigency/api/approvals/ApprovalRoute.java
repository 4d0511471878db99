package com.aigency.api.approvals;

import com.aigency.shared.campaigns.launch.ApprovalDecisions;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.http.ApiHandler;

/** What the approval routes share: the {@code app} scope and one decision service per container. */
abstract class ApprovalRoute extends ApiHandler {
  protected final ApprovalDecisions decisions;

  ApprovalRoute(ApprovalDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  protected final Scope requiredScope() {
    return Scope.APP;
  }
}
