package com.aigency.launch;

import com.aigency.shared.campaigns.launch.LaunchSteps;
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
    if (Boolean.TRUE.equals(in.raw().get("expired"))) {
      steps.expire(in.tenantId(), in.campaignId());
    } else {
      steps.cancel(in.tenantId(), in.campaignId(), in.required("reason"));
    }
    return Map.of("status", "CANCELLED");
  }
}
