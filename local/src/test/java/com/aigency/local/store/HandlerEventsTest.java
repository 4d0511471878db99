package com.aigency.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.api.projects.CreateProjectHandler;
import com.aigency.api.projects.GetBriefHandler;
import com.aigency.api.projects.GetProjectHandler;
import com.aigency.api.projects.ListProjectsHandler;
import com.aigency.api.projects.PutBriefHandler;
import com.aigency.authorizer.ApiKeyAuthorizerHandler;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.json.Json;
import com.aigency.shared.projects.ProjectService;
import com.aigency.shared.store.ProjectStore;
import com.aigency.shared.store.TenantStore;
import com.aigency.shared.tenancy.ApiKeySecrets;
import com.aigency.shared.tenancy.TenantService;
import com.aigency.shared.tenancy.TenantService.NewTenant;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real handlers, built with their collaborator constructors over DynamoDB Local, fed the sample
 * events of {@code events/} with the tenant, key and project ids this test created.
 */
class HandlerEventsTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();

  private final SteppingClock clock = new SteppingClock(Instant.parse("2025-11-18T09:00:00Z"), Duration.ofSeconds(1));
  private String table;
  private TenantService tenants;
  private ProjectService projects;
  private NewTenant tenantA;
  private NewTenant tenantB;
  private NewTenant operator;



  @BeforeEach
  void tenants() {
    table = dynamo.freshTable();
    tenants = new TenantService(new TenantStore(dynamo.client, table), clock);
    projects = new ProjectService(new ProjectStore(dynamo.client, table), clock);
    tenantA = tenants.createTenant("Corner Bakery", Set.of(Scope.APP));
    tenantB = tenants.createTenant("Harbour Gym", Set.of(Scope.APP));
    operator = tenants.createTenant("Aigency Ops", Set.of(Scope.OPERATOR));
  }

  // ---- events -------------------------------------------------------------------------------

  /** A sample HTTP event, as the route would receive it from the authorizer in {@code context}. */
  private static APIGatewayV2HTTPEvent route(String function, String file, Map<String, String> context) {
    APIGatewayV2HTTPEvent event = SampleEvents.load(function, file, APIGatewayV2HTTPEvent.class);
    event.getRequestContext().getAuthorizer().setLambda(new HashMap<>(context));
    return event;
  }

  private static APIGatewayV2HTTPEvent route(String function, String file, NewTenant caller) {
    return route(function, file, contextOf(caller));
  }

  /** What the authorizer would put in the context for this tenant's key. */
  private static Map<String, String> contextOf(NewTenant caller) {
    return Map.of(
        "tenantId", caller.tenantId(),
        "scopes", String.join(" ", caller.scopes().stream().map(Scope::wireName).sorted().toList()),
        "keyId", caller.keyId(),
        "operatorTenantId", "");
  }

  private static APIGatewayV2HTTPEvent withProjectId(APIGatewayV2HTTPEvent event, String projectId) {
    event.setPathParameters(Map.of("id", projectId));
    return event;
  }

  private static APIGatewayV2CustomAuthorizerEvent authorizerEvent(String file, String apiKey, String clientId) {
    APIGatewayV2CustomAuthorizerEvent event =
        SampleEvents.load("ApiKeyAuthorizerFunction", file, APIGatewayV2CustomAuthorizerEvent.class);
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("x-api-key", apiKey);
    if (clientId == null) {
      headers.remove("x-client-id");
    } else {
      headers.put("x-client-id", clientId);
    }
    event.setHeaders(headers);
    event.setIdentitySource(List.of(apiKey));
    return event;
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    return Json.read(response.getBody());
  }

  private String createProject(NewTenant owner) {
    APIGatewayV2HTTPResponse response =
        new CreateProjectHandler(projects).handleRequest(route("CreateProjectFunction", "create-project.json", owner), null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response).get("id").asText();
  }

  private List<Map<String, AttributeValue>> rawTable() {
    return TestTables.scanAll(dynamo.client, table);
  }

  // ---- authorizer ---------------------------------------------------------------------------

  @Test
  void theAuthorizerAdmitsAValidKeyWithItsTenantContext() {
    var authorizer = new ApiKeyAuthorizerHandler(tenants);

    SimpleIAMPolicyResponse response =
        authorizer.handleRequest(authorizerEvent("app-key.json", tenantA.apiKey(), null), null);

    assertThat(response.getIsAuthorized()).isTrue();
    assertThat(response.getContext())
        .containsEntry("tenantId", tenantA.tenantId())
        .containsEntry("scopes", "app")
        .containsEntry("keyId", tenantA.keyId())
        .containsEntry("operatorTenantId", "");
  }

  @Test
  void theAuthorizerRefusesTheSampleKeyBecauseNoSuchKeyExists() {
    APIGatewayV2CustomAuthorizerEvent event =
        SampleEvents.load("ApiKeyAuthorizerFunction", "app-key.json", APIGatewayV2CustomAuthorizerEvent.class);

    SimpleIAMPolicyResponse response = new ApiKeyAuthorizerHandler(tenants).handleRequest(event, null);

    assertThat(response.getIsAuthorized()).isFalse();
    assertThat(response.getContext()).isNullOrEmpty();
  }

  @Test
  void theAuthorizerRefusesARequestWithoutKey() {
    APIGatewayV2CustomAuthorizerEvent event = authorizerEvent("app-key.json", tenantA.apiKey(), null);
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("x-api-key");
    event.setHeaders(headers);

    assertThat(new ApiKeyAuthorizerHandler(tenants).handleRequest(event, null).getIsAuthorized()).isFalse();
  }

  @Test
  void theAuthorizerMatchesHeaderNamesInAnyCase() {
    APIGatewayV2CustomAuthorizerEvent event = authorizerEvent("app-key.json", tenantA.apiKey(), null);
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("x-api-key");
    headers.put("X-API-Key", tenantA.apiKey());
    event.setHeaders(headers);

    assertThat(new ApiKeyAuthorizerHandler(tenants).handleRequest(event, null).getIsAuthorized()).isTrue();
  }

  @Test
  void theAuthorizerLetsAnOperatorActForTheNamedClient() {
    SimpleIAMPolicyResponse response =
        new ApiKeyAuthorizerHandler(tenants)
            .handleRequest(
                authorizerEvent("operator-key-with-client-id.json", operator.apiKey(), tenantA.tenantId()), null);

    assertThat(response.getIsAuthorized()).isTrue();
    assertThat(response.getContext())
        .containsEntry("tenantId", tenantA.tenantId())
        .containsEntry("operatorTenantId", operator.tenantId());
  }

  @Test
  void theAuthorizerRefusesAClientIdFromAKeyWithoutOperatorScope() {
    SimpleIAMPolicyResponse response =
        new ApiKeyAuthorizerHandler(tenants)
            .handleRequest(
                authorizerEvent("operator-key-with-client-id.json", tenantB.apiKey(), tenantA.tenantId()), null);

    assertThat(response.getIsAuthorized()).isFalse();
  }

  @Test
  void theAuthorizerContextIsWhatTheRoutesRead() {
    String projectOfA = createProject(tenantA);
    SimpleIAMPolicyResponse authorized =
        new ApiKeyAuthorizerHandler(tenants).handleRequest(authorizerEvent("app-key.json", tenantA.apiKey(), null), null);

    APIGatewayV2HTTPEvent event =
        withProjectId(route("GetProjectFunction", "get-project.json", authorized.getContext()), projectOfA);
    APIGatewayV2HTTPResponse response = new GetProjectHandler(projects).handleRequest(event, null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(json(response).get("id").asText()).isEqualTo(projectOfA);
  }

  @Test
  void anOperatorKeyWithOnlyTheOperatorScopeIsRefusedOnAppRoutes() {
    String projectOfA = createProject(tenantA);
    SimpleIAMPolicyResponse authorized =
        new ApiKeyAuthorizerHandler(tenants)
            .handleRequest(
                authorizerEvent("operator-key-with-client-id.json", operator.apiKey(), tenantA.tenantId()), null);
    APIGatewayV2HTTPEvent event = route("ListProjectsFunction", "operator-acting-for-client.json", authorized.getContext());

    APIGatewayV2HTTPResponse response = new ListProjectsHandler(projects).handleRequest(event, null);

    // only admin implies app; the operator scope alone does not open the app routes
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(403);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(response.getBody()).doesNotContain(projectOfA);
  }

  @Test
  void anOperatorKeyWithAppScopeListsOnlyTheNamedClientsProjects() {
    String projectOfA = createProject(tenantA);
    String projectOfB = createProject(tenantB);
    NewTenant appOperator = tenants.createTenant("Aigency Account Managers", Set.of(Scope.OPERATOR, Scope.APP));
    String projectOfOperator = createProject(appOperator);
    SimpleIAMPolicyResponse authorized =
        new ApiKeyAuthorizerHandler(tenants)
            .handleRequest(
                authorizerEvent("operator-key-with-client-id.json", appOperator.apiKey(), tenantA.tenantId()), null);
    APIGatewayV2HTTPEvent event = route("ListProjectsFunction", "operator-acting-for-client.json", authorized.getContext());

    APIGatewayV2HTTPResponse response = new ListProjectsHandler(projects).handleRequest(event, null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(json(response).get("items").findValuesAsText("id"))
        .containsExactly(projectOfA)
        .doesNotContain(projectOfB, projectOfOperator);
  }

  // ---- projects -----------------------------------------------------------------------------

  @Test
  void createProjectAnswers201WithTheProjectInTheCallersTenant() {
    APIGatewayV2HTTPResponse response =
        new CreateProjectHandler(projects).handleRequest(route("CreateProjectFunction", "create-project.json", tenantA), null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    JsonNode body = json(response);
    assertThat(Ids.looksLike("p", body.get("id").asText())).isTrue();
    assertThat(body.get("name").asText()).isEqualTo("Corner Bakery");
    assertThat(body.get("description").asText()).startsWith("Neighbourhood sourdough bakery");
    assertThat(body.get("hasBrief").asBoolean()).isFalse();
    assertThat(Instant.parse(body.get("createdAt").asText())).isNotNull();
    assertThat(body.has("tenantId")).isFalse();
    assertThat(rawTable())
        .filteredOn(i -> i.get("SK").s().equals("PROJECT#" + body.get("id").asText()))
        .singleElement()
        .satisfies(i -> assertThat(i.get("PK").s()).isEqualTo("T#" + tenantA.tenantId()));
  }

  @Test
  void createProjectWithAnInvalidBodyAnswers400AndWritesNothing() {
    APIGatewayV2HTTPEvent event = route("CreateProjectFunction", "create-project.json", tenantA);
    event.setBody("{\"name\":\"Corner Bakery\",\"tenantId\":\"" + tenantB.tenantId() + "\"}");
    var before = rawTable();

    APIGatewayV2HTTPResponse response = new CreateProjectHandler(projects).handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(json(response).at("/error/field").asText()).isEqualTo("tenantId");
    assertThat(rawTable()).isEqualTo(before);
  }

  @Test
  void getProjectAnswersTheOwnersProject() {
    String projectOfA = createProject(tenantA);

    APIGatewayV2HTTPResponse response =
        new GetProjectHandler(projects)
            .handleRequest(withProjectId(route("GetProjectFunction", "get-project.json", tenantA), projectOfA), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(json(response).get("id").asText()).isEqualTo(projectOfA);
    assertThat(json(response).get("name").asText()).isEqualTo("Corner Bakery");
  }

  @Test
  void getProjectOfAnotherTenantAnswers404() {
    String projectOfA = createProject(tenantA);

    APIGatewayV2HTTPResponse response =
        new GetProjectHandler(projects)
            .handleRequest(withProjectId(route("GetProjectFunction", "get-project.json", tenantB), projectOfA), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("NOT_FOUND");
    assertThat(response.getBody()).doesNotContain("Corner Bakery");
  }

  @Test
  void theSampleProjectIdIsNotFoundForANewTenant() {
    // the sample's own path parameter, untouched: a well-formed id no tenant here owns
    APIGatewayV2HTTPResponse response =
        new GetProjectHandler(projects).handleRequest(route("GetProjectFunction", "get-project.json", tenantA), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
  }

  @Test
  void listProjectsAnswersOnlyTheCallersProjects() {
    String first = createProject(tenantA);
    String second = createProject(tenantA);
    String ofB = createProject(tenantB);

    APIGatewayV2HTTPResponse response =
        new ListProjectsHandler(projects).handleRequest(route("ListProjectsFunction", "list-projects.json", tenantA), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("items").findValuesAsText("id")).containsExactly(second, first).doesNotContain(ofB);
    assertThat(body.has("nextToken")).isFalse();
  }

  @Test
  void listProjectsRefusesAnotherTenantsTokenAs400() {
    for (int i = 0; i < 3; i++) {
      createProject(tenantA);
      createProject(tenantB);
    }
    APIGatewayV2HTTPEvent firstPageOfA = route("ListProjectsFunction", "list-projects.json", tenantA);
    firstPageOfA.setQueryStringParameters(Map.of("limit", "2"));
    String tokenOfA =
        json(new ListProjectsHandler(projects).handleRequest(firstPageOfA, null)).get("nextToken").asText();
    APIGatewayV2HTTPEvent pageOfB = route("ListProjectsFunction", "list-projects.json", tenantB);
    pageOfB.setQueryStringParameters(Map.of("limit", "2", "nextToken", tokenOfA));

    APIGatewayV2HTTPResponse response = new ListProjectsHandler(projects).handleRequest(pageOfB, null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/field").asText()).isEqualTo("nextToken");
  }

  @Test
  void listProjectsRefusesALimitOutOfRange() {
    APIGatewayV2HTTPEvent event = route("ListProjectsFunction", "list-projects.json", tenantA);
    event.setQueryStringParameters(Map.of("limit", "1000"));

    APIGatewayV2HTTPResponse response = new ListProjectsHandler(projects).handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/field").asText()).isEqualTo("limit");
  }

  @Test
  void aKeyWithoutTheAppScopeIsRefused403() {
    NewTenant webhookOnly = tenants.createTenant("Webhook Only", Set.of(Scope.WEBHOOK));

    APIGatewayV2HTTPResponse response =
        new ListProjectsHandler(projects).handleRequest(route("ListProjectsFunction", "list-projects.json", webhookOnly), null);

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void aRouteWithoutAuthorizerContextIsRefused401() {
    APIGatewayV2HTTPEvent event = SampleEvents.load("ListProjectsFunction", "list-projects.json", APIGatewayV2HTTPEvent.class);
    event.getRequestContext().setAuthorizer(null);

    APIGatewayV2HTTPResponse response = new ListProjectsHandler(projects).handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
  }

  // ---- briefs -------------------------------------------------------------------------------

  @Test
  void putBriefStoresTheSampleBriefAndGetBriefReturnsIt() {
    String projectOfA = createProject(tenantA);

    APIGatewayV2HTTPResponse put =
        new PutBriefHandler(projects)
            .handleRequest(withProjectId(route("PutBriefFunction", "put-brief.json", tenantA), projectOfA), null);
    APIGatewayV2HTTPResponse get =
        new GetBriefHandler(projects)
            .handleRequest(withProjectId(route("GetBriefFunction", "get-brief.json", tenantA), projectOfA), null);

    assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
    JsonNode brief = json(put);
    assertThat(brief.get("goal").asText()).isEqualTo("LEADS");
    assertThat(brief.get("monthlyBudget").asLong()).isEqualTo(150_000L);
    assertThat(brief.get("currency").asText()).isEqualTo("EUR");
    assertThat(brief.get("websiteUrl").asText()).isEqualTo("https://cornerbakery.example.com");
    assertThat(get.getStatusCode()).isEqualTo(200);
    assertThat(json(get)).isEqualTo(brief);
  }

  @Test
  void putBriefOnAnotherTenantsProjectAnswers404AndWritesNothing() {
    String projectOfA = createProject(tenantA);
    new PutBriefHandler(projects)
        .handleRequest(withProjectId(route("PutBriefFunction", "put-brief.json", tenantA), projectOfA), null);
    var before = rawTable();
    APIGatewayV2HTTPEvent hijack = withProjectId(route("PutBriefFunction", "put-brief.json", tenantB), projectOfA);
    ObjectNode body = (ObjectNode) Json.read(hijack.getBody());
    hijack.setBody(Json.write(body.put("product", "Hijacked")));

    APIGatewayV2HTTPResponse response = new PutBriefHandler(projects).handleRequest(hijack, null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(rawTable()).isEqualTo(before);
    assertThat(rawTable()).noneMatch(i -> i.get("PK").s().startsWith("T#" + tenantB.tenantId() + "#P#"));
  }

  @Test
  void getBriefOfAnotherTenantsProjectAnswers404() {
    String projectOfA = createProject(tenantA);
    new PutBriefHandler(projects)
        .handleRequest(withProjectId(route("PutBriefFunction", "put-brief.json", tenantA), projectOfA), null);

    APIGatewayV2HTTPResponse response =
        new GetBriefHandler(projects)
            .handleRequest(withProjectId(route("GetBriefFunction", "get-brief.json", tenantB), projectOfA), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(response.getBody()).doesNotContain("sourdough");
  }

  @Test
  void putBriefWithAnInvalidFieldAnswers400NamingItAndKeepsTheStoredBrief() {
    String projectOfA = createProject(tenantA);
    APIGatewayV2HTTPResponse first =
        new PutBriefHandler(projects)
            .handleRequest(withProjectId(route("PutBriefFunction", "put-brief.json", tenantA), projectOfA), null);
    var before = rawTable();
    APIGatewayV2HTTPEvent event = withProjectId(route("PutBriefFunction", "put-brief.json", tenantA), projectOfA);
    ObjectNode body = (ObjectNode) Json.read(event.getBody());
    event.setBody(Json.write(body.put("currency", "eur")));

    APIGatewayV2HTTPResponse response = new PutBriefHandler(projects).handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/field").asText()).isEqualTo("currency");
    assertThat(json(response).at("/error/message").asText()).contains("ISO 4217");
    assertThat(rawTable()).isEqualTo(before);
    APIGatewayV2HTTPResponse get =
        new GetBriefHandler(projects)
            .handleRequest(withProjectId(route("GetBriefFunction", "get-brief.json", tenantA), projectOfA), null);
    assertThat(json(get)).isEqualTo(json(first));
  }

  @Test
  void putBriefWithMalformedJsonAnswers400NamingTheBody() {
    String projectOfA = createProject(tenantA);
    APIGatewayV2HTTPEvent event = withProjectId(route("PutBriefFunction", "put-brief.json", tenantA), projectOfA);
    event.setBody("{\"goal\": LEADS}");

    APIGatewayV2HTTPResponse response = new PutBriefHandler(projects).handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/field").asText()).isEqualTo("body");
  }

  @Test
  void putBriefOnAMissingProjectAnswers404() {
    APIGatewayV2HTTPResponse response =
        new PutBriefHandler(projects)
            .handleRequest(
                withProjectId(route("PutBriefFunction", "put-brief.json", tenantA), Ids.newId("p", clock)), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(rawTable()).noneMatch(i -> i.get("SK").s().equals("BRIEF"));
  }

  @Test
  void noResponseEverCarriesAnApiKey() {
    String projectOfA = createProject(tenantA);
    APIGatewayV2HTTPResponse put =
        new PutBriefHandler(projects)
            .handleRequest(withProjectId(route("PutBriefFunction", "put-brief.json", tenantA), projectOfA), null);
    SimpleIAMPolicyResponse authorized =
        new ApiKeyAuthorizerHandler(tenants).handleRequest(authorizerEvent("app-key.json", tenantA.apiKey(), null), null);

    String secret = tenantA.apiKey().substring(ApiKeySecrets.PREFIX.length());
    assertThat(put.getBody()).doesNotContain(secret);
    assertThat(authorized.getContext().values()).noneMatch(v -> v.contains(secret));
  }
}
