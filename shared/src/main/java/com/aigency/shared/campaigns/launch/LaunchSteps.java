package com.aigency.shared.campaigns.launch;

import com.aigency.shared.approvals.Approval;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.CampaignRecord.Status;
import com.aigency.shared.campaigns.plan.MoneyText;
import com.aigency.shared.domain.Artifact;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Message;
import com.aigency.shared.domain.Notification;
import com.aigency.shared.json.Json;
import com.aigency.shared.notifications.NewNotification;
import com.aigency.shared.store.ApprovalStore;
import com.aigency.shared.store.CampaignStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign-launch workflow's own steps (statemachines/campaign-launch.asl.json): saving a plan
 * for approval, opening the approval with the task token, the gate before deployment, and the
 * endings (ACTIVE, CANCELLED, FAILED). Each step is idempotent: Step Functions may run it twice.
 */
public final class LaunchSteps {
  /** How long the owner has to decide; the ASL task's TimeoutSeconds is the same. */
  public static final Duration APPROVAL_TTL = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(LaunchSteps.class);

  private final CampaignStore campaigns;
  private final ApprovalStore approvals;
  private final ProjectFeed feed;
  private final DeploymentPauser pauser;
  private final Clock clock;

  /** Pauses whatever a failed deployment created; returns a line per object for the owner. */
  public interface DeploymentPauser {
    /** For steps that never reach a deployment: asking it is a bug. */
    DeploymentPauser NONE = (tenantId, campaignId) -> {
      throw new IllegalStateException("this step does not pause deployments");
    };

    List<String> pauseEverything(String tenantId, String campaignId);
  }

  public LaunchSteps(CampaignStore campaigns, ApprovalStore approvals, ProjectFeed feed, DeploymentPauser pauser, Clock clock) {
    this.campaigns = campaigns;
    this.approvals = approvals;
    this.feed = feed;
    this.pauser = pauser;
    this.clock = clock;
  }

  /** Stores a fresh plan (round {@code round}) as PENDING_APPROVAL with its CAMPAIGN artifact. */
  public void savePlan(String tenantId, String campaignId, int round, CampaignPlan plan) {
    CampaignRecord c = campaign(tenantId, campaignId);
    if (c.planRound() >= round && c.status() == Status.PENDING_APPROVAL) {
      return; // this round was saved already: a retried step
    }
    if (!campaigns.transition(tenantId, campaignId, EnumSet.of(Status.DRAFT, Status.PENDING_APPROVAL),
        Status.PENDING_APPROVAL, clock.instant(), CampaignStore.attributes("plan", plan, "planRound", round))) {
      throw new Launch.Conflict("campaign " + campaignId + " is " + campaign(tenantId, campaignId).status() + ", not plannable");
    }
    feed.artifact(tenantId, c.projectId(), Artifact.Type.CAMPAIGN, plan.structure().name() + " (plan " + round + ")",
        Json.MAPPER.valueToTree(plan));
    feed.action(tenantId, c.projectId(), "Campaign planned", details(campaignId, "round", round));
  }

  /** Opens the approval for the current plan, keeping the task token; tells the owner. */
  public String requestApproval(String tenantId, String campaignId, int round, String taskToken) {
    CampaignRecord c = campaign(tenantId, campaignId);
    if (c.status() != Status.PENDING_APPROVAL || c.plan() == null) {
      throw new Launch.Conflict("campaign " + campaignId + " is " + c.status() + ", not awaiting approval");
    }
    String approvalId = approvalId(tenantId, campaignId, round);
    Instant now = clock.instant();
    CampaignPlan plan = c.plan();
    if (approvals.find(tenantId, approvalId).isEmpty()) {
      var s = plan.structure();
      String what = "Launch \"" + s.name() + "\" (" + s.objective() + ") at " + MoneyText.format(s.dailyBudget(), s.currency())
          + " a day: " + s.adSets().size() + " ad set(s), " + s.ads().size() + " ad(s)";
      approvals.create(new Approval(approvalId, tenantId, c.projectId(), campaignId, round, what, plan.explanation(),
          Json.MAPPER.valueToTree(plan.projection()), taskToken, Approval.Status.PENDING, now, now.plus(APPROVAL_TTL),
          Optional.empty(), Optional.empty(), Optional.empty()));
      ObjectNode meta = Json.MAPPER.createObjectNode().put("approvalId", approvalId).put("campaignId", campaignId).put("round", round);
      meta.set("plan", Json.MAPPER.valueToTree(plan));
      feed.say(tenantId, c.projectId(), Message.Type.APPROVAL_REQUEST,
          what + ". " + plan.explanation() + " Approve, request changes or reject.", meta);
      feed.notify(tenantId, NewNotification.about(c.projectId(), Notification.Kind.APPROVAL_NEEDED,
              "Your campaign plan is ready for approval", what,
              Json.MAPPER.createObjectNode().put("type", "approval").put("approvalId", approvalId))
          .once("approval:" + approvalId));
    }
    campaigns.transition(tenantId, campaignId, EnumSet.of(Status.PENDING_APPROVAL), Status.PENDING_APPROVAL, now,
        CampaignStore.attributes("approvalId", approvalId));
    return approvalId;
  }

