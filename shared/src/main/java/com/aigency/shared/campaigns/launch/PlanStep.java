package com.aigency.shared.campaigns.launch;

import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.plan.CampaignPlanner;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.store.ApprovalStore;
import com.aigency.shared.store.CampaignStore;
import com.aigency.shared.store.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The launch's planning step: the brief, the plan the owner last saw and everything they asked to
 * change so far go to the planner; the validated plan is saved for approval.
 */
public final class PlanStep {
  private final ProjectStore projects;
  private final CampaignStore campaigns;
  private final ApprovalStore approvals;
  private final CampaignPlanner planner;
  private final LaunchSteps steps;

  public PlanStep(ProjectStore projects, CampaignStore campaigns, ApprovalStore approvals, CampaignPlanner planner, LaunchSteps steps) {
    this.projects = projects;
    this.campaigns = campaigns;
    this.approvals = approvals;
    this.planner = planner;
    this.steps = steps;
  }

  public int run(String tenantId, String projectId, String campaignId, int round) {
    CampaignRecord campaign = campaigns.find(tenantId, campaignId)
        .filter(c -> c.projectId().equals(projectId))
        .orElseThrow(() -> new Launch.Conflict("no campaign " + campaignId + " in project " + projectId));
    if (campaign.planRound() >= round && campaign.status() == CampaignRecord.Status.PENDING_APPROVAL) {
      return round; // planned already: a retried step must not ask the agents (and the budget) again
    }
    ProjectBrief brief = projects.findBrief(tenantId, projectId)
        .orElseThrow(() -> new Launch.Conflict("project " + projectId + " has no brief"));
    Optional<CampaignPlan> previous = round > 1 ? Optional.ofNullable(campaign.plan()) : Optional.empty();
    CampaignPlan plan = planner.plan(tenantId, projectId, brief, previous, feedbackBefore(tenantId, campaignId, round));
    steps.savePlan(tenantId, campaignId, round, plan);
    return round;
  }

  /** What the owner asked to change in the rounds before {@code round}, oldest first. */
  private List<String> feedbackBefore(String tenantId, String campaignId, int round) {
    List<String> said = new ArrayList<>();
    for (int r = 1; r < round; r++) {
      approvals.find(tenantId, LaunchSteps.approvalId(tenantId, campaignId, r))
          .flatMap(a -> a.feedback())
          .ifPresent(said::add);
    }
    return said;
  }
}
