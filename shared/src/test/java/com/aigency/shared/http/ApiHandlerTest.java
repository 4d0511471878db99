package com.aigency.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.domain.Scope;
import com.aigency.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {

  /** A route needing {@code scope} whose use case is {@code body}; counts how often it ran. */
  private static final class Route extends ApiHandler {
    private final Scope scope;
    private final Function<ApiRequest, ApiResponse> body;
    final AtomicInteger calls = new AtomicInteger();

    Route(Scope scope, Function<ApiRequest, ApiResponse> body) {
      this.scope = scope;
      this.body = body;
    }

    @Override
    protected Scope requiredScope() {
      return scope;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
      calls.incrementAndGet();
      return body.apply(request);
    }
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    return Json.read(response.getBody());
  }

  @Test
  void aKeyWithoutTheRouteScopeIsRefusedWith403AndTheUseCaseNeverRuns() {
    Route route = new Route(Scope.ADMIN, r -> ApiResponse.ok(Map.of("ran", true)));

    APIGatewayV2HTTPResponse response = route.handleRequest(TestEvents.authorized("app webhook"), null);

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    JsonNode error = json(response).get("error");
    assertThat(error.get("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(error.get("message").asText()).contains("'admin'");
    assertThat(json(response).size()).isEqualTo(1);
    assertThat(route.calls).hasValue(0);
  }

  @Test
  void anAdminKeyMayCallAnAppRoute() {
    Route route = new Route(Scope.APP, r -> ApiResponse.ok(Map.of("tenant", r.tenantId())));

    APIGatewayV2HTTPResponse response = route.handleRequest(TestEvents.authorized("admin"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(json(response).get("tenant").asText()).isEqualTo(TestEvents.TENANT);
  }

  @Test
  void anOperatorKeyMayNotCallAnAppRoute() {
    Route route = new Route(Scope.APP, r -> ApiResponse.ok(Map.of()));

    assertThat(route.handleRequest(TestEvents.authorized("operator"), null).getStatusCode()).isEqualTo(403);
  }

  @Test
  void aRequestWithoutAuthorizerContextIsRefusedWith401() {
    Route route = new Route(Scope.APP, r -> ApiResponse.ok(Map.of()));

    APIGatewayV2HTTPResponse response = route.handleRequest(new APIGatewayV2HTTPEvent(), null);

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(route.calls).hasValue(0);
  }

  @Test
  void anApiExceptionBecomesItsStatusAndJsonError() {
    Route route =
        new Route(Scope.APP, r -> { throw ApiException.invalid("monthlyBudget", "'monthlyBudget' must be a whole number"); });

    APIGatewayV2HTTPResponse response = route.handleRequest(TestEvents.authorized("app"), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response))
        .isEqualTo(
            Json.read(
                """
                {"error": {"code": "VALIDATION_FAILED",
                           "message": "'monthlyBudget' must be a whole number",
                           "field": "monthlyBudget"}}
                """));
  }

  @Test
  void anErrorWithoutFieldHasNoFieldInTheBody() {
    Route route = new Route(Scope.APP, r -> { throw ApiException.notFound("Project"); });

    APIGatewayV2HTTPResponse response = route.handleRequest(TestEvents.authorized("app"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(json(response).get("error").has("field")).isFalse();
    assertThat(json(response).at("/error/message").asText()).isEqualTo("Project not found");
  }

  @Test
  void anUnexpectedFailureIs500WithoutLeakingInternals() {
    Route route =
        new Route(
            Scope.APP,
            r -> {
              throw new IllegalStateException(
                  "table arn:aws:dynamodb:eu-west-1:123456789012:table/aigency-AppTable key agk_SECRET");
            });

    APIGatewayV2HTTPResponse response = route.handleRequest(TestEvents.authorized("app"), null);

    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("INTERNAL");
    assertThat(response.getBody())
        .doesNotContain("IllegalStateException")
        .doesNotContain("arn:aws")
        .doesNotContain("agk_SECRET")
        .doesNotContain("ApiHandlerTest")
        .doesNotContain("\tat ");
  }

  @Test
  void aSuccessIsSerialisedAsJsonWithItsStatus() {
    Route route = new Route(Scope.APP, r -> ApiResponse.created(Map.of("id", "p_1", "name", "Corner Bakery")));

    APIGatewayV2HTTPResponse response = route.handleRequest(TestEvents.authorized("app"), null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    assertThat(json(response)).isEqualTo(Json.read("{\"id\":\"p_1\",\"name\":\"Corner Bakery\"}"));
  }

  @Test
  void aBadBodyReachesTheClientAsA400NamingTheBody() {
    Route route = new Route(Scope.APP, r -> ApiResponse.ok(r.jsonBody()));
    APIGatewayV2HTTPEvent event = TestEvents.withBody("[1,2]");

    APIGatewayV2HTTPResponse response = route.handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/field").asText()).isEqualTo("body");
  }
}
