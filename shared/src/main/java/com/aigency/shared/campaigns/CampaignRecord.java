package com.aigency.shared.campaigns;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign Aigency manages (SPEC section 3): its plan, where it is in its life, the approval it
 * waits for, and what has been deployed to Meta.
 *
 * @param planRound 1 for the first plan; each request for changes adds one
 * @param approvalId the approval currently deciding it, if any
 * @param executionArn the launch workflow's execution
 * @param failure why it FAILED, in words the owner can act on
 */
public record CampaignRecord(
    String id,
    String tenantId,
    String projectId,
    Status status,
    CampaignPlan plan,
    int planRound,
    Optional<String> approvalId,
    Optional<String> executionArn,
    DeploymentProgress deployment,
    Optional<String> failure,
    Instant createdAt,
    Instant updatedAt) {

  public enum Status {
    DRAFT,
    PENDING_APPROVAL,
    DEPLOYING,
    ACTIVE,
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED
  }

  public CampaignRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(status, "status");
    approvalId = approvalId == null ? Optional.empty() : approvalId;
    executionArn = executionArn == null ? Optional.empty() : executionArn;
    deployment = deployment == null ? DeploymentProgress.none() : deployment;
    failure = failure == null ? Optional.empty() : failure;
  }
}
