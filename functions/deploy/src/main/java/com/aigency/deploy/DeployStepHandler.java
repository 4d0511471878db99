package com.aigency.deploy;

import com.aigency.shared.campaigns.deploy.CampaignDeployer;
import com.aigency.shared.campaigns.deploy.DeployServices;
import com.aigency.shared.campaigns.deploy.DeployStep;
import com.aigency.shared.campaigns.launch.ApprovalRecords;
import com.aigency.shared.workflow.StepInput;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * One deployment step of the campaign-launch workflow, a Step Functions Task per step: input
 * {@code {"tenantId", "campaignId", "step"}} (step: CAMPAIGN, AD_SETS, IMAGES, CREATIVES, ADS,
 * ACTIVATE), output {@code {"step", "created", "reused", "found", "updated", "ids": {key: Meta id}}}
 * for the execution history. Failures are the named errors ASL matches ({@code Meta.RateLimited},
 * {@code Meta.Transient}, {@code Meta.TokenInvalid}, {@code Deploy.NotApproved}, ...).
 */
public final class DeployStepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final CampaignDeployer deployer;

  public DeployStepHandler() {
    this(DeployServices.fromEnvironment(ApprovalRecords::over).deployer());
  }

  public DeployStepHandler(CampaignDeployer deployer) {
    this.deployer = deployer;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    StepInput in = new StepInput(input);
    return deployer.run(in.tenantId(), in.campaignId(), DeployStep.parse(in.required("step"))).toOutput();
  }
}
