package com.aigency.local.e2e;

import static com.aigency.local.e2e.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.cli.OAuthBrowser;
import com.aigency.local.runtime.LocalClients;
import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The main job over HTTP against the whole local system (offline model, Meta simulator, the real
 * campaign-launch ASL on the local engine): brief -> launch -> approval -> decision -> Meta.
 */
class CampaignLaunchOverHttpTest {
  static final String BRIEF = """
      {"businessDescription":"Family bakery in Kreuzberg since 1987, baking sourdough every night",
       "product":"Sourdough loaves and pastries","targetAudience":"Neighbours aged 25-55 who care about real bread",
       "goal":"SALES","monthlyBudget":150000,"currency":"EUR","location":"Berlin, Germany",
       "uniqueSellingPoint":"Baked at 4am, sold by 8","websiteUrl":"https://corner-bakery.example"}""";
  static final Duration WAIT = Duration.ofSeconds(60);

  static LocalLauncher.Running system;
  static LocalTenants tenants;
  static LocalHttp http;
  static String table;
  static final HttpClient plain = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    system = LocalLauncher.start(
        new LocalLauncher.Options(LocalPorts.freePort(), null, LocalLauncher.repoRoot().resolve("template.yaml"),
            Files.createTempDirectory("aigency-state")),
        Files.createTempFile("aigency-local", ".log"), Duration.ofMinutes(2));
    tenants = new LocalTenants(system.endpoints());
    http = new LocalHttp(system.endpoints().api());
    table = LocalClients.tableName(LocalLauncher.repoRoot().resolve("template.yaml"), system.endpoints());
  }

  @AfterAll
  static void stop() throws Exception {
    tenants.close();
    system.close();
  }

  /** A tenant with a project that has a brief and a connected EUR ad account. */
  record Owner(String tenantId, String key, String project, String adAccount) {}

  static Owner readyOwner(String name) throws Exception {
    var tenant = tenants.create(name, Scope.APP);
    String key = tenant.apiKey();
    String project = http.send("POST", "/projects", key, "{\"name\":\"" + name + "\"}").body().get("id").asText();
    assertThat(http.send("PUT", "/projects/" + project + "/brief", key, BRIEF).status()).isEqualTo(200);
    URI back = new OAuthBrowser().connect(system.endpoints().api(), key, project);
    assertThat(back.toString()).contains("status=connected");
    String eur = null;
    for (JsonNode a : http.send("GET", "/projects/" + project + "/ad-accounts", key, null).body().get("adAccounts")) {
      if (a.get("currency").asText().equals("EUR")) {
        eur = a.get("id").asText();
      }
    }
    assertThat(http.send("PUT", "/projects/" + project + "/ad-account", key, "{\"adAccountId\":\"" + eur + "\"}").status()).isEqualTo(200);
    return new Owner(tenant.tenantId(), key, project, eur);
  }

  static String launch(Owner o) throws Exception {
    var started = http.send("POST", "/projects/" + o.project() + "/campaigns", o.key(), "{}");
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    return started.body().get("id").asText();
  }

  static JsonNode campaign(Owner o, String id) throws Exception {
    return http.send("GET", "/campaigns/" + id, o.key(), null).body();
  }

  static JsonNode pendingApproval(Owner o, String campaignId, int round) throws Exception {
    return eventually(WAIT, () -> {
      for (JsonNode a : http.send("GET", "/approvals?status=PENDING", o.key(), null).body().get("items")) {
        if (a.get("campaignId").asText().equals(campaignId) && a.get("round").asInt() == round) {
          return a;
        }
      }
      return null;
    }, a -> a != null);
  }

  static JsonNode waitForStatus(Owner o, String id, String... statuses) throws Exception {
    return eventually(WAIT, () -> campaign(o, id), c -> List.of(statuses).contains(c.get("status").asText()));
  }

  /**
   * What the simulator holds for one launch: objects named with its marker. (Every test's owner
   * connects the simulator's same user, so ad accounts are shared between tests.)
   */
  static List<JsonNode> metaObjects(String campaignId) throws Exception {
    HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create(system.endpoints().meta() + "/__admin/state")).build(),
        HttpResponse.BodyHandlers.ofString());
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode o : Json.read(r.body()).get("objects")) {
      if (o.path("name").asText().contains("[aig:" + campaignId + ":")) {
        out.add(o);
      }
    }
    return out;
  }

  static List<JsonNode> ofType(List<JsonNode> objects, String type) {
    return objects.stream().filter(o -> o.path("_type").asText().equals(type)).toList();
  }

  @Test
  void approvingDeploysExactlyTheApprovedStructureAllActive() throws Exception {
    Owner o = readyOwner("Approving Bakery");
    String id = launchWithKey(o, "launch-1", 202);
    assertThat(launchWithKey(o, "launch-1", 200)).as("same Idempotency-Key, same campaign").isEqualTo(id);

    JsonNode approval = pendingApproval(o, id, 1);
    JsonNode pending = campaign(o, id);
    assertThat(pending.get("status").asText()).isEqualTo("PENDING_APPROVAL");
    JsonNode structure = pending.at("/plan/structure");
    String storedToken = tenants.dynamo().getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
        "PK", AttributeValue.fromS("T#" + o.tenantId()),
        "SK", AttributeValue.fromS("APPROVAL#" + approval.get("id").asText())))).item().get("taskToken").s();
    assertThat(storedToken).isNotBlank();
    assertThat(approval.toString()).doesNotContain("taskToken").doesNotContain(storedToken);
    assertThat(http.send("GET", "/campaigns/" + id, o.key(), null).raw()).doesNotContain(storedToken);

    var approved = http.send("POST", "/approvals/" + approval.get("id").asText() + "/approve", o.key(), null);
    assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
    assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
    var twice = http.send("POST", "/approvals/" + approval.get("id").asText() + "/approve", o.key(), null);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body().at("/error/code").asText()).isEqualTo("APPROVAL_ALREADY_DECIDED");

    JsonNode live = waitForStatus(o, id, "ACTIVE", "FAILED");
    assertThat(live.get("status").asText()).as(live.toString()).isEqualTo("ACTIVE");
    JsonNode d = live.get("deployment");
    assertThat(d.get("adAccountId").asText()).isEqualTo(o.adAccount());
    assertThat(d.get("activated").asBoolean()).isTrue();
    int adSets = structure.get("adSets").size();
    int ads = 0;
    for (JsonNode s : structure.get("adSets")) {
      ads += s.get("ads").size();
    }
    assertThat(d.get("adSets")).hasSize(adSets);
    assertThat(d.get("ads")).hasSize(ads);
    assertThat(d.get("creatives")).hasSize(ads);

    List<JsonNode> meta = metaObjects(id);
    assertThat(ofType(meta, "campaign")).hasSize(1);
    JsonNode metaCampaign = ofType(meta, "campaign").get(0);
    assertThat(metaCampaign.get("id").asText()).isEqualTo(d.get("campaignId").asText());
    assertThat(metaCampaign.get("objective").asText()).isEqualTo(structure.get("objective").asText());
    assertThat(metaCampaign.get("daily_budget").asText()).isEqualTo(structure.get("dailyBudget").asText());
    assertThat(ofType(meta, "adset")).hasSize(adSets);
    assertThat(ofType(meta, "ad")).hasSize(ads);
    for (JsonNode set : structure.get("adSets")) {
      JsonNode built = ofType(meta, "adset").stream()
          .filter(x -> x.get("id").asText().equals(d.at("/adSets/" + set.get("key").asText()).asText())).findFirst().orElseThrow();
      assertThat(built.get("name").asText()).startsWith(set.get("name").asText());
      assertThat(built.at("/targeting/age_min").asInt()).isEqualTo(set.at("/targeting/ageMin").asInt());
      assertThat(built.at("/targeting/age_max").asInt()).isEqualTo(set.at("/targeting/ageMax").asInt());
    }
    for (JsonNode x : meta) {
      if (List.of("campaign", "adset", "ad").contains(x.path("_type").asText())) {
        assertThat(x.get("status").asText()).as(x.toString()).isEqualTo("ACTIVE");
      }
    }

    JsonNode artifacts = http.send("GET", "/projects/" + o.project() + "/artifacts", o.key(), null).body();
    assertThat(artifacts.toString()).contains("\"type\":\"CAMPAIGN\"");
    JsonNode activity = http.send("GET", "/projects/" + o.project() + "/activity", o.key(), null).body();
    assertThat(activity.get("items").get(0).get("title").asText()).isEqualTo("Campaign deployed and activated");
    assertThat(http.send("GET", "/notifications", o.key(), null).raw())
        .contains("Your campaign plan is ready for approval").contains("Your campaign is live");
  }

  String launchWithKey(Owner o, String idempotencyKey, int expected) throws Exception {
    var response = http.send("POST", "/projects/" + o.project() + "/campaigns", o.key(), null, "{}", idempotencyKey);
    assertThat(response.status()).as(response.raw()).isEqualTo(expected);
    return response.body().get("id").asText();
  }

  @Test
  void requestingChangesReplansWithTheFeedbackThenDeploys() throws Exception {
    Owner o = readyOwner("Changing Bakery");
    String id = launch(o);
    JsonNode first = pendingApproval(o, id, 1);

    var noFeedback = http.send("POST", "/approvals/" + first.get("id").asText() + "/request-changes", o.key(), "{}");
    assertThat(noFeedback.status()).isEqualTo(400);
    assertThat(noFeedback.body().at("/error/field").asText()).isEqualTo("feedback");

    var changes = http.send("POST", "/approvals/" + first.get("id").asText() + "/request-changes", o.key(),
        "{\"feedback\":\"Please target ages 30-50 instead.\"}");
    assertThat(changes.status()).as(changes.raw()).isEqualTo(200);
    JsonNode second = pendingApproval(o, id, 2);
    JsonNode replanned = campaign(o, id);
    assertThat(replanned.get("planRound").asInt()).isEqualTo(2);
    for (JsonNode s : replanned.at("/plan/structure/adSets")) {
      assertThat(s.at("/targeting/ageMin").asInt()).isEqualTo(30);
      assertThat(s.at("/targeting/ageMax").asInt()).isEqualTo(50);
    }
    assertThat(http.send("POST", "/approvals/" + first.get("id").asText() + "/approve", o.key(), null).status())
        .as("the first round's approval is spent").isEqualTo(409);
    assertThat(http.send("POST", "/approvals/" + second.get("id").asText() + "/approve", o.key(), null).status()).isEqualTo(200);
    assertThat(waitForStatus(o, id, "ACTIVE", "FAILED").get("status").asText()).isEqualTo("ACTIVE");
    assertThat(ofType(metaObjects(id), "campaign")).hasSize(1);
  }

  @Test
  void rejectingCancelsAndNothingIsCreatedAtMeta() throws Exception {
    Owner o = readyOwner("Rejecting Bakery");
    String id = launch(o);
    JsonNode approval = pendingApproval(o, id, 1);
    assertThat(http.send("POST", "/approvals/" + approval.get("id").asText() + "/reject", o.key(), null).status()).isEqualTo(200);
    JsonNode cancelled = waitForStatus(o, id, "CANCELLED", "FAILED");
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(metaObjects(id)).isEmpty();
  }

  @Test
  void anotherTenantCanNeitherSeeNorDecide() throws Exception {
    Owner o = readyOwner("Guarded Bakery");
    String other = tenants.create("Nosy Agency", Scope.APP).apiKey();
    String id = launch(o);
    JsonNode approval = pendingApproval(o, id, 1);
    String approvalId = approval.get("id").asText();

    for (String action : List.of("approve", "reject")) {
      assertThat(http.send("POST", "/approvals/" + approvalId + "/" + action, other, null).status()).isEqualTo(404);
    }
    assertThat(http.send("POST", "/approvals/" + approvalId + "/request-changes", other, "{\"feedback\":\"x\"}").status()).isEqualTo(404);
    assertThat(http.send("GET", "/campaigns/" + id, other, null).status()).isEqualTo(404);
    assertThat(http.send("GET", "/approvals?status=PENDING", other, null).body().get("items")).isEmpty();
    assertThat(http.send("POST", "/projects/" + o.project() + "/campaigns", other, "{}").status()).isEqualTo(404);
    assertThat(campaign(o, id).get("status").asText()).isEqualTo("PENDING_APPROVAL");
    assertThat(metaObjects(id)).isEmpty();
  }

  @Test
  void anApprovalLeftUndecidedExpiresAndCannotBeApprovedLater() throws Exception {
    Owner o = readyOwner("Slow Bakery");
    String id = launch(o);
    JsonNode approval = pendingApproval(o, id, 1);
    TestSystem.admin(system, "AdvanceClock", "{\"Seconds\": " + (7 * 24 * 3600 + 1) + "}");
    assertThat(waitForStatus(o, id, "CANCELLED", "FAILED").get("status").asText()).isEqualTo("CANCELLED");
    var late = http.send("POST", "/approvals/" + approval.get("id").asText() + "/approve", o.key(), null);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body().at("/error/code").asText()).isEqualTo("APPROVAL_EXPIRED");
    assertThat(metaObjects(id)).isEmpty();
  }

  @Test
  void aLaunchNeedsABriefAndAConnectedAdAccount() throws Exception {
    String key = tenants.create("Unready", Scope.APP).apiKey();
    String project = http.send("POST", "/projects", key, "{\"name\":\"Unready\"}").body().get("id").asText();
    var noBrief = http.send("POST", "/projects/" + project + "/campaigns", key, "{}");
    assertThat(noBrief.body().at("/error/code").asText()).isEqualTo("BRIEF_REQUIRED");
    http.send("PUT", "/projects/" + project + "/brief", key, BRIEF);
    var notConnected = http.send("POST", "/projects/" + project + "/campaigns", key, "{}");
    assertThat(notConnected.status()).isEqualTo(409);
    assertThat(notConnected.body().at("/error/code").asText()).isEqualTo("FACEBOOK_NOT_CONNECTED");
  }

  static void fault(String json) throws Exception {
    var r = plain.send(HttpRequest.newBuilder(URI.create(system.endpoints().meta() + "/__admin/faults"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void aRateLimitedStepBacksOffOnTheClockAndTheLaunchStillEndsActiveWithoutDuplicates() throws Exception {
    Owner o = readyOwner("Throttled Bakery");
    String id = launch(o);
    JsonNode approval = pendingApproval(o, id, 1);
    // ten minutes of throttling on ad set creation: longer than the client waits inline, so the
    // step fails with Meta.RateLimited and the state machine's Retry backs off on the clock
    fault("{\"kind\":\"rateLimit\",\"blockSeconds\":600,\"match\":{\"method\":\"POST\",\"pathContains\":\"/adsets\"}}");
    http.send("POST", "/approvals/" + approval.get("id").asText() + "/approve", o.key(), null);
    eventually(WAIT, () -> campaign(o, id), c -> c.at("/deployment/campaignId").isTextual());
    Thread.sleep(500);
    assertThat(campaign(o, id).get("status").asText()).as("waiting in Retry, not failed").isEqualTo("DEPLOYING");
    for (int i = 0; i < 8 && !campaign(o, id).get("status").asText().equals("ACTIVE"); i++) {
      TestSystem.admin(system, "AdvanceClock", "{\"Seconds\": 300}");
      Thread.sleep(1000);
    }
    JsonNode live = waitForStatus(o, id, "ACTIVE", "FAILED");
    assertThat(live.get("status").asText()).as(live.toString()).isEqualTo("ACTIVE");
    List<JsonNode> meta = metaObjects(id);
    assertThat(ofType(meta, "campaign")).hasSize(1);
    assertThat(ofType(meta, "adset")).hasSize(live.at("/plan/structure/adSets").size());
  }

  @Test
  void aRevokedTokenMidwayEndsFailedWithEverythingPausedAndAsksForReconnection() throws Exception {
    Owner o = readyOwner("Revoked Bakery");
    String id = launch(o);
    JsonNode approval = pendingApproval(o, id, 1);
    fault("{\"kind\":\"tokenInvalid\",\"times\":1,\"match\":{\"method\":\"POST\",\"pathContains\":\"/adcreatives\"}}");
    http.send("POST", "/approvals/" + approval.get("id").asText() + "/approve", o.key(), null);
    JsonNode failed = waitForStatus(o, id, "FAILED", "ACTIVE");
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("failure").asText()).contains("reconnect Facebook");
    List<JsonNode> meta = metaObjects(id);
    assertThat(ofType(meta, "campaign")).hasSize(1);
    for (JsonNode x : meta) {
      if (List.of("campaign", "adset", "ad").contains(x.path("_type").asText())) {
        assertThat(x.get("status").asText()).as(x.toString()).isEqualTo("PAUSED");
      }
    }
    // every object at Meta is recorded on the campaign
    assertThat(failed.at("/deployment/campaignId").asText()).isEqualTo(ofType(meta, "campaign").get(0).get("id").asText());
    assertThat(failed.at("/deployment/adSets")).hasSize(ofType(meta, "adset").size());
    assertThat(http.send("GET", "/projects/" + o.project() + "/ad-accounts", o.key(), null).body().at("/error/code").asText())
        .isEqualTo("FACEBOOK_RECONNECT_REQUIRED");
    assertThat(http.send("GET", "/notifications", o.key(), null).raw())
        .contains("Reconnect your Facebook account").contains("A campaign launch failed");
  }
}
