package com.aigency.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.meta.MetaSimulator;
import com.aigency.local.runtime.LocalClients;
import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.json.Json;
import com.aigency.shared.vault.SealedToken;
import com.aigency.shared.vault.TokenVault;
import com.aigency.shared.vault.TokenVaultException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Meta connection end to end against the whole local system and its Meta simulator, as a
 * browser (or curl) goes through it: start -> Meta dialog -> callback -> stored connection -> ad
 * accounts -> selection; then replay, forgery, denial, tenant isolation and a revoked token.
 */
class MetaConnectionOverHttpTest {
  static LocalLauncher.Running system;
  static LocalTenants tenants;
  static LocalHttp http;
  static LocalAwsClients aws;
  static Path log;
  static String table;
  static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    log = Files.createTempFile("aigency-local", ".log");
    system = LocalLauncher.start(
        new LocalLauncher.Options(LocalPorts.freePort(), null, LocalLauncher.repoRoot().resolve("template.yaml"),
            Files.createTempDirectory("aigency-state")),
        log, Duration.ofMinutes(2));
    tenants = new LocalTenants(system.endpoints());
    http = new LocalHttp(system.endpoints().api());
    aws = new LocalAwsClients(system.endpoints());
    table = LocalClients.tableName(LocalLauncher.repoRoot().resolve("template.yaml"), system.endpoints());
  }

  @AfterAll
  static void stop() throws Exception {
    aws.close();
    tenants.close();
    system.close();
  }

  // ------------------------------------------------------------------ a browser's view

  static HttpResponse<String> get(String url, String apiKey) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("redirect, body: %s", response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = URI.create(url.replace("#_=_", "")).getRawQuery();
    for (String pair : q.split("&")) {
      int i = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Start -> dialog: the callback URL Meta sends the browser to. */
  static String throughTheDialog(String apiKey, String project) throws Exception {
    String dialog = location(get(system.endpoints().api() + "/auth/facebook?projectId=" + project, apiKey));
    return location(get(dialog, null));
  }

  static Map<String, AttributeValue> connectionItem(String tenant, String project) {
    return tenants.dynamo().getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of("PK", AttributeValue.fromS("T#" + tenant + "#P#" + project), "SK", AttributeValue.fromS("FBCONN")))).item();
  }

  static String newProject(String key) throws Exception {
    return http.send("POST", "/projects", key, "{\"name\":\"Corner Bakery\"}").body().get("id").asText();
  }

  // ------------------------------------------------------------------ tests

  @Test
  void theWholeFlowStoresOnlyCiphertextAndAReplayChangesNothing() throws Exception {
    var owner = tenants.create("Bakery Agency", Scope.APP);
    String project = newProject(owner.apiKey());

    String dialog = location(get(system.endpoints().api() + "/auth/facebook?projectId=" + project, owner.apiKey()));
    assertThat(dialog).startsWith(system.endpoints().meta() + "/v24.0/dialog/oauth?");
    Map<String, String> dialogQuery = query(dialog);
    assertThat(dialogQuery.get("client_id")).isEqualTo(MetaSimulator.DEFAULT_APP_ID);
    assertThat(dialogQuery.get("redirect_uri")).isEqualTo(system.endpoints().api() + "/auth/facebook/callback");
    assertThat(dialogQuery.get("scope")).contains("ads_management").contains("ads_read").contains("business_management");
    assertThat(dialogQuery.get("state")).contains(".");

    String callback = location(get(dialog, null));
    assertThat(callback).startsWith(system.endpoints().api() + "/auth/facebook/callback?code=");
    String app = location(get(callback, null));
    assertThat(app).startsWith("http://localhost:5173/connections/facebook?status=connected");
    assertThat(query(app)).containsEntry("projectId", project).containsEntry("adAccounts", "2");

    // the record holds the token sealed; opening it (as the functions do) gives a token Meta accepts
    Map<String, AttributeValue> item = connectionItem(owner.tenantId(), project);
    assertThat(item.get("status").s()).isEqualTo("VALID");
    SealedToken sealed = Json.read(item.get("token").s(), SealedToken.class);
    String plaintext = new TokenVault(aws.kms(), sealed.keyId()).open(sealed, owner.tenantId(), item.get("userId").s());
    assertThat(plaintext).startsWith("EAA");
    assertThat(item.toString()).doesNotContain(plaintext);
    String proof = MetaSimulator.appSecretProof(MetaSimulator.DEFAULT_APP_SECRET, plaintext);
    HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(system.endpoints().meta()
            + "/v24.0/me?fields=id,name&appsecret_proof=" + proof)).header("Authorization", "OAuth " + plaintext).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(Json.read(me.body()).get("id").asText()).isEqualTo(item.get("fbUserId").s());

    // the same callback URL again: refused, and the stored connection is exactly as it was
    String replay = location(get(callback, null));
    assertThat(query(replay)).containsEntry("status", "error").containsEntry("code", "REPLAYED");
    assertThat(connectionItem(owner.tenantId(), project)).isEqualTo(item);

    // ad accounts, live from Meta, then the selection
    JsonNode accounts = http.send("GET", "/projects/" + project + "/ad-accounts", owner.apiKey(), null).body();
    assertThat(accounts.get("status").asText()).isEqualTo("VALID");
    assertThat(accounts.get("adAccounts")).hasSize(2);
    assertThat(accounts.toString()).doesNotContain(plaintext).doesNotContain("ciphertext");
    String jpy = null;
    for (JsonNode a : accounts.get("adAccounts")) {
      assertThat(a.get("selected").asBoolean()).isFalse();
      if (a.get("currency").asText().equals("JPY")) {
        jpy = a.get("id").asText();
      }
    }
    assertThat(jpy).startsWith("act_");
    var selected = http.send("PUT", "/projects/" + project + "/ad-account", owner.apiKey(), "{\"adAccountId\":\"" + jpy + "\"}");
    assertThat(selected.status()).isEqualTo(200);
    assertThat(selected.body().get("adAccountId").asText()).isEqualTo(jpy);
    var notOffered = http.send("PUT", "/projects/" + project + "/ad-account", owner.apiKey(), "{\"adAccountId\":\"act_1\"}");
    assertThat(notOffered.status()).isEqualTo(400);
    assertThat(notOffered.body().at("/error/field").asText()).isEqualTo("adAccountId");
    assertThat(connectionItem(owner.tenantId(), project).get("adAccountId").s()).isEqualTo(jpy);

    // nothing secret in what the runtime logged
    String logged = Files.readString(log);
    assertThat(logged).doesNotContain(plaintext).doesNotContain(MetaSimulator.DEFAULT_APP_SECRET)
        .doesNotContain(proof).doesNotContain(query(callback).get("code"));
  }

  @Test
  void aForgedStateIsRefusedAndNothingIsStored() throws Exception {
    var owner = tenants.create("Forgery Target", Scope.APP);
    var attacker = tenants.create("Attacker", Scope.APP);
    String victimProject = newProject(owner.apiKey());

    // the attacker takes their own state and rewrites its tenant and project to the victim's
    String attackerProject = newProject(attacker.apiKey());
    String callback = throughTheDialog(attacker.apiKey(), attackerProject);
    Map<String, String> q = query(callback);
    String[] parts = q.get("state").split("\\.");
    JsonNode payload = Json.read(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    String forgedBody = Base64.getUrlEncoder().withoutPadding().encodeToString(
        Json.write(((com.fasterxml.jackson.databind.node.ObjectNode) payload.deepCopy())
            .put("t", owner.tenantId()).put("p", victimProject)).getBytes(StandardCharsets.UTF_8));
    String forged = system.endpoints().api() + "/auth/facebook/callback?code=" + q.get("code") + "&state=" + forgedBody + "." + parts[1];
    assertThat(query(location(get(forged, null)))).containsEntry("code", "FORGED");
    String garbage = system.endpoints().api() + "/auth/facebook/callback?code=abc&state=not-a-state";
    assertThat(query(location(get(garbage, null)))).containsEntry("code", "FORGED");
    String none = system.endpoints().api() + "/auth/facebook/callback?code=abc";
    assertThat(query(location(get(none, null)))).containsEntry("code", "FORGED");
    assertThat(connectionItem(owner.tenantId(), victimProject)).isEmpty();
  }

  @Test
  void aDeniedDialogConnectsNothing() throws Exception {
    var owner = tenants.create("Shy Owner", Scope.APP);
    String project = newProject(owner.apiKey());
    adminOAuth("{\"deny\":true}");
    try {
      String callback = throughTheDialog(owner.apiKey(), project);
      assertThat(query(callback)).containsEntry("error", "access_denied");
      assertThat(query(location(get(callback, null)))).containsEntry("status", "error").containsEntry("code", "DENIED");
    } finally {
      adminOAuth("{\"deny\":false}");
    }
    assertThat(connectionItem(owner.tenantId(), project)).isEmpty();
    assertThat(http.send("GET", "/projects/" + project + "/ad-accounts", owner.apiKey(), null).body().at("/error/code").asText())
        .isEqualTo("FACEBOOK_NOT_CONNECTED");
  }

  @Test
  void anotherTenantCanNeitherStartForNorReadNorSelectOnTheProject() throws Exception {
    var owner = tenants.create("Owner", Scope.APP);
    var other = tenants.create("Other", Scope.APP);
    String project = newProject(owner.apiKey());
    location(get(throughTheDialog(owner.apiKey(), project), null));

    assertThat(get(system.endpoints().api() + "/auth/facebook?projectId=" + project, other.apiKey()).statusCode()).isEqualTo(404);
    assertThat(http.send("GET", "/projects/" + project + "/ad-accounts", other.apiKey(), null).status()).isEqualTo(404);
    var put = http.send("PUT", "/projects/" + project + "/ad-account", other.apiKey(), "{\"adAccountId\":\"act_1\"}");
    assertThat(put.status()).isEqualTo(404);
    assertThat(get(system.endpoints().api() + "/auth/facebook?projectId=", owner.apiKey()).statusCode()).isEqualTo(400);
    assertThat(get(system.endpoints().api() + "/auth/facebook?projectId=" + project, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aRevokedTokenMarksTheConnectionInvalidAndNotifiesTheOwner() throws Exception {
    var owner = tenants.create("Revoked", Scope.APP);
    String project = newProject(owner.apiKey());
    location(get(throughTheDialog(owner.apiKey(), project), null));

    fault("{\"kind\":\"tokenInvalid\",\"times\":1,\"match\":{\"pathContains\":\"/me/adaccounts\"}}");
    var refused = http.send("GET", "/projects/" + project + "/ad-accounts", owner.apiKey(), null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().at("/error/code").asText()).isEqualTo("FACEBOOK_RECONNECT_REQUIRED");
    assertThat(connectionItem(owner.tenantId(), project).get("status").s()).isEqualTo("INVALID");
    // and it stays refused without asking Meta again
    assertThat(http.send("GET", "/projects/" + project + "/ad-accounts", owner.apiKey(), null).status()).isEqualTo(409);

    JsonNode notifications = http.send("GET", "/notifications", owner.apiKey(), null).body();
    assertThat(notifications.get("items")).hasSize(1);
    JsonNode alert = notifications.get("items").get(0);
    assertThat(alert.get("kind").asText()).isEqualTo("ALERT");
    assertThat(alert.get("title").asText()).isEqualTo("Reconnect your Facebook account");
    assertThat(alert.get("projectId").asText()).isEqualTo(project);
    assertThat(alert.get("read").asBoolean()).isFalse();
    var read = http.send("POST", "/notifications/" + alert.get("id").asText() + "/read", owner.apiKey(), null);
    assertThat(read.body().get("read").asBoolean()).isTrue();

    // reconnecting replaces the invalid connection with a valid one
    location(get(throughTheDialog(owner.apiKey(), project), null));
    assertThat(connectionItem(owner.tenantId(), project).get("status").s()).isEqualTo("VALID");
  }

  static void adminOAuth(String body) throws Exception {
    admin("/__admin/oauth", body);
  }

  static void fault(String body) throws Exception {
    admin("/__admin/faults", body);
  }

  static void admin(String path, String body) throws Exception {
    var response = browser.send(HttpRequest.newBuilder(URI.create(system.endpoints().meta() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void aSealedTokenCopiedIntoAnotherTenantsRecordDoesNotOpen() throws Exception {
    var owner = tenants.create("Sealed Owner", Scope.APP);
    var thief = tenants.create("Thief", Scope.APP);
    String project = newProject(owner.apiKey());
    String thiefProject = newProject(thief.apiKey());
    location(get(throughTheDialog(owner.apiKey(), project), null));
    location(get(throughTheDialog(thief.apiKey(), thiefProject), null));

    // copy the owner's sealed token into the thief's connection record
    Map<String, AttributeValue> stolen = new LinkedHashMap<>(connectionItem(thief.tenantId(), thiefProject));
    stolen.put("token", connectionItem(owner.tenantId(), project).get("token"));
    tenants.dynamo().putItem(r -> r.tableName(table).item(stolen));

    SealedToken sealed = Json.read(stolen.get("token").s(), SealedToken.class);
    TokenVault vault = new TokenVault(aws.kms(), sealed.keyId());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.open(sealed, thief.tenantId(), stolen.get("userId").s()))
        .isInstanceOfSatisfying(TokenVaultException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenVaultException.Reason.NOT_OPENABLE));
    // and the function reading that record fails closed: reconnection asked, no token leaked
    var response = http.send("GET", "/projects/" + thiefProject + "/ad-accounts", thief.apiKey(), null);
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body().at("/error/code").asText()).isEqualTo("FACEBOOK_RECONNECT_REQUIRED");
    assertThat(connectionItem(thief.tenantId(), thiefProject).get("status").s()).isEqualTo("INVALID");
    assertThat(response.raw()).doesNotContain("EAA");
  }
}
