package com.aigency.launch;

import com.aigency.shared.campaigns.launch.LaunchSteps;
import com.aigency.shared.workflow.StepInput;
import java.util.Map;

/** Rejected, out of change rounds, or expired ({@code expired: true}): CANCELLED, nothing built. */
public final class CancelLaunchHandler extends LaunchStep {
  public CancelLaunchHandler() {
    this(withoutMeta());
  }

  public CancelLaunchHandler(LaunchSteps steps) {
    super(steps);
  }

  @Override
  protected Map<String, Object> run(StepInput in) {
    if (in.flag("expired")) {
      steps.expire(in.tenantId(), in.campaignId());
    } else {
      steps.cancel(in.tenantId(), in.campaignId(), in.required("reason"));
    }
    return Map.of("status", "CANCELLED");
  }
}