  /**
   * The gate before anything is built at Meta: the approval must be APPROVED, be this campaign's
   * current one, and the campaign PENDING_APPROVAL (or already DEPLOYING, on a retry).
   */
  public void startDeployment(String tenantId, String campaignId, String approvalId) {
    CampaignRecord c = campaign(tenantId, campaignId);
    Approval a = approvals.find(tenantId, approvalId).orElse(null);
    if (a == null || !a.campaignId().equals(campaignId) || a.status() != Approval.Status.APPROVED
        || !c.approvalId().map(approvalId::equals).orElse(false)) {
      throw new Deploy.NotApproved("campaign " + campaignId + " has no approved approval " + approvalId);
    }
    if (c.status() == Status.DEPLOYING) {
      return;
    }
    if (!campaigns.transition(tenantId, campaignId, EnumSet.of(Status.PENDING_APPROVAL), Status.DEPLOYING, clock.instant(), java.util.Map.of())) {
      throw new Deploy.NotApproved("campaign " + campaignId + " is " + campaign(tenantId, campaignId).status());
    }
    feed.action(tenantId, c.projectId(), "Campaign approved; deployment started",
        details(campaignId, "approvalId", approvalId, "approvedBy", a.decidedBy().orElse("")));
  }

  /** Everything is live at Meta. */
  public void complete(String tenantId, String campaignId) {
    CampaignRecord c = campaign(tenantId, campaignId);
    if (c.status() == Status.ACTIVE) {
      return;
    }
    if (!c.deployment().activated() || !campaigns.transition(tenantId, campaignId, EnumSet.of(Status.DEPLOYING), Status.ACTIVE, clock.instant(), java.util.Map.of())) {
      throw new Launch.Conflict("campaign " + campaignId + " is " + c.status() + (c.deployment().activated() ? "" : ", not activated"));
    }
    String name = c.plan().structure().name();
    ObjectNode ids = Json.MAPPER.valueToTree(CampaignView.of(campaign(tenantId, campaignId)).deployment());
    feed.say(tenantId, c.projectId(), Message.Type.AGENT_ACTION, "\"" + name + "\" is live on Facebook (campaign "
        + c.deployment().campaignId().orElse("?") + ").", ids);
    feed.action(tenantId, c.projectId(), "Campaign deployed and activated", ids.put("campaignId", campaignId));
    feed.notify(tenantId, NewNotification.about(c.projectId(), Notification.Kind.AGENT_UPDATE, "Your campaign is live",
        "\"" + name + "\" was created on Facebook and activated.", link(campaignId)).once("live:" + campaignId));
  }

  /** Rejected, expired or out of change rounds: nothing was built. */
  public void cancel(String tenantId, String campaignId, String reason) {
    CampaignRecord c = campaign(tenantId, campaignId);
    if (c.status() == Status.CANCELLED) {
      return;
    }
    if (!campaigns.transition(tenantId, campaignId, EnumSet.of(Status.DRAFT, Status.PENDING_APPROVAL), Status.CANCELLED,
        clock.instant(), CampaignStore.attributes("failure", reason))) {
      throw new Launch.Conflict("campaign " + campaignId + " is " + c.status() + ", cannot be cancelled");
    }
    feed.action(tenantId, c.projectId(), "Campaign cancelled", details(campaignId, "reason", reason));
    feed.say(tenantId, c.projectId(), Message.Type.AGENT_ACTION, "The campaign was not launched: " + reason, details(campaignId));
  }

