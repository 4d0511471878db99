package com.aigency.shared.campaigns.deploy;

/**
 * Whether a campaign may be built at Meta: true only when an approval record of this campaign,
 * in this tenant, was APPROVED by an authorised user (DESIGN.md principle 6). The deployer asks on
 * every step, so a step invoked directly, outside the launch workflow, builds nothing.
 */
@FunctionalInterface
public interface ApprovalGate {
  boolean approved(String tenantId, String campaignId);
}
