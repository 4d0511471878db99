package com.aigency.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.local.template.HttpApiRoute;
import com.aigency.local.template.SamTemplate;
import com.aigency.shared.domain.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first slice end to end, over HTTP against the whole local system (the child JVM that {@code
 * ./aigency local} starts): authorizer, routes, handlers, DynamoDB Local.
 */
class TenantIsolationOverHttpTest {
  static final String BRIEF =
      """
      {"businessDescription":"Family bakery since 1987","product":"Sourdough bread","targetAudience":"Locals aged 25-55",
       "goal":"SALES","monthlyBudget":150000,"currency":"EUR","location":"Berlin, Germany",
       "uniqueSellingPoint":"Baked at 4am daily","websiteUrl":"https://bakery.example"}""";

  static LocalLauncher.Running system;
  static Path log;
  static LocalTenants tenants;
  static LocalHttp http;
  static String keyA;
  static String keyB;
  static String tenantA;
  static String projectA;

  @BeforeAll
  static void start() throws Exception {
    log = Files.createTempFile("aigency-local", ".log");
    system = LocalLauncher.start(
        new LocalLauncher.Options(
            LocalPorts.freePort(), null, LocalLauncher.repoRoot().resolve("template.yaml"), Files.createTempDirectory("aigency-state")),
        log, Duration.ofMinutes(2));
    tenants = new LocalTenants(system.endpoints());
    http = new LocalHttp(system.endpoints().api());
    var a = tenants.create("Agency A", Scope.APP);
    keyA = a.apiKey();
    tenantA = a.tenantId();
    keyB = tenants.create("Agency B", Scope.APP).apiKey();
    var created = http.send("POST", "/projects", keyA, "{\"name\":\"Corner Bakery\"}");
    assertThat(created.status()).isEqualTo(201);
    projectA = created.body().get("id").asText();
    assertThat(http.send("PUT", "/projects/" + projectA + "/brief", keyA, BRIEF).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    tenants.close();
    system.close();
  }

  @Test
  void tenantReadsBackItsBrief() throws Exception {
    var brief = http.send("GET", "/projects/" + projectA + "/brief", keyA, null);
    assertThat(brief.status()).isEqualTo(200);
    assertThat(brief.body().get("goal").asText()).isEqualTo("SALES");
    assertThat(brief.body().get("monthlyBudget").asLong()).isEqualTo(150000);
    assertThat(http.send("GET", "/projects/" + projectA, keyA, null).body().get("hasBrief").asBoolean()).isTrue();
  }

  @Test
  void anotherTenantGets404OnEveryRouteThatNamesTheProject() throws Exception {
    List<String> checked = new ArrayList<>();
    for (HttpApiRoute route : routes()) {
      if (!route.path().contains("{id}")) {
        continue;
      }
      String path = pathFor(route);
      var response = http.send(route.method(), path, keyB, bodyFor(route));
      assertThat(response.status()).as(route.routeKey()).isEqualTo(404);
      assertThat(response.body().at("/error/code").asText()).as(route.routeKey()).isEqualTo("NOT_FOUND");
      checked.add(route.routeKey());
    }
    assertThat(checked).contains("GET /projects/{id}", "GET /projects/{id}/brief", "PUT /projects/{id}/brief");
    assertThat(http.send("GET", "/projects/" + projectA + "/brief", keyA, null).body().get("product").asText())
        .isEqualTo("Sourdough bread");
  }

  @Test
  void anotherTenantsListDoesNotShowTheProject() throws Exception {
    var list = http.send("GET", "/projects", keyB, null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.raw()).doesNotContain(projectA);
    assertThat(http.send("GET", "/projects", keyA, null).raw()).contains(projectA);
  }

  @Test
  void everyRouteNeedsAKey() throws Exception {
    assertThat(routes().stream().filter(HttpApiRoute::authorizerDisabled).map(HttpApiRoute::routeKey))
        .as("only Meta's browser redirect comes without a key; its signed state is the credential")
        .containsExactly("GET /auth/facebook/callback");
    for (HttpApiRoute route : routes()) {
      if (route.authorizerDisabled()) {
        continue;
      }
      String path = pathFor(route);
      var missing = http.send(route.method(), path, null, bodyFor(route));
      assertThat(missing.status()).as(route.routeKey()).isEqualTo(401);
      var unknown = http.send(route.method(), path, "agk_" + "x".repeat(43), bodyFor(route));
      assertThat(unknown.status()).as(route.routeKey()).isEqualTo(403);
    }
  }

  @Test
  void aKeyWithoutTheAppScopeIsRefused() throws Exception {
    String webhookKey = tenants.create("Hooks", Scope.WEBHOOK).apiKey();
    var response = http.send("GET", "/projects", webhookKey, null);
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().at("/error/code").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void onlyOperatorKeysMayActForAnotherTenant() throws Exception {
    var refused = http.send("GET", "/projects/" + projectA, keyB, tenantA, null);
    assertThat(refused.status()).isEqualTo(403);
    String operatorKey = tenants.create("Operator", Scope.OPERATOR, Scope.APP).apiKey();
    var actingForA = http.send("GET", "/projects/" + projectA, operatorKey, tenantA, null);
    assertThat(actingForA.status()).isEqualTo(200);
    assertThat(actingForA.body().get("id").asText()).isEqualTo(projectA);
    var ownTenant = http.send("GET", "/projects/" + projectA, operatorKey, null);
    assertThat(ownTenant.status()).isEqualTo(404);
  }

  @Test
  void badBriefsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
    String before = http.send("GET", "/projects/" + projectA + "/brief", keyA, null).raw();
    record Case(String body, int status, String field) {}
    String big = "a".repeat(70_000);
    List<Case> cases = List.of(
        new Case("{\"businessDescription\": ", 400, "body"),
        new Case(BRIEF.replace("\"SALES\"", "\"FAME\""), 400, "goal"),
        new Case(BRIEF.replace("\"product\":\"Sourdough bread\",", ""), 400, "product"),
        new Case(BRIEF.replace("\"EUR\"", "\"EURO\""), 400, "currency"),
        new Case(BRIEF.replace("150000", "-5"), 400, "monthlyBudget"),
        new Case(BRIEF.replace("\"Berlin, Germany\"", "\"" + "b".repeat(201) + "\""), 400, "location"),
        new Case(BRIEF.replace("{", "{\"admin\":true,"), 400, "admin"),
        new Case("{\"businessDescription\":\"" + big + "\"}", 413, "body"));
    for (Case c : cases) {
      var response = http.send("PUT", "/projects/" + projectA + "/brief", keyA, c.body());
      assertThat(response.status()).as(c.field()).isEqualTo(c.status());
      assertThat(response.body().at("/error/field").asText()).as(c.field()).isEqualTo(c.field());
      assertThat(response.body().at("/error/message").asText()).isNotBlank();
    }
    assertThat(http.send("GET", "/projects/" + projectA + "/brief", keyA, null).raw()).isEqualTo(before);
  }

  @Test
  void listsArePaginated() throws Exception {
    String key = tenants.create("Pager", Scope.APP).apiKey();
    for (int i = 1; i <= 3; i++) {
      assertThat(http.send("POST", "/projects", key, "{\"name\":\"P" + i + "\"}").status()).isEqualTo(201);
    }
    var first = http.send("GET", "/projects?limit=2", key, null);
    assertThat(first.body().get("items")).hasSize(2);
    String token = first.body().get("nextToken").asText();
    var second = http.send("GET", "/projects?limit=2&nextToken=" + token, key, null);
    assertThat(second.body().get("items")).hasSize(1);
    assertThat(second.body().has("nextToken")).isFalse();
    assertThat(List.of(first.body().at("/items/0/name").asText(), first.body().at("/items/1/name").asText(), second.body().at("/items/0/name").asText()))
        .containsExactly("P3", "P2", "P1");
    var foreign = http.send("GET", "/projects?limit=2&nextToken=" + token, keyA, null);
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body().at("/error/field").asText()).isEqualTo("nextToken");
  }

