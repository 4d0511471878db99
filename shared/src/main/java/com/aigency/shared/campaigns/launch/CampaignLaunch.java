package com.aigency.shared.campaigns.launch;

import com.aigency.shared.aws.Workflows;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.store.CampaignStore;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.IdempotencyStore;
import com.aigency.shared.store.ProjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starting a campaign launch ({@code POST /projects/{id}/campaigns}) and reading a campaign. A
 * launch needs a brief and a connected ad account; it creates the DRAFT record and starts the
 * campaign-launch workflow, named after the campaign so a retried start cannot run it twice.
 */
public final class CampaignLaunch {
  /** Environment variable with the campaign-launch state machine's ARN (template.yaml Globals). */
  public static final String STATE_MACHINE_ENV = "CAMPAIGN_LAUNCH_STATE_MACHINE_ARN";
  static final String IDEMPOTENCY_SCOPE = "launch";
  private static final int MAX_KEY_LENGTH = 255;

  private final ProjectStore projects;
  private final FacebookConnectionStore connections;
  private final CampaignStore campaigns;
  private final IdempotencyStore idempotency;
  private final Workflows workflows;
  private final String stateMachineArn;
  private final Clock clock;

  public CampaignLaunch(ProjectStore projects, FacebookConnectionStore connections, CampaignStore campaigns,
      IdempotencyStore idempotency, Workflows workflows, String stateMachineArn, Clock clock) {
    this.projects = projects;
    this.connections = connections;
    this.campaigns = campaigns;
    this.idempotency = idempotency;
    this.workflows = workflows;
    this.stateMachineArn = stateMachineArn;
    this.clock = clock;
  }

  /** The launch and whether this call started it (false: a repeat with the same Idempotency-Key). */
  public record Started(CampaignView campaign, boolean created) {}

  public Started start(String tenantId, String projectId, Optional<String> idempotencyKey) {
    idempotencyKey.ifPresent(k -> {
      if (k.length() > MAX_KEY_LENGTH || k.isBlank()) {
        throw ApiException.invalid("Idempotency-Key", "Idempotency-Key must be 1-" + MAX_KEY_LENGTH + " characters");
      }
    });
    if (!Ids.looksLike("p", projectId) || projects.find(tenantId, projectId).isEmpty()) {
      throw ApiException.notFound("Project");
    }
    if (projects.findBrief(tenantId, projectId).isEmpty()) {
      throw new ApiException(409, "BRIEF_REQUIRED", "Save the project's brief before launching a campaign", null);
    }
    FacebookConnection connection = connections.find(tenantId, projectId)
        .orElseThrow(() -> new ApiException(409, "FACEBOOK_NOT_CONNECTED",
            "Connect Facebook first: GET /auth/facebook?projectId=" + projectId, null));
    if (connection.status() == FacebookConnection.Status.INVALID) {
      throw new ApiException(409, "FACEBOOK_RECONNECT_REQUIRED", "Meta no longer accepts this connection; connect Facebook again", null);
    }
    if (connection.adAccountId().isEmpty()) {
      throw new ApiException(409, "AD_ACCOUNT_REQUIRED", "Choose an ad account first: PUT /projects/" + projectId + "/ad-account", null);
    }

    String campaignId = Ids.newId("cp", clock);
    if (idempotencyKey.isPresent()) {
      Optional<String> earlier = idempotency.claim(tenantId, IDEMPOTENCY_SCOPE + "#" + projectId, idempotencyKey.get(), campaignId, clock.instant());
      if (earlier.isPresent()) {
        campaignId = earlier.get();
        Optional<CampaignRecord> existing = campaigns.find(tenantId, campaignId);
        if (existing.isPresent() && existing.get().executionArn().isPresent()) {
          return new Started(CampaignView.of(existing.get()), false);
        }
        // the first request stopped half way: finish what it began, under the same campaign id
      }
    }
    Instant now = clock.instant();
    if (campaigns.find(tenantId, campaignId).isEmpty()) {
      campaigns.create(new CampaignRecord(campaignId, tenantId, projectId, CampaignRecord.Status.DRAFT, null, 0,
          Optional.empty(), Optional.empty(), null, Optional.empty(), now, now));
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("tenantId", tenantId);
    input.put("projectId", projectId);
    input.put("campaignId", campaignId);
    input.put("round", 1);
    String executionArn = workflows.start(stateMachineArn, campaignId, input);
    campaigns.recordExecution(tenantId, campaignId, executionArn);
    return new Started(get(tenantId, campaignId), true);
  }

  /** 404 for an id this tenant does not have. */
  public CampaignView get(String tenantId, String campaignId) {
    if (!Ids.looksLike("cp", campaignId)) {
      throw ApiException.notFound("Campaign");
    }
    return campaigns.find(tenantId, campaignId).map(CampaignView::of).orElseThrow(() -> ApiException.notFound("Campaign"));
  }
}
