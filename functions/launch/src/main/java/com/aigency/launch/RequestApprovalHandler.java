package com.aigency.launch;

import com.aigency.shared.campaigns.launch.LaunchSteps;
import com.aigency.shared.workflow.StepInput;
import java.util.Map;

/**
 * Invoked with {@code .waitForTaskToken}: opens the approval holding the token and tells the
 * owner; the workflow then waits until the owner decides (or the task times out).
 */
public final class RequestApprovalHandler extends LaunchStep {
  public RequestApprovalHandler() {
    this(withoutMeta());
  }

  public RequestApprovalHandler(LaunchSteps steps) {
    super(steps);
  }

  @Override
  protected Map<String, Object> run(StepInput in) {
    return Map.of("approvalId", steps.requestApproval(in.tenantId(), in.campaignId(), in.round(), in.required("taskToken")));
  }
}