  @Test
  void theMetaSimulatorRunsInTheSystemAndTheFunctionsAreToldWhere() throws Exception {
    String meta = system.endpoints().meta();
    var dialog = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()
        .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(meta
                + "/v24.0/dialog/oauth?client_id=100000000000001&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&state=s1&response_type=code"))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(dialog.statusCode()).isEqualTo(302);
    assertThat(dialog.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).startsWith("http://127.0.0.1/callback?").contains("code=").contains("state=s1"));
    var env = new com.aigency.local.runtime.LocalNames(
            SamTemplate.load(LocalLauncher.repoRoot().resolve("template.yaml")), portsOf(system.endpoints()), java.util.Map.of())
        .functionEnvironment(system.endpoints());
    assertThat(env).containsEntry("META_GRAPH_BASE_URL", meta).containsEntry("META_APP_ID", "100000000000001");
  }

  private static LocalPorts portsOf(com.aigency.local.runtime.Endpoints e) {
    java.util.function.ToIntFunction<String> port = url -> java.net.URI.create(url).getPort();
    return new LocalPorts(port.applyAsInt(e.api()), port.applyAsInt(e.dynamodb()), port.applyAsInt(e.sqs()),
        port.applyAsInt(e.s3()), port.applyAsInt(e.kms()), port.applyAsInt(e.meta()));
  }

  @Test
  void unknownRoutesGetTheGateways404() throws Exception {
    var response = http.send("GET", "/nope", keyA, null);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("message").asText()).isEqualTo("Not Found");
  }

  @Test
  void apiKeysNeverReachTheLogs() throws Exception {
    assertThat(http.send("GET", "/projects", keyA, null).status()).isEqualTo(200);
    assertThat(http.send("GET", "/projects", keyA + "x", null).status()).isEqualTo(403);
    String logged = Files.readString(log);
    assertThat(logged).contains("created table"); // the log is the runtime's, and it is being written
    assertThat(logged).doesNotContain(keyA).doesNotContain(keyB).doesNotContain(keyA.substring(4, 20));
  }

  private static List<HttpApiRoute> routes() {
    SamTemplate template = SamTemplate.load(LocalLauncher.repoRoot().resolve("template.yaml"));
    return template.functions().stream().flatMap(f -> f.httpApiRoutes().stream()).toList();
  }

  /** The route with A's project id and a well-formed conversation id filled in. */
  private static String pathFor(HttpApiRoute route) {
    return route.path().replace("{id}", projectA).replace("{cid}", "c_01JD3XEXAMPKEC0NVERSAT10N1");
  }

  /** A valid body for routes that take one, so a 404 cannot come from a 400 short-circuit. */
  private static String bodyFor(HttpApiRoute route) {
    if (route.method().equals("GET")) {
      return null;
    }
    if (route.path().endsWith("/brief")) {
      return BRIEF;
    }
    if (route.path().endsWith("/request-changes")) {
      return "{\"feedback\":\"Target ages 30-50\"}";
    }
    if (route.path().endsWith("/ad-account")) {
      return "{\"adAccountId\":\"act_120200000000000123\"}";
    }
    return route.path().endsWith("/messages") ? "{\"content\":\"Hello\"}" : "{\"name\":\"x\"}";
  }
}