  /** The owner did not decide in time. */
  public void expire(String tenantId, String campaignId) {
    CampaignRecord c = campaign(tenantId, campaignId);
    c.approvalId().ifPresent(id -> approvals.expire(tenantId, id, clock.instant(), false));
    cancel(tenantId, campaignId, "the approval expired after " + APPROVAL_TTL.toDays() + " days without a decision");
    feed.notify(tenantId, NewNotification.about(c.projectId(), Notification.Kind.ALERT, "A campaign approval expired",
        "Nothing was launched. Start a new launch when you are ready.", link(campaignId)).once("expired:" + campaignId));
  }

  /** Something failed: whatever was created is paused and listed, the campaign is FAILED, the owner told. */
  public List<String> fail(String tenantId, String campaignId, String error, String cause) {
    CampaignRecord c = campaign(tenantId, campaignId);
    List<String> paused = c.deployment().adAccountId().isPresent() ? pauser.pauseEverything(tenantId, campaignId) : List.of();
    String reason = reason(error);
    if (c.status() != Status.FAILED) {
      campaigns.transition(tenantId, campaignId, EnumSet.complementOf(EnumSet.of(Status.FAILED, Status.ACTIVE, Status.CANCELLED)),
          Status.FAILED, clock.instant(), CampaignStore.attributes("failure", reason));
    }
    LOG.warn("Launch of campaign {} failed: {}", campaignId, error);
    ObjectNode details = details(campaignId, "error", error, "reason", reason);
    details.set("paused", Json.MAPPER.valueToTree(paused));
    feed.action(tenantId, c.projectId(), "Campaign launch failed", details);
    feed.say(tenantId, c.projectId(), Message.Type.AGENT_ACTION, "The launch failed: " + reason
        + (paused.isEmpty() ? "" : " What was created at Meta is paused: " + String.join(", ", paused) + "."), details);
    feed.notify(tenantId, NewNotification.about(c.projectId(), Notification.Kind.ALERT, "A campaign launch failed", reason,
        link(campaignId)).once("failed:" + campaignId));
    return paused;
  }

  /** The approval of one plan round: derived, so a retried step finds the one it opened. */
  public static String approvalId(String tenantId, String campaignId, int round) {
    return Ids.derived("ap", tenantId + "/" + campaignId + "/" + round);
  }

  /** What a named error means to the owner. */
  static String reason(String error) {
    if (error == null) {
      return "an unexpected error stopped the launch.";
    }
    return switch (error) {
      case "Meta.TokenInvalid" -> "Meta no longer accepts Aigency's access: reconnect Facebook, then launch again.";
      case "Meta.RateLimited" -> "Meta kept throttling requests; try again later.";
      case "Meta.PermissionDenied" -> "the Facebook account lacks a permission for this ad account.";
      case "Meta.InvalidParameter" -> "Meta refused part of the campaign as invalid.";
      case "Deploy.NotConnected" -> "the project has no usable Facebook connection or ad account.";
      case "Deploy.NotApproved" -> "the campaign had no approved approval, so nothing was built.";
      case "Deploy.CurrencyMismatch" -> "the plan's currency is not the ad account's currency; choose a matching ad account.";
      case "Deploy.NoPage" -> "the ad account has no Facebook Page to advertise as.";
      case "Deploy.InvalidPlan", "Plan.Invalid" -> "the plan could not be turned into Meta objects.";
      case "Deploy.Transient", "Meta.Transient" -> "Meta or AWS kept failing; try again later.";
      case "States.Timeout" -> "a step took too long.";
      case "Agent.Paused" -> "the planning agent is paused by an operator.";
      case "Agent.BudgetExceeded" -> "this month's AI budget is used up.";
      default -> "the launch stopped with " + error + ".";
    };
  }

  private CampaignRecord campaign(String tenantId, String campaignId) {
    return campaigns.find(tenantId, campaignId)
        .orElseThrow(() -> new Launch.Conflict("no campaign " + campaignId + " in tenant " + tenantId));
  }

  private static ObjectNode details(String campaignId, Object... pairs) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("campaignId", campaignId);
    for (int i = 0; i < pairs.length; i += 2) {
      n.set((String) pairs[i], Json.MAPPER.valueToTree(pairs[i + 1]));
    }
    return n;
  }

  private static JsonNode link(String campaignId) {
    return Json.MAPPER.createObjectNode().put("type", "campaign").put("campaignId", campaignId);
  }
}
