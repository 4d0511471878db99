package com.aigency.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchEventsTest {
  private static final String SAMPLE_TENANT = "t_01JD3XEXAMPKETENANT0000001";
  private static final String SAMPLE_PROJECT = "p_01JD4C0RNERBAKERYPR0JECT01";
  private static final String SAMPLE_KEY = "agk_EXAMPLEonlyNotARealKey-appKey_0123456789abc";

  private static final String REAL_PROJECT = "p_01JQ0000000000000000000000";
  private static final String REAL_CONVERSATION = "c_01JQ0000000000000000000000";
  private static final BenchEvents.RealIds REAL =
      new BenchEvents.RealIds(
          "t_01JQ0000000000000000000000", "k_01JQ0000000000000000000000",
          "agk_realRealRealRealRealReal_000000000000000", "app", Map.of("id", REAL_PROJECT, "cid", REAL_CONVERSATION));

  private static final String GET_BRIEF =
      """
      {
        "version": "2.0",
        "routeKey": "GET /projects/{id}/brief",
        "rawPath": "/projects/p_01JD4C0RNERBAKERYPR0JECT01/brief",
        "headers": {
          "x-api-key": "agk_EXAMPLEonlyNotARealKey-appKey_0123456789abc",
          "Idempotency-Key": "3f0c8a52-6d1e-4b7a-9c4e-2b8d5f1a7e90"
        },
        "requestContext": {
          "http": { "method": "GET", "path": "/projects/p_01JD4C0RNERBAKERYPR0JECT01/brief" },
          "timeEpoch": 1763458252417,
          "authorizer": {
            "lambda": {
              "tenantId": "t_01JD3XEXAMPKETENANT0000001",
              "scopes": "operator",
              "keyId": "k_01JD3XEXAMPKEAPPKEY0000001",
              "operatorTenantId": "t_01JD3XEXAMPKE0PERAT0R00001"
            }
          }
        },
        "pathParameters": { "id": "p_01JD4C0RNERBAKERYPR0JECT01" },
        "isBase64Encoded": false
      }
      """;

  private static final String AUTHORIZER =
      """
      {
        "version": "2.0",
        "type": "REQUEST",
        "routeArn": "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/$default/GET/projects",
        "identitySource": ["agk_EXAMPLEonlyNotARealKey-appKey_0123456789abc"],
        "routeKey": "GET /projects",
        "headers": { "X-Api-Key": "agk_EXAMPLEonlyNotARealKey-appKey_0123456789abc" }
      }
      """;

  @Test
  void replacesTheSampleIdsWhereverTheyOccur() {
    JsonNode prepared = BenchEvents.prepare(Json.read(GET_BRIEF), REAL);

    assertThat(prepared.path("rawPath").asText()).isEqualTo("/projects/" + REAL_PROJECT + "/brief");
    assertThat(prepared.at("/requestContext/http/path").asText()).isEqualTo("/projects/" + REAL_PROJECT + "/brief");
    assertThat(prepared.at("/pathParameters/id").asText()).isEqualTo(REAL_PROJECT);
    assertThat(prepared.at("/headers/x-api-key").asText()).isEqualTo(REAL.apiKey());
    assertThat(prepared.toString()).doesNotContain(SAMPLE_TENANT, SAMPLE_PROJECT, SAMPLE_KEY, "EXAMPKE");
  }

  @Test
  void theAuthorizerContextIsWhatTheBenchmarksOwnKeyResolvesTo() {
    JsonNode context = BenchEvents.prepare(Json.read(GET_BRIEF), REAL).at("/requestContext/authorizer/lambda");

    assertThat(context.path("tenantId").asText()).isEqualTo(REAL.tenantId());
    assertThat(context.path("keyId").asText()).isEqualTo(REAL.keyId());
    assertThat(context.path("scopes").asText()).isEqualTo("app");
    assertThat(context.path("operatorTenantId").asText()).isEmpty();
  }

  @Test
  void theAuthorizerEventCarriesTheRealKeyInItsHeaderAndIdentitySource() {
    JsonNode prepared = BenchEvents.prepare(Json.read(AUTHORIZER), REAL);

    assertThat(prepared.at("/headers/X-Api-Key").asText()).isEqualTo(REAL.apiKey());
    assertThat(prepared.at("/identitySource/0").asText()).isEqualTo(REAL.apiKey());
    assertThat(prepared.path("routeArn").asText()).endsWith("/$default/GET/projects");
    assertThat(prepared.has("requestContext")).isFalse();
  }

  @Test
  void leavesTheSampleAndEverythingElseAsItWas() {
    JsonNode sample = Json.read(GET_BRIEF);
    JsonNode before = sample.deepCopy();

    JsonNode prepared = BenchEvents.prepare(sample, REAL);

    assertThat(sample).isEqualTo(before);
    assertThat(prepared.at("/requestContext/timeEpoch").asLong()).isEqualTo(1763458252417L);
    assertThat(prepared.path("isBase64Encoded").isBoolean()).isTrue();
    assertThat(prepared.path("routeKey").asText()).isEqualTo("GET /projects/{id}/brief");
  }

  @Test
  void replacesEveryPathParameterItKnowsAndRefusesOneItDoesNot() {
    String sample = """
        {"rawPath": "/projects/p_01JD4C0RNERBAKERYPR0JECT01/conversations/c_01JD3XEXAMPKEC0NVERSAT10N1/messages",
         "pathParameters": {"id": "p_01JD4C0RNERBAKERYPR0JECT01", "cid": "c_01JD3XEXAMPKEC0NVERSAT10N1"}}
        """;

    JsonNode prepared = BenchEvents.prepare(Json.read(sample), REAL);

    assertThat(prepared.path("rawPath").asText())
        .isEqualTo("/projects/" + REAL_PROJECT + "/conversations/" + REAL_CONVERSATION + "/messages");
    assertThat(prepared.at("/pathParameters/cid").asText()).isEqualTo(REAL_CONVERSATION);
    var onlyProject = new BenchEvents.RealIds("t", "k", "agk_x", "app", Map.of("id", REAL_PROJECT));
    assertThatThrownBy(() -> BenchEvents.prepare(Json.read(sample), onlyProject))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'cid'");
  }

  @Test
  void anHttpApiEventIsTheRequestItStandsFor() {
    JsonNode event = Json.read("""
        {"rawPath": "/projects", "rawQueryString": "limit=20", "body": "{\\"name\\":\\"x\\"}",
         "requestContext": {"http": {"method": "POST"}}}
        """);

    assertThat(BenchEvents.httpCall(event))
        .contains(new BenchEvents.HttpCall("POST", "/projects?limit=20", "{\"name\":\"x\"}"));
    assertThat(BenchEvents.httpCall(Json.read(AUTHORIZER))).isEmpty();
  }

  @Test
  void eachRunGetsItsOwnIdempotencyKey() {
    JsonNode prepared = BenchEvents.prepare(Json.read(GET_BRIEF), REAL);

    JsonNode run = BenchEvents.forRun(prepared, "run-2-key");

    assertThat(run.at("/headers/Idempotency-Key").asText()).isEqualTo("run-2-key");
    assertThat(prepared.at("/headers/Idempotency-Key").asText()).isEqualTo("3f0c8a52-6d1e-4b7a-9c4e-2b8d5f1a7e90");
    assertThat(BenchEvents.forRun(Json.read(AUTHORIZER), "k").path("headers").has("Idempotency-Key")).isFalse();
  }

  @Test
  void choosesTheFirstSampleInWhichNoOperatorActsForAClient() {
    Map<Path, JsonNode> samples = Map.of(
        Path.of("events/ListProjectsFunction/a-operator.json"), Json.read("{\"headers\":{\"x-client-id\":\"t_1\"}}"),
        Path.of("events/ListProjectsFunction/list-projects.json"), Json.read("{\"headers\":{}}"),
        Path.of("events/ListProjectsFunction/z-other.json"), Json.read("{\"headers\":{}}"));

    Path chosen = BenchEvents.chooseSample(List.copyOf(samples.keySet()), samples::get);

    assertThat(chosen.getFileName().toString()).isEqualTo("list-projects.json");
  }

  @Test
  void withOnlyOperatorSamplesTakesTheFirstByName() {
    Map<Path, JsonNode> samples = Map.of(
        Path.of("b.json"), Json.read("{\"headers\":{\"X-Client-Id\":\"t_1\"}}"),
        Path.of("a.json"), Json.read("{\"headers\":{\"x-client-id\":\"t_1\"}}"));

    assertThat(BenchEvents.chooseSample(List.copyOf(samples.keySet()), samples::get)).isEqualTo(Path.of("a.json"));
  }
}
