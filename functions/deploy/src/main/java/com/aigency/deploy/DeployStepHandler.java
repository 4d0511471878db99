package com.aigency.deploy;

import com.aigency.shared.campaigns.deploy.CampaignDeployer;
import com.aigency.shared.campaigns.deploy.DeployServices;
import com.aigency.shared.campaigns.deploy.DeployStep;
import com.aigency.shared.campaigns.launch.ApprovalRecords;
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
    String tenantId = text(input, "tenantId");
    String campaignId = text(input, "campaignId");
    DeployStep step = DeployStep.parse(text(input, "step"));
    return deployer.run(tenantId, campaignId, step).toOutput();
  }

  static String text(Map<String, Object> input, String name) {
    Object v = input == null ? null : input.get(name);
    if (v instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new IllegalArgumentException("the deploy step input needs \"" + name + "\" (a string)");
  }
}
