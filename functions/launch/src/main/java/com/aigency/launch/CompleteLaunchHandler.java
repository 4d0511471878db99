package com.aigency.launch;

import com.aigency.shared.campaigns.launch.LaunchSteps;
import com.aigency.shared.workflow.StepInput;
import java.util.Map;

/** The campaign is live: ACTIVE, a message, a notification, an activity entry. */
public final class CompleteLaunchHandler extends LaunchStep {
  public CompleteLaunchHandler() {
    this(withoutMeta());
  }

  public CompleteLaunchHandler(LaunchSteps steps) {
    super(steps);
  }

  @Override
  protected Map<String, Object> run(StepInput in) {
    steps.complete(in.tenantId(), in.campaignId());
    return Map.of("status", "ACTIVE");
  }
}
