package com.aigency.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.kms.LocalKms;
import com.aigency.local.clock.LocalClock;
import com.aigency.local.meta.MetaSimulator;
import com.aigency.local.store.LocalDynamo;
import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignPlan;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.DeploymentProgress;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.Targeting;
import com.aigency.shared.campaigns.deploy.CampaignDeployer;
import com.aigency.shared.campaigns.deploy.DeployNames;
import com.aigency.shared.campaigns.deploy.DeployServices;
import com.aigency.shared.campaigns.deploy.DeployStep;
import com.aigency.shared.campaigns.deploy.DeploymentCleanup;
import com.aigency.shared.campaigns.deploy.DeploymentObserver;
import com.aigency.shared.campaigns.deploy.MetaPlanMapping;
import com.aigency.shared.campaigns.deploy.StepResult;
import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Notification;
import com.aigency.shared.domain.Project;
import com.aigency.shared.facebook.FacebookConnect;
import com.aigency.shared.facebook.FacebookServices;
import com.aigency.shared.facebook.TokenAccess;
import com.aigency.shared.json.Json;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.MetaAds;
import com.aigency.shared.meta.MetaGraph;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.meta.MetaRetryPolicy;
import com.aigency.shared.meta.MetaSettings;
import com.aigency.shared.notifications.NotificationService;
import com.aigency.shared.notifications.NotificationView;
import com.aigency.shared.store.CampaignStore;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.NotificationStore;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.ProjectStore;
import com.aigency.shared.vault.TokenVault;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The deployment against DynamoDB Local, the local KMS and the Meta simulator (appsecret_proof
 * enforced), on one {@link LocalClock} that the Meta client's sleeper advances. A project is
 * connected through the real OAuth flow and its EUR ad account selected.
 */
final class DeployFixture implements AutoCloseable {
  static final String APP_ID = "100000000000077";
  static final String APP_SECRET = "deploy-fixture-app-secret-5e1b";
  static final String VERSION = "v24.0";
  static final String PAGE_ID = String.valueOf(MetaSimulator.FIRST_PAGE_ID);
  private static final URI CALLBACK = URI.create("https://api.example.com/dev/auth/facebook/callback");
  private static final String USER = "k_01JD3XEXAMPKEAPPKEY0000001";
  private static final LocalDynamo dynamo = LocalDynamo.shared();

  final LocalClock clock = new LocalClock();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final MetaSimulator sim;
  final MetaAds ads;
  final TokenVault vault;
  final FacebookServices facebook;
  final CampaignStore campaigns;
  final FacebookConnectionStore connections;
  final NotificationService notifications;
  final ProjectStore projects;
  /** {@code tenant/campaign} pairs the approval gate lets through. */
  final Set<String> approved = ConcurrentHashMap.newKeySet();
  /** What the deployer's observer does; tests replace it to "crash" between create and record. */
  volatile DeploymentObserver observer = DeploymentObserver.NONE;
  final CampaignDeployer deployer;
  final DeploymentCleanup cleanup;
  final String tenant;
  final String project;
  final String adAccount;

