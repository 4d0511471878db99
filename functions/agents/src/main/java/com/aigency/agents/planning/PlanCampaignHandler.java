package com.aigency.agents.planning;

import com.aigency.agents.chat.AgentServices;
import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.aws.Blobs;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.campaigns.launch.LaunchSteps;
import com.aigency.shared.campaigns.launch.PlanStep;
import com.aigency.shared.campaigns.plan.CampaignPlanner;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.store.ApprovalStore;
import com.aigency.shared.store.CampaignStore;
import com.aigency.shared.store.ProjectStore;
import com.aigency.shared.workflow.StepInput;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The launch's planning step: input {@code {"tenantId","projectId","campaignId","round"}}, output
 * {@code {"round"}}. Agent failures are the named errors the ASL catches ({@code Agent.Paused},
 * {@code Agent.BudgetExceeded}, {@code Plan.Invalid}, ...).
 */
public final class PlanCampaignHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final PlanStep step;

  public PlanCampaignHandler() {
    this(fromEnvironment());
  }

  public PlanCampaignHandler(PlanStep step) {
    this.step = step;
  }

  private static PlanStep fromEnvironment() {
    var dynamo = AwsClients.dynamoDb();
    String table = AppConfig.fromEnvironment().tableName();
    var clock = AppClock.system();
    return new PlanStep(new ProjectStore(dynamo, table), new CampaignStore(dynamo, table), new ApprovalStore(dynamo, table),
        new CampaignPlanner(AgentServices.runtime(dynamo, table, clock)),
        LaunchServices.steps(dynamo, table, Blobs.fromEnvironment(), LaunchSteps.DeploymentPauser.NONE, clock));
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    StepInput in = new StepInput(input);
    return Map.of("round", step.run(in.tenantId(), in.required("projectId"), in.campaignId(), in.round()));
  }
}
