package com.aigency.launch;

import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.campaigns.launch.LaunchSteps;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.aigency.shared.workflow.StepInput;
import java.util.Map;
import org.slf4j.MDC;

/** What the launch steps share: the step input, the tenant and campaign in the log context. */
public abstract class LaunchStep implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  protected final LaunchSteps steps;

  protected LaunchStep(LaunchSteps steps) {
    this.steps = steps;
  }

  protected abstract Map<String, Object> run(StepInput input);

  @Override
  public final Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    StepInput input = new StepInput(event);
    MDC.put("tenantId", input.tenantId());
    MDC.put("campaignId", input.campaignId());
    try {
      return run(input);
    } finally {
      MDC.clear();
    }
  }

  /** Steps that never pause Meta objects. */
  static LaunchSteps withoutMeta() {
    return LaunchServices.stepsFromEnvironment(LaunchSteps.DeploymentPauser.NONE);
  }
}
