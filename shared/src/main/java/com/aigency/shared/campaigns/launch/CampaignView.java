package com.aigency.shared.campaigns.launch;

import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.DeploymentProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A campaign as the API shows it: status, plan, deployment progress with Meta ids. */
public record CampaignView(
    String id,
    String projectId,
    String status,
    int planRound,
    CampaignPlan plan,
    String approvalId,
    Deployment deployment,
    String failure,
    Instant createdAt,
    Instant updatedAt) {

  /** What exists at Meta, and how far the build got ({@code steps}: done / total per kind). */
  public record Deployment(
      String adAccountId,
      String campaignId,
      Map<String, String> adSets,
      Map<String, String> images,
      Map<String, String> creatives,
      Map<String, String> ads,
      boolean activated,
      List<StepProgress> steps) {}

  public record StepProgress(String step, int done, int total) {}

  public static CampaignView of(CampaignRecord c) {
    DeploymentProgress d = c.deployment();
    List<StepProgress> steps = List.of();
    if (c.plan() != null) {
      var s = c.plan().structure();
      int adSets = s.adSets().size();
      int ads = s.ads().size();
      steps = List.of(
          new StepProgress("CAMPAIGN", d.campaignId().isPresent() ? 1 : 0, 1),
          new StepProgress("AD_SETS", d.adSets().size(), adSets),
          new StepProgress("IMAGES", d.images().size(), ads),
          new StepProgress("CREATIVES", d.creatives().size(), ads),
          new StepProgress("ADS", d.ads().size(), ads),
          new StepProgress("ACTIVATE", d.activated() ? 1 : 0, 1));
    }
    return new CampaignView(c.id(), c.projectId(), c.status().name(), c.planRound(), c.plan(),
        c.approvalId().orElse(null),
        new Deployment(d.adAccountId().orElse(null), d.campaignId().orElse(null), d.adSets(), d.images(),
            d.creatives(), d.ads(), d.activated(), steps),
        c.failure().orElse(null), c.createdAt(), c.updatedAt());
  }
}
