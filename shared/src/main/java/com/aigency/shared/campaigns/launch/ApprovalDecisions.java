package com.aigency.shared.campaigns.launch;

import com.aigency.shared.approvals.Approval;
import com.aigency.shared.aws.Workflows;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.http.JsonFields;
import com.aigency.shared.store.ApprovalStore;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The owner's decisions on approvals. A decision is recorded first, conditionally (PENDING and not
 * expired), and only then is the waiting workflow resumed with the stored task token: so a token
 * is redeemed once, by a caller of the approval's own tenant, and never shown to anyone.
 */
public final class ApprovalDecisions {
  static final int MAX_FEEDBACK = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(ApprovalDecisions.class);

  private final ApprovalStore approvals;
  private final Workflows workflows;
  private final Clock clock;

  public ApprovalDecisions(ApprovalStore approvals, Workflows workflows, Clock clock) {
    this.approvals = approvals;
    this.workflows = workflows;
    this.clock = clock;
  }

  public Page<ApprovalView> list(String tenantId, Optional<String> status, PageRequest page) {
    Approval.Status wanted = status.map(s -> {
      try {
        return Approval.Status.valueOf(s);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("status", "'status' must be one of PENDING, APPROVED, CHANGES_REQUESTED, REJECTED, EXPIRED");
      }
    }).orElse(Approval.Status.PENDING);
    return approvals.list(tenantId, wanted, page).map(ApprovalView::of);
  }

  public ApprovalView approve(String tenantId, String userId, String approvalId) {
    return decide(tenantId, userId, approvalId, Approval.Status.APPROVED, Optional.empty());
  }

  /** Needs {@code {"feedback": "..."}}: what the planner should change. */
  public ApprovalView requestChanges(String tenantId, String userId, String approvalId, JsonNode body) {
    find(tenantId, approvalId); // another tenant's id is 404 whatever the body says
    String feedback = JsonFields.of(body, Set.of("feedback")).requiredText("feedback", MAX_FEEDBACK);
    return decide(tenantId, userId, approvalId, Approval.Status.CHANGES_REQUESTED, Optional.of(feedback));
  }

  public ApprovalView reject(String tenantId, String userId, String approvalId) {
    return decide(tenantId, userId, approvalId, Approval.Status.REJECTED, Optional.empty());
  }

  private ApprovalView decide(String tenantId, String userId, String approvalId, Approval.Status to, Optional<String> feedback) {
    Approval approval = find(tenantId, approvalId);
    Instant now = clock.instant();
    if (approval.status() == Approval.Status.EXPIRED) {
      throw expired();
    }
    if (approval.status() != Approval.Status.PENDING) {
      throw alreadyDecided(approval);
    }
    if (!now.isBefore(approval.expiresAt())) {
      throw expired();
    }
    if (!approvals.decide(tenantId, approvalId, to, userId, feedback, now)) {
      // someone decided it, or it expired, between the read and the write
      Approval now2 = find(tenantId, approvalId);
      throw now2.status() == Approval.Status.PENDING || now2.status() == Approval.Status.EXPIRED ? expired() : alreadyDecided(now2);
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("decision", to.name());
    output.put("approvalId", approvalId);
    feedback.ifPresent(f -> output.put("feedback", f));
    try {
      workflows.completeTask(approval.taskToken(), output);
    } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
      // the workflow stopped waiting (timed out, or was stopped): the decision cannot take effect
      LOG.warn("Approval {} was decided but its workflow no longer waits: {}", approvalId, e.getClass().getSimpleName());
      approvals.expire(tenantId, approvalId, now, true);
      throw expired();
    }
    LOG.info("Approval {} {} by {}", approvalId, to, userId);
    return ApprovalView.of(find(tenantId, approvalId));
  }

  private Approval find(String tenantId, String approvalId) {
    if (!Ids.looksLike("ap", approvalId)) {
      throw ApiException.notFound("Approval");
    }
    return approvals.find(tenantId, approvalId).orElseThrow(() -> ApiException.notFound("Approval"));
  }

  private static ApiException alreadyDecided(Approval a) {
    return new ApiException(409, "APPROVAL_ALREADY_DECIDED", "This approval was already decided: " + a.status(), null);
  }

  private static ApiException expired() {
    return new ApiException(409, "APPROVAL_EXPIRED", "This approval expired; start a new launch to get a fresh plan", null);
  }
}
