package com.aigency.shared.campaigns.launch;

import com.aigency.shared.approvals.Approval;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An approval as the API shows it: never the task token. */
public record ApprovalView(
    String id,
    String projectId,
    String campaignId,
    int round,
    String what,
    String why,
    JsonNode projectedImpact,
    String status,
    Instant createdAt,
    Instant expiresAt,
    String decidedBy,
    Instant decidedAt,
    String feedback) {

  public static ApprovalView of(Approval a) {
    return new ApprovalView(a.id(), a.projectId(), a.campaignId(), a.round(), a.what(), a.why(), a.projectedImpact(),
        a.status().name(), a.createdAt(), a.expiresAt(), a.decidedBy().orElse(null), a.decidedAt().orElse(null),
        a.feedback().orElse(null));
  }
}
