package com.aigency.shared.campaigns.deploy;

import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.DeploymentProgress;
import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.facebook.ConnectionAlerts;
import com.aigency.shared.facebook.TokenAccess;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.MetaAds;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaErrorKind;
import com.aigency.shared.meta.MetaStatus;
import com.aigency.shared.store.CampaignStore;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.vault.TokenVault;
import com.aigency.shared.vault.TokenVaultException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FAILED path's cleanup: every object a deployment recorded (campaign, ad sets, ads) is set
 * PAUSED, the campaign first so that delivery stops with the first call. Best effort: a failure to
 * pause one object does not stop the others, and nothing is thrown for a Meta error; the report
 * lists what could not be paused and why. Creatives and images have no status and do not deliver.
 * Works in any campaign status (it writes nothing to the record).
 */
public final class DeploymentCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentCleanup.class);

  private final CampaignStore campaigns;
  private final FacebookConnectionStore connections;
  private final TokenVault vault;
  private final MetaAds meta;
  private final ConnectionAlerts alerts;

  public DeploymentCleanup(CampaignStore campaigns, FacebookConnectionStore connections, TokenVault vault, MetaAds meta,
      ConnectionAlerts alerts) {
    this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.meta = Objects.requireNonNull(meta, "meta");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  /**
   * What was paused and what not.
   *
   * @param paused one line per object now PAUSED, e.g. {@code campaign 1202... "Spring sale"}
   * @param notPaused one line per object that could not be paused, with the reason
   */
  public record PauseReport(List<String> paused, List<String> notPaused) {
    public PauseReport {
      paused = List.copyOf(paused);
      notPaused = List.copyOf(notPaused);
    }

    /** The handler's output. */
    public Map<String, Object> toOutput() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("paused", paused);
      out.put("notPaused", notPaused);
      return out;
    }
  }

  /**
   * Pauses every recorded object; one line per object for the owner, those that could not be
   * paused marked {@code NOT paused (<error>)}. The shape {@code LaunchSteps.DeploymentPauser} takes.
   */
  public List<String> pauseEverything(String tenantId, String campaignId) {
    PauseReport r = pause(tenantId, campaignId);
    List<String> lines = new ArrayList<>(r.paused());
    lines.addAll(r.notPaused());
    return List.copyOf(lines);
  }

  /** Pauses every recorded object, campaign first, then ad sets, then ads. */
  public PauseReport pause(String tenantId, String campaignId) {
    Optional<CampaignRecord> found = campaigns.find(tenantId, campaignId);
    if (found.isEmpty()) {
      return new PauseReport(List.of(), List.of());
    }
    CampaignRecord c = found.get();
    List<Target> targets = targets(c);
    if (targets.isEmpty()) {
      return new PauseReport(List.of(), List.of());
    }
    List<String> paused = new ArrayList<>();
    List<String> notPaused = new ArrayList<>();
    FacebookConnection conn = connections.find(tenantId, c.projectId()).orElse(null);
    AccessToken token = null;
    String noToken = null;
    if (conn == null) {
      noToken = "the project has no Facebook connection";
    } else {
      try {
        token = TokenAccess.token(vault, conn);
      } catch (TokenVaultException e) {
        noToken = "the stored Facebook token cannot be opened (" + e.reason() + ")";
      }
    }
    boolean tokenInvalid = false;
    for (Target t : targets) {
      if (token == null || tokenInvalid) {
        notPaused.add(t.label() + " NOT paused (" + (token == null ? noToken : "Meta.TokenInvalid") + ")");
        continue;
      }
      try {
        meta.updateStatus(token, t.id(), MetaStatus.PAUSED);
        paused.add(t.label());
      } catch (MetaApiException e) {
        notPaused.add(t.label() + " NOT paused (" + e.errorName() + ")");
        LOG.warn("Could not pause {} of campaign {}: {}", t.label(), campaignId, e.getMessage());
        if (e.kind() == MetaErrorKind.TOKEN_INVALID) {
          tokenInvalid = true; // every further call would fail the same way
          alerts.invalid(conn, "Meta error " + e.code().map(String::valueOf).orElse("?")
              + ": the access token is no longer valid");
        }
      } catch (RuntimeException e) {
        notPaused.add(t.label() + " NOT paused (" + e.getClass().getSimpleName() + ")");
        LOG.warn("Could not pause {} of campaign {}", t.label(), campaignId, e);
      }
    }
    LOG.info("Paused {} object(s) of campaign {}; {} could not be paused", paused.size(), campaignId, notPaused.size());
    return new PauseReport(paused, notPaused);
  }

  private record Target(String id, String label) {}

  private static List<Target> targets(CampaignRecord c) {
    DeploymentProgress d = c.deployment();
    List<Target> out = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    if (c.plan() != null && c.plan().structure() != null) {
      names.put("campaign", c.plan().structure().name());
      for (AdSetPlan s : c.plan().structure().adSets()) {
        names.put(s.key(), s.name());
        for (AdPlan a : s.ads()) {
          names.put(a.key(), a.name());
        }
      }
    }
    d.campaignId().ifPresent(id -> out.add(new Target(id, label("campaign", id, names.get("campaign")))));
    d.adSets().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(new Target(e.getValue(), label("ad set", e.getValue(), names.get(e.getKey())))));
    d.ads().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(new Target(e.getValue(), label("ad", e.getValue(), names.get(e.getKey())))));
    return out;
  }

  private static String label(String kind, String id, String name) {
    return kind + " " + id + (name == null || name.isBlank() ? "" : " \"" + name.strip() + "\"");
  }
}
