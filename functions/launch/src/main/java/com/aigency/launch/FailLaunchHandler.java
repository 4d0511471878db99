package com.aigency.launch;

import com.aigency.shared.campaigns.deploy.DeployServices;
import com.aigency.shared.campaigns.launch.ApprovalRecords;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.campaigns.launch.LaunchSteps;
import com.aigency.shared.workflow.StepInput;
import java.util.Map;

/**
 * Where every Catch of the launch goes: pauses whatever was created at Meta, marks the campaign
 * FAILED with a reason the owner can act on, and tells them.
 */
public final class FailLaunchHandler extends LaunchStep {
  public FailLaunchHandler() {
    this(LaunchServices.stepsFromEnvironment(DeployServices.fromEnvironment(ApprovalRecords::over).cleanup()::pauseEverything));
  }

  public FailLaunchHandler(LaunchSteps steps) {
    super(steps);
  }

  @Override
  protected Map<String, Object> run(StepInput in) {
    var paused = steps.fail(in.tenantId(), in.campaignId(), in.optional("error").orElse(null), in.optional("cause").orElse(""));
    return Map.of("paused", paused);
  }
}
