package com.aigency.launch;

import com.aigency.shared.campaigns.launch.LaunchSteps;
import com.aigency.shared.workflow.StepInput;
import java.util.Map;

/** The gate: only an APPROVED approval of this campaign moves it to DEPLOYING. */
public final class StartDeploymentHandler extends LaunchStep {
  public StartDeploymentHandler() {
    this(withoutMeta());
  }

  public StartDeploymentHandler(LaunchSteps steps) {
    super(steps);
  }

  @Override
  protected Map<String, Object> run(StepInput in) {
    steps.startDeployment(in.tenantId(), in.campaignId(), in.required("approvalId"));
    return Map.of("status", "DEPLOYING");
  }
}
