package com.aigency.shared.campaigns.launch;

import com.aigency.shared.approvals.Approval;
import com.aigency.shared.campaigns.deploy.ApprovalGate;
import com.aigency.shared.store.ApprovalStore;
import com.aigency.shared.store.CampaignStore;

/** The deployment gate over the approval records: the campaign's current approval is APPROVED. */
public final class ApprovalRecords implements ApprovalGate {
  private final CampaignStore campaigns;
  private final ApprovalStore approvals;

  public ApprovalRecords(CampaignStore campaigns, ApprovalStore approvals) {
    this.campaigns = campaigns;
    this.approvals = approvals;
  }

  /** The gate over the table {@code table}; fits {@code DeployServices.fromEnvironment}. */
  public static ApprovalGate over(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
    return new ApprovalRecords(new CampaignStore(dynamo, table), new ApprovalStore(dynamo, table));
  }

  @Override
  public boolean approved(String tenantId, String campaignId) {
    return campaigns.find(tenantId, campaignId)
        .flatMap(c -> c.approvalId())
        .flatMap(id -> approvals.find(tenantId, id))
        .filter(a -> a.campaignId().equals(campaignId) && a.status() == Approval.Status.APPROVED)
        .isPresent();
  }
}
