package com.aigency.shared.campaigns.deploy;

import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.DeploymentProgress;
import com.aigency.shared.campaigns.DeploymentProgress.Step;
import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.facebook.ConnectionAlerts;
import com.aigency.shared.facebook.TokenAccess;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.AdImage;
import com.aigency.shared.meta.AdObjectSummary;
import com.aigency.shared.meta.AdObjectType;
import com.aigency.shared.meta.AdSetSpec;
import com.aigency.shared.meta.AdSpec;
import com.aigency.shared.meta.CampaignSpec;
import com.aigency.shared.meta.CreativeSpec;
import com.aigency.shared.meta.FacebookPage;
import com.aigency.shared.meta.MetaAds;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaErrorKind;
import com.aigency.shared.meta.MetaStatus;
import com.aigency.shared.store.CampaignStore;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.vault.TokenVault;
import com.aigency.shared.vault.TokenVaultException;
import com.aigency.shared.workflow.MetaStepErrors;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds an approved campaign at Meta, one step per call ({@link DeployStep}): a Step Functions
 * Task per step, so an ASL Retry on {@code Meta.RateLimited} or {@code Meta.Transient} backs off
 * and repeats just that step.
 *
 * <p>Every call first checks that the campaign exists in the tenant, is DEPLOYING and that the
 * {@link ApprovalGate} confirms an approved approval ({@code Deploy.NotApproved} otherwise), and
 * that the project's Meta connection is usable ({@code Deploy.NotConnected}). The first step fixes
 * the ad account (the connection's selected one) in the record; later steps use the recorded one.
 *
 * <p>Everything is created PAUSED; ACTIVATE switches ads, then ad sets, then the campaign ACTIVE,
 * the campaign last, so nothing delivers before all of it exists. Each id Meta answers is recorded
 * ({@link CampaignStore#recordDeployed}) before the next object is created. A step skips what is
 * recorded; for what is not, it first looks at Meta for an object with the deterministic name
 * ({@link DeployNames}) and records that instead of creating a second one. Images are found again
 * by content: uploading the same bytes gives the same hash.
 *
 * <p>Meta errors become the named step errors of {@link MetaStepErrors}; on {@code
 * Meta.TokenInvalid} the connection is also marked INVALID and the owner asked to reconnect
 * ({@link ConnectionAlerts#invalid}).
 */
public final class CampaignDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignDeployer.class);
  private static final Set<String> GONE = Set.of("DELETED", "ARCHIVED");

  private final CampaignStore campaigns;
  private final FacebookConnectionStore connections;
  private final TokenVault vault;
  private final MetaAds meta;
  private final ApprovalGate approvals;
  private final ConnectionAlerts alerts;
  private final Clock clock;
  private final DeploymentObserver observer;

  public CampaignDeployer(CampaignStore campaigns, FacebookConnectionStore connections, TokenVault vault, MetaAds meta,
      ApprovalGate approvals, ConnectionAlerts alerts, Clock clock) {
    this(campaigns, connections, vault, meta, approvals, alerts, clock, DeploymentObserver.NONE);
  }

  public CampaignDeployer(CampaignStore campaigns, FacebookConnectionStore connections, TokenVault vault, MetaAds meta,
      ApprovalGate approvals, ConnectionAlerts alerts, Clock clock, DeploymentObserver observer) {
    this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.meta = Objects.requireNonNull(meta, "meta");
    this.approvals = Objects.requireNonNull(approvals, "approvals");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * Runs {@code step} for the campaign.
   *
   * @throws com.aigency.shared.workflow.StepError {@code Deploy.*} or {@code Meta.*}, named for ASL
   */
  public StepResult run(String tenantId, String campaignId, DeployStep step) {
    Objects.requireNonNull(step, "step");
    MDC.put("tenantId", tenantId);
    MDC.put("campaignId", campaignId);
    try {
      Deployment d = open(tenantId, campaignId);
      MDC.put("projectId", d.record().projectId());
      try {
        StepResult result = switch (step) {
          case CAMPAIGN -> campaign(d);
          case AD_SETS -> adSets(d);
          case IMAGES -> images(d);
          case CREATIVES -> creatives(d);
          case ADS -> ads(d);
          case ACTIVATE -> activate(d);
        };
        LOG.info("Deploy step {} of campaign {}: {} created, {} reused, {} found at Meta, {} updated", step, campaignId,
            result.created(), result.reused(), result.found(), result.updated());
        return result;
      } catch (MetaApiException e) {
        throw metaFailure(d, step, e);
      }
    } finally {
      MDC.remove("tenantId");
      MDC.remove("campaignId");
      MDC.remove("projectId");
    }
  }

  // ------------------------------------------------------------------ preconditions

  /** What every step works with: the record as read at the start, the connection, account, token. */
  private record Deployment(CampaignRecord record, CampaignStructure plan, FacebookConnection connection,
      String adAccountId, AccessToken token) {
    DeploymentProgress progress() {
      return record.deployment();
    }

    String tenantId() {
      return record.tenantId();
    }

    String campaignId() {
      return record.id();
    }
  }

  private Deployment open(String tenantId, String campaignId) {
    CampaignRecord c = campaigns.find(tenantId, campaignId)
        .orElseThrow(() -> new Deploy.NotApproved("there is no campaign " + campaignId + " in this tenant"));
    if (c.status() != CampaignRecord.Status.DEPLOYING) {
      throw new Deploy.NotApproved("campaign " + campaignId + " is " + c.status() + ", not DEPLOYING");
    }
    if (!approvals.approved(tenantId, campaignId)) {
      throw new Deploy.NotApproved("campaign " + campaignId + " has no approved approval");
    }
    if (c.plan() == null || c.plan().structure() == null) {
      throw new Deploy.InvalidPlan("campaign " + campaignId + " has no plan to deploy");
    }
    FacebookConnection conn = connections.find(tenantId, c.projectId())
        .orElseThrow(() -> new Deploy.NotConnected("project " + c.projectId() + " is not connected to Facebook"));
    if (conn.status() == FacebookConnection.Status.INVALID) {
      throw new Deploy.NotConnected("the Facebook connection of project " + c.projectId()
          + " is INVALID; the owner must reconnect");
    }
    String account = c.deployment().adAccountId().orElse(null);
    if (account == null && conn.adAccountId().isEmpty()) {
      throw new Deploy.NotConnected("project " + c.projectId() + " has no ad account selected");
    }
    AccessToken token;
    try {
      token = TokenAccess.token(vault, conn);
    } catch (TokenVaultException e) {
      if (e.reason() == TokenVaultException.Reason.KMS_FAILURE) {
        throw new Deploy.Transient("the stored Facebook token could not be opened now (KMS): " + e.getMessage());
      }
      if (e.reason() == TokenVaultException.Reason.CONFIGURATION) {
        throw e;
      }
      alerts.invalid(conn, "the stored access token could not be opened");
      throw new Deploy.NotConnected("the stored Facebook token of project " + c.projectId() + " cannot be opened");
    }
    if (account == null) {
      account = conn.adAccountId().orElseThrow();
      if (!campaigns.recordAdAccount(tenantId, campaignId, account, clock.instant())) {
        throw new Deploy.NotApproved("campaign " + campaignId + " is no longer DEPLOYING");
      }
      LOG.info("Campaign {} deploys into ad account {}", campaignId, account);
    }
    return new Deployment(c, c.plan().structure(), conn, account, token);
  }

  private RuntimeException metaFailure(Deployment d, DeployStep step, MetaApiException e) {
    if (e.kind() == MetaErrorKind.TOKEN_INVALID) {
      alerts.invalid(d.connection(), "Meta error " + e.code().map(String::valueOf).orElse("?")
          + ": the access token is no longer valid");
    }
    LOG.warn("Deploy step {} of campaign {} failed: {}", step, d.campaignId(), e.getMessage());
    RuntimeException named = MetaStepErrors.of(e);
    named.initCause(e); // the client's messages are already free of tokens and secrets
    return named;
  }

  // ------------------------------------------------------------------ steps

  private StepResult campaign(Deployment d) {
    CampaignStructure plan = d.plan();
    MetaPlanMapping.check(plan);
    Optional<String> recorded = d.progress().campaignId();
    if (recorded.isPresent()) {
      return new StepResult(DeployStep.CAMPAIGN, 0, 1, 0, 0, Map.of("campaign", recorded.get()));
    }
    String currency = meta.accountCurrency(d.token(), d.adAccountId());
    if (!currency.equals(plan.currency())) {
      throw new Deploy.CurrencyMismatch("ad account " + d.adAccountId() + " spends in " + currency
          + "; the approved plan budgets in " + plan.currency());
    }
    page(d); // a link ad needs a Page: refuse now, before anything exists, rather than at CREATIVES
    String name = DeployNames.campaign(d.campaignId(), plan);
    Optional<String> found = new AtMeta(d, AdObjectType.CAMPAIGN).find(name, o -> true);
    String id;
    if (found.isPresent()) {
      id = found.get();
    } else {
      id = meta.createCampaign(d.token(), d.adAccountId(), new CampaignSpec(name, plan.objective().name(),
          MetaStatus.PAUSED, List.of(), MetaPlanMapping.dailyBudget(plan)));
      observer.created(DeployStep.CAMPAIGN, "campaign", id);
    }
    record(d, Step.CAMPAIGN, "campaign", id);
    return new StepResult(DeployStep.CAMPAIGN, found.isPresent() ? 0 : 1, 0, found.isPresent() ? 1 : 0, 0,
        Map.of("campaign", id));
  }

  private StepResult adSets(Deployment d) {
    String campaignId = d.progress().campaignId()
        .orElseThrow(() -> new Deploy.OutOfOrder("AD_SETS ran before the campaign was recorded"));
    MetaPlanMapping.Delivery delivery = MetaPlanMapping.delivery(d.plan().objective());
    Counter n = new Counter(DeployStep.AD_SETS);
    AtMeta atMeta = new AtMeta(d, AdObjectType.AD_SET);
    for (AdSetPlan set : d.plan().adSets()) {
      String recorded = d.progress().adSets().get(set.key());
      if (recorded != null) {
        n.reused(set.key(), recorded);
        continue;
      }
      String name = DeployNames.adSet(d.campaignId(), set);
      Optional<String> found = atMeta.find(name, o -> campaignId.equals(o.campaignId()));
      String id;
      if (found.isPresent()) {
        id = found.get();
      } else {
        id = meta.createAdSet(d.token(), d.adAccountId(), new AdSetSpec(campaignId, name, null,
            delivery.billingEvent(), delivery.optimizationGoal(), MetaPlanMapping.targeting(set.targeting()),
            MetaStatus.PAUSED, null));
        observer.created(DeployStep.AD_SETS, set.key(), id);
      }
      record(d, Step.AD_SETS, set.key(), id);
      n.add(set.key(), id, found.isPresent());
    }
    return n.result();
  }

  private StepResult images(Deployment d) {
    Counter n = new Counter(DeployStep.IMAGES);
    for (AdPlan ad : d.plan().ads()) {
      String recorded = d.progress().images().get(ad.key());
      if (recorded != null) {
        n.reused(ad.key(), recorded);
        continue;
      }
      // Meta keys images by content: the same bytes give the same hash and no second image.
      AdImage image = meta.uploadImage(d.token(), d.adAccountId(), DeployNames.image(d.campaignId(), ad),
          PlaceholderImage.png(ad));
      observer.created(DeployStep.IMAGES, ad.key(), image.hash());
      record(d, Step.IMAGES, ad.key(), image.hash());
      n.add(ad.key(), image.hash(), false);
    }
    return n.result();
  }

  private StepResult creatives(Deployment d) {
    Counter n = new Counter(DeployStep.CREATIVES);
    AtMeta atMeta = new AtMeta(d, AdObjectType.CREATIVE);
    String pageId = null;
    for (AdPlan ad : d.plan().ads()) {
      String recorded = d.progress().creatives().get(ad.key());
      if (recorded != null) {
        n.reused(ad.key(), recorded);
        continue;
      }
      String hash = d.progress().images().get(ad.key());
      if (hash == null) {
        throw new Deploy.OutOfOrder("CREATIVES ran before the image of ad " + ad.key() + " was recorded");
      }
      String name = DeployNames.creative(d.campaignId(), ad);
      Optional<String> found = atMeta.find(name, o -> true);
      String id;
      if (found.isPresent()) {
        id = found.get();
      } else {
        if (pageId == null) {
          pageId = page(d).id();
        }
        id = meta.createCreative(d.token(), d.adAccountId(),
            new CreativeSpec(name, MetaPlanMapping.objectStorySpec(pageId, ad, hash)));
        observer.created(DeployStep.CREATIVES, ad.key(), id);
      }
      record(d, Step.CREATIVES, ad.key(), id);
      n.add(ad.key(), id, found.isPresent());
    }
    return n.result();
  }

  private StepResult ads(Deployment d) {
    Counter n = new Counter(DeployStep.ADS);
    AtMeta atMeta = new AtMeta(d, AdObjectType.AD);
    for (AdSetPlan set : d.plan().adSets()) {
      for (AdPlan ad : set.ads()) {
        String recorded = d.progress().ads().get(ad.key());
        if (recorded != null) {
          n.reused(ad.key(), recorded);
          continue;
        }
        String adSetId = d.progress().adSets().get(set.key());
        String creativeId = d.progress().creatives().get(ad.key());
        if (adSetId == null || creativeId == null) {
          throw new Deploy.OutOfOrder("ADS ran before the ad set " + set.key() + " and creative of ad " + ad.key()
              + " were recorded");
        }
        String name = DeployNames.ad(d.campaignId(), ad);
        Optional<String> found = atMeta.find(name, o -> adSetId.equals(o.adSetId()));
        String id;
        if (found.isPresent()) {
          id = found.get();
        } else {
          id = meta.createAd(d.token(), d.adAccountId(), new AdSpec(name, adSetId, creativeId, MetaStatus.PAUSED));
          observer.created(DeployStep.ADS, ad.key(), id);
        }
        record(d, Step.ADS, ad.key(), id);
        n.add(ad.key(), id, found.isPresent());
      }
    }
    return n.result();
  }

  private StepResult activate(Deployment d) {
    DeploymentProgress p = d.progress();
    String campaignId = p.campaignId()
        .orElseThrow(() -> new Deploy.OutOfOrder("ACTIVATE ran before the campaign was recorded"));
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("campaign", campaignId);
    for (AdSetPlan set : d.plan().adSets()) {
      ids.put(set.key(), required(p.adSets(), set.key(), "ad set"));
      for (AdPlan ad : set.ads()) {
        ids.put(ad.key(), required(p.ads(), ad.key(), "ad"));
      }
    }
    if (p.activated()) {
      return new StepResult(DeployStep.ACTIVATE, 0, ids.size(), 0, 0, ids);
    }
    int updated = 0;
    for (AdPlan ad : d.plan().ads()) {
      meta.updateStatus(d.token(), p.ads().get(ad.key()), MetaStatus.ACTIVE);
      updated++;
    }
    for (AdSetPlan set : d.plan().adSets()) {
      meta.updateStatus(d.token(), p.adSets().get(set.key()), MetaStatus.ACTIVE);
      updated++;
    }
    meta.updateStatus(d.token(), campaignId, MetaStatus.ACTIVE); // last: nothing delivered before this
    updated++;
    if (!campaigns.recordActivated(d.tenantId(), d.campaignId(), clock.instant())) {
      throw new Deploy.NotApproved("campaign " + d.campaignId() + " left DEPLOYING while it was being activated");
    }
    return new StepResult(DeployStep.ACTIVATE, 0, 0, 0, updated, ids);
  }

  // ------------------------------------------------------------------ helpers

  private static String required(Map<String, String> recorded, String key, String what) {
    String id = recorded.get(key);
    if (id == null) {
      throw new Deploy.OutOfOrder("ACTIVATE ran before " + what + " " + key + " was recorded");
    }
    return id;
  }

  /** The first Page the ad account may promote. */
  private FacebookPage page(Deployment d) {
    List<FacebookPage> pages = meta.promotePages(d.token(), d.adAccountId());
    if (pages.isEmpty()) {
      throw new Deploy.NoPage("ad account " + d.adAccountId() + " has no Facebook Page to run ads as;"
          + " connect a Page to the ad account in Meta Business Suite");
    }
    return pages.get(0);
  }

  /**
   * The step's objects already at Meta: every object of one type whose name carries the
   * campaign's marker, listed once (on the first lookup, so a step with everything recorded makes
   * no call) rather than one lookup per object.
   */
  private final class AtMeta {
    private final Deployment d;
    private final AdObjectType type;
    private List<AdObjectSummary> listed;

    AtMeta(Deployment d, AdObjectType type) {
      this.d = d;
      this.type = type;
    }

    /** A live object named exactly {@code name} (and passing {@code belongs}). */
    Optional<String> find(String name, Predicate<AdObjectSummary> belongs) {
      if (listed == null) {
        listed = meta.findByNameContaining(d.token(), d.adAccountId(), type, DeployNames.markerPrefix(d.campaignId()));
      }
      List<AdObjectSummary> found = listed.stream()
          .filter(o -> name.equals(o.name()))
          .filter(o -> o.status() == null || !GONE.contains(o.status()))
          .filter(belongs)
          .toList();
      if (found.isEmpty()) {
        return Optional.empty();
      }
      if (found.size() > 1) {
        LOG.warn("{} {} objects at Meta are named {}; adopting {}", found.size(), type, name, found.get(0).id());
      } else {
        LOG.info("Adopting {} {} found at Meta by its name (created before its id was recorded)", type,
            found.get(0).id());
      }
      return Optional.of(found.get(0).id());
    }
  }

  private void record(Deployment d, Step step, String key, String metaId) {
    if (!campaigns.recordDeployed(d.tenantId(), d.campaignId(), step, key, metaId, clock.instant())) {
      throw new Deploy.NotApproved("campaign " + d.campaignId() + " left DEPLOYING; " + step + " " + key + " ("
          + metaId + ") exists at Meta, PAUSED, and is found again by its name");
    }
  }

  /** Tallies a keyed step. */
  private static final class Counter {
    private final DeployStep step;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private int created;
    private int reused;
    private int found;

    Counter(DeployStep step) {
      this.step = step;
    }

    void reused(String key, String id) {
      ids.put(key, id);
      reused++;
    }

    void add(String key, String id, boolean wasFound) {
      ids.put(key, id);
      if (wasFound) {
        found++;
      } else {
        created++;
      }
    }

    StepResult result() {
      return new StepResult(step, created, reused, found, 0, ids);
    }
  }
}
