package com.aigency.shared.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision the owner must take before money is spent or an audience changes (SPEC section 3).
 * The task token of the waiting workflow is kept with it, server-side only: the API never shows
 * it, and only a decision recorded here (once, conditionally) sends it back to Step Functions.
 *
 * @param what one line: what would happen on approval
 * @param why the agent's explanation
 * @param projectedImpact what to expect, as shown to the owner (JSON)
 * @param decidedBy the API key id that decided it
 */
public record Approval(
    String id,
    String tenantId,
    String projectId,
    String campaignId,
    int round,
    String what,
    String why,
    JsonNode projectedImpact,
    String taskToken,
    Status status,
    Instant createdAt,
    Instant expiresAt,
    Optional<String> decidedBy,
    Optional<Instant> decidedAt,
    Optional<String> feedback) {

  public enum Status {
    PENDING,
    APPROVED,
    CHANGES_REQUESTED,
    REJECTED,
    EXPIRED
  }

  public Approval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(status, "status");
    decidedBy = decidedBy == null ? Optional.empty() : decidedBy;
    decidedAt = decidedAt == null ? Optional.empty() : decidedAt;
    feedback = feedback == null ? Optional.empty() : feedback;
  }

  @Override
  public String toString() {
    return "Approval[" + id + ", tenant " + tenantId + ", campaign " + campaignId + ", round " + round + ", " + status + "]";
  }
}