  private final String table;
  private final AwsJsonServer kmsServer;
  private final KmsClient kms;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  DeployFixture() throws Exception {
    sim = MetaSimulator.start(0, clock, 23L, null, APP_ID, APP_SECRET);
    LocalKms localKms = new LocalKms(clock, null);
    kmsServer = AwsJsonServer.start(0).register(localKms);
    localKms.createKey(null, "alias/tokens", "test");
    kms = KmsClient.builder().endpointOverride(URI.create(kmsServer.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    vault = new TokenVault(kms, "alias/tokens");
    table = dynamo.freshTable();
    MetaGraph graph = new MetaGraph(MetaSettings.of(sim.baseUrl(), sim.baseUrl(), VERSION, APP_ID, APP_SECRET),
        MetaGraph.defaultHttpClient(), clock, d -> {
          sleeps.add(d);
          clock.advance(d);
        }, MetaRetryPolicy.DEFAULT);
    ads = new MetaAds(graph);
    facebook = FacebookServices.wire(dynamo.client, table, () -> "test-signing-key", new MetaOAuth(graph), vault, clock);
    campaigns = new CampaignStore(dynamo.client, table);
    connections = new FacebookConnectionStore(dynamo.client, table);
    projects = new ProjectStore(dynamo.client, table);
    notifications = new NotificationService(new NotificationStore(dynamo.client, table), clock);
    DeployServices services = DeployServices.wire(dynamo.client, table, ads, vault,
        (t, c) -> approved.contains(t + "/" + c), clock, (step, key, id) -> observer.created(step, key, id));
    deployer = services.deployer();
    cleanup = services.cleanup();

    tenant = Ids.newId("t", clock);
    project = newProject("Bakery");
    adAccount = connect(project, "EUR");
  }

  String newProject(String name) {
    String id = Ids.newId("p", clock);
    projects.create(new Project(id, tenant, name, null, true, clock.instant(), clock.instant()));
    return id;
  }

  /** Connects {@code projectId} through the OAuth flow and selects the account in {@code currency}. */
  String connect(String projectId, String currency) throws Exception {
    URI dialog = facebook.connect().start(tenant, USER, projectId, CALLBACK);
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(dialog).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(302);
    Map<String, String> q = new LinkedHashMap<>();
    String location = r.headers().firstValue("Location").orElseThrow().replace("#_=_", "");
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    facebook.connect().complete(new FacebookConnect.Callback(Optional.ofNullable(q.get("state")),
        Optional.ofNullable(q.get("code")), Optional.ofNullable(q.get("error"))), CALLBACK);
    if (currency == null) {
      return null;
    }
    String account = connections.find(tenant, projectId).orElseThrow().adAccounts().stream()
        .filter(a -> a.currency().equals(currency)).findFirst().orElseThrow().id();
    facebook.adAccounts().select(tenant, projectId, Json.MAPPER.createObjectNode().put("adAccountId", account));
    return account;
  }

  AccessToken token() {
    return TokenAccess.token(vault, connection());
  }

  FacebookConnection connection() {
    return connections.find(tenant, project).orElseThrow();
  }

  // ------------------------------------------------------------------ campaigns

  static AdPlan ad(String key, String name, String prompt) {
    return new AdPlan(key, name, "Fresh sourdough, baked at 5 am", "Order by noon, pick up warm bread on your way home.",
        "Free delivery over 20 EUR", CallToAction.ORDER_NOW, prompt, "https://bakery.example.com/order?ad=" + key);
  }

  /** Two ad sets, three ads, EUR 25.00 a day, a sales campaign. */
  static CampaignStructure plan(String currency) {
    return new CampaignStructure("Spring bread launch", Objective.OUTCOME_SALES, 2500, currency, List.of(
        new AdSetPlan("s1", "Bread lovers in Germany", new Targeting(25, 54, "ALL", List.of("DE"), List.of("Berlin"),
            List.of("baking", "organic food")), List.of(
                ad("s1a1", "Sourdough close-up", "A rustic sourdough loaf on a wooden table, morning light"),
                ad("s1a2", "Bakery counter", "A busy bakery counter with baskets of rolls"))),
        new AdSetPlan("s2", "Women in Austria", new Targeting(30, 60, "FEMALE", List.of("AT"), List.of(), List.of()),
            List.of(ad("s2a1", "Breakfast table", "A breakfast table with croissants and coffee")))));
  }

  static CampaignStructure plan() {
    return plan("EUR");
  }

  /** A campaign of the project, in {@code status}, approved unless said otherwise. */
  String campaign(CampaignStructure plan, CampaignRecord.Status status, boolean approve) {
    return campaign(project, plan, status, approve);
  }

  String campaign(String projectId, CampaignStructure plan, CampaignRecord.Status status, boolean approve) {
    String id = Ids.newId("c", clock);
    campaigns.create(new CampaignRecord(id, tenant, projectId, status, new CampaignPlan(plan, "Because bread.", null), 1,
        Optional.of("ap_" + id.substring(2)), Optional.empty(), null, Optional.empty(), clock.instant(), clock.instant()));
    if (approve) {
      approved.add(tenant + "/" + id);
    }
    return id;
  }

  String deployable() {
    return campaign(plan(), CampaignRecord.Status.DEPLOYING, true);
  }

  StepResult run(String campaignId, DeployStep step) {
    return deployer.run(tenant, campaignId, step);
  }

  void runAll(String campaignId, DeployStep... steps) {
    for (DeployStep s : steps) {
      run(campaignId, s);
    }
  }

  /** Runs every step from {@code from} to ACTIVATE. */
  void runFrom(String campaignId, DeployStep from) {
    for (DeployStep s : DeployStep.values()) {
      if (s.ordinal() >= from.ordinal()) {
        run(campaignId, s);
      }
    }
  }

  CampaignRecord record(String campaignId) {
    return campaigns.find(tenant, campaignId).orElseThrow();
  }

  List<String> alertTitles() {
    return notifications.list(tenant, new PageRequest(50, Optional.empty())).items().stream()
        .filter(n -> n.kind() == Notification.Kind.ALERT).map(NotificationView::title).toList();
  }

  // ------------------------------------------------------------------ simulator

  void fault(String json) throws Exception {
    HttpResponse<String> r = admin("POST", "/__admin/faults", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  JsonNode state() throws Exception {
    return Json.read(admin("GET", "/__admin/state", null).body());
  }

  /** The simulator's objects of {@code type} (campaign, adset, adimage, adcreative, ad) in the ad account. */
  List<JsonNode> objects(String type) throws Exception {
    String account = adAccount.substring("act_".length());
    return StreamSupport.stream(state().path("objects").spliterator(), false)
        .filter(o -> o.path("_type").asText().equals(type) && o.path("account_id").asText().equals(account))
        .toList();
  }

  int objectCount() throws Exception {
    int n = 0;
    for (String type : List.of("campaign", "adset", "adimage", "adcreative", "ad")) {
      n += objects(type).size();
    }
    return n;
  }

  private HttpResponse<String> admin(String method, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Every object the simulator holds in the account is recorded, and every recorded id is at the
   * simulator: no duplicate, nothing unrecorded.
   */
  void assertAllRecorded(String campaignId) throws Exception {
    DeploymentProgress d = record(campaignId).deployment();
    Set<String> recorded = new HashSet<>();
    d.campaignId().ifPresent(recorded::add);
    recorded.addAll(d.adSets().values());
    recorded.addAll(d.creatives().values());
    recorded.addAll(d.ads().values());
    List<String> atMeta = new ArrayList<>();
    for (String type : List.of("campaign", "adset", "adcreative", "ad")) {
      objects(type).forEach(o -> atMeta.add(o.path("id").asText()));
    }
    assertThat(atMeta).as("objects at Meta vs recorded ids").containsExactlyInAnyOrderElementsOf(recorded);
    assertThat(objects("adimage")).extracting(o -> o.path("hash").asText())
        .containsExactlyInAnyOrderElementsOf(new HashSet<>(d.images().values()));
  }

  /**
   * The simulator holds exactly the planned campaign, ad sets, images, creatives and ads, each
   * recorded, matching the plan, with {@code status} on the campaign, ad sets and ads.
   */
  void assertBuilt(String campaignId, CampaignStructure plan, String status) throws Exception {
    CampaignRecord r = record(campaignId);
    DeploymentProgress d = r.deployment();
    assertThat(d.adAccountId()).contains(adAccount);
    assertAllRecorded(campaignId);

    List<JsonNode> cs = objects("campaign");
    assertThat(cs).hasSize(1);
    JsonNode c = cs.get(0);
    assertThat(d.campaignId()).contains(c.path("id").asText());
    assertThat(c.path("name").asText()).isEqualTo(DeployNames.campaign(campaignId, plan));
    assertThat(c.path("objective").asText()).isEqualTo(plan.objective().name());
    assertThat(c.path("daily_budget").asText()).isEqualTo(String.valueOf(plan.dailyBudget()));
    assertThat(c.path("special_ad_categories").toString()).isEqualTo("[]");
    assertThat(c.path("status").asText()).isEqualTo(status);

    assertThat(objects("adset")).hasSize(plan.adSets().size());
    assertThat(objects("adimage")).hasSize(plan.ads().size());
    assertThat(objects("adcreative")).hasSize(plan.ads().size());
    assertThat(objects("ad")).hasSize(plan.ads().size());
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (String type : List.of("adset", "adcreative", "ad")) {
      objects(type).forEach(o -> byId.put(o.path("id").asText(), o));
    }
    MetaPlanMapping.Delivery delivery = MetaPlanMapping.delivery(plan.objective());
    for (AdSetPlan set : plan.adSets()) {
      JsonNode s = byId.get(d.adSets().get(set.key()));
      assertThat(s).as("ad set " + set.key()).isNotNull();
      assertThat(s.path("name").asText()).isEqualTo(DeployNames.adSet(campaignId, set));
      assertThat(s.path("campaign_id").asText()).isEqualTo(c.path("id").asText());
      assertThat(s.path("billing_event").asText()).isEqualTo(delivery.billingEvent());
      assertThat(s.path("optimization_goal").asText()).isEqualTo(delivery.optimizationGoal());
      assertThat(s.path("targeting")).isEqualTo(MetaPlanMapping.targeting(set.targeting()));
      assertThat(s.has("daily_budget")).as("the campaign holds the budget").isFalse();
      assertThat(s.path("status").asText()).isEqualTo(status);
      for (AdPlan ad : set.ads()) {
        JsonNode cr = byId.get(d.creatives().get(ad.key()));
        assertThat(cr).as("creative " + ad.key()).isNotNull();
        assertThat(cr.path("name").asText()).isEqualTo(DeployNames.creative(campaignId, ad));
        assertThat(cr.path("object_story_spec"))
            .isEqualTo(MetaPlanMapping.objectStorySpec(PAGE_ID, ad, d.images().get(ad.key())));
        JsonNode a = byId.get(d.ads().get(ad.key()));
        assertThat(a).as("ad " + ad.key()).isNotNull();
        assertThat(a.path("name").asText()).isEqualTo(DeployNames.ad(campaignId, ad));
        assertThat(a.path("adset_id").asText()).isEqualTo(s.path("id").asText());
        assertThat(a.path("creative").path("id").asText()).isEqualTo(cr.path("id").asText());
        assertThat(a.path("status").asText()).isEqualTo(status);
      }
    }
  }

  /** No campaign, ad set or ad of the account is ACTIVE. */
  void assertNothingActive() throws Exception {
    for (String type : List.of("campaign", "adset", "ad")) {
      assertThat(objects(type)).as(type).allSatisfy(o -> assertThat(o.path("status").asText()).isEqualTo("PAUSED"));
    }
  }

  @Override
  public void close() {
    kms.close();
    kmsServer.close();
    sim.close();
  }
}
