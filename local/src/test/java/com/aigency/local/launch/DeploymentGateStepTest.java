package com.aigency.local.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.store.LocalDynamo;
import com.aigency.shared.approvals.Approval;
import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.ProjectedResults;
import com.aigency.shared.campaigns.Targeting;
import com.aigency.shared.campaigns.launch.ApprovalRecords;
import com.aigency.shared.campaigns.launch.LaunchServices;
import com.aigency.shared.campaigns.launch.LaunchSteps;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.store.ApprovalStore;
import com.aigency.shared.store.CampaignStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate before anything is built at Meta, on DynamoDB Local: only the campaign's own, APPROVED,
 * current approval moves it to DEPLOYING; the deploy steps' ApprovalGate says the same.
 */
class DeploymentGateStepTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();
  private final Clock clock = Clock.systemUTC();
  private CampaignStore campaigns;
  private ApprovalStore approvals;
  private LaunchSteps steps;
  private String table;
  private String tenant;
  private String project;

  @BeforeEach
  void freshTable() {
    table = dynamo.freshTable();
    campaigns = new CampaignStore(dynamo.client, table);
    approvals = new ApprovalStore(dynamo.client, table);
    steps = LaunchServices.steps(dynamo.client, table, null, (t, c) -> List.of(), clock);
    tenant = Ids.newId("t", clock);
    project = Ids.newId("p", clock);
  }

  private String plannedCampaign() {
    String id = Ids.newId("cp", clock);
    var now = clock.instant();
    campaigns.create(new CampaignRecord(id, tenant, project, CampaignRecord.Status.DRAFT, null, 0,
        Optional.empty(), Optional.empty(), null, Optional.empty(), now, now));
    var ad = new AdPlan("s1a1", "Ad", "Fresh bread", "Baked at 4am.", "Sourdough", CallToAction.SHOP_NOW, "bread", "https://b.example");
    var structure = new CampaignStructure("Bread", Objective.OUTCOME_SALES, 4900, "EUR",
        List.of(new AdSetPlan("s1", "Core", new Targeting(25, 55, "ALL", List.of("DE"), List.of(), List.of()), List.of(ad))));
    steps.savePlan(tenant, id, 1, new CampaignPlan(structure, "Because.", new ProjectedResults(0, 0, 0, 0, 0, "purchases", 0, 0, List.of())));
    return id;
  }

  private String approvalFor(String campaignId) {
    return steps.requestApproval(tenant, campaignId, 1, "token-" + campaignId);
  }

  @Test
  void aPendingApprovalDoesNotOpenTheGate() {
    String c = plannedCampaign();
    String a = approvalFor(c);
    assertThatThrownBy(() -> steps.startDeployment(tenant, c, a)).isInstanceOf(Deploy.NotApproved.class);
    assertThat(campaigns.find(tenant, c).orElseThrow().status()).isEqualTo(CampaignRecord.Status.PENDING_APPROVAL);
    assertThat(ApprovalRecords.over(dynamo.client, table).approved(tenant, c)).isFalse();
  }

  @Test
  void anotherCampaignsApprovalDoesNotOpenTheGate() {
    String mine = plannedCampaign();
    approvalFor(mine);
    String other = plannedCampaign();
    String othersApproval = approvalFor(other);
    approvals.decide(tenant, othersApproval, Approval.Status.APPROVED, "k_1", Optional.empty(), clock.instant());
    assertThatThrownBy(() -> steps.startDeployment(tenant, mine, othersApproval)).isInstanceOf(Deploy.NotApproved.class);
    assertThat(campaigns.find(tenant, mine).orElseThrow().status()).isEqualTo(CampaignRecord.Status.PENDING_APPROVAL);
  }

  @Test
  void aRejectedApprovalDoesNotOpenTheGateAndAnApprovedOneDoesOnce() {
    String c = plannedCampaign();
    String a = approvalFor(c);
    assertThat(approvals.decide(tenant, a, Approval.Status.REJECTED, "k_1", Optional.empty(), clock.instant())).isTrue();
    assertThat(approvals.decide(tenant, a, Approval.Status.APPROVED, "k_1", Optional.empty(), clock.instant()))
        .as("decided once").isFalse();
    assertThatThrownBy(() -> steps.startDeployment(tenant, c, a)).isInstanceOf(Deploy.NotApproved.class);

    String c2 = plannedCampaign();
    String a2 = approvalFor(c2);
    approvals.decide(tenant, a2, Approval.Status.APPROVED, "k_1", Optional.empty(), clock.instant());
    steps.startDeployment(tenant, c2, a2);
    steps.startDeployment(tenant, c2, a2); // a retried step
    assertThat(campaigns.find(tenant, c2).orElseThrow().status()).isEqualTo(CampaignRecord.Status.DEPLOYING);
    assertThat(ApprovalRecords.over(dynamo.client, table).approved(tenant, c2)).isTrue();
    assertThat(ApprovalRecords.over(dynamo.client, table).approved(Ids.newId("t", clock), c2))
        .as("another tenant's view of the same id").isFalse();
  }

}
