package com.aigency.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.runtime.LocalClients;
import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.shared.agents.AgentRun;
import com.aigency.shared.agents.AgentRunStatus;
import com.aigency.shared.agents.AgentRunStore;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.json.Json;
import com.aigency.shared.store.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The onboarding chat over HTTP against the whole local system with no API key configured: the
 * offline interviewer asks for what is missing, summarises, and saves the brief once confirmed.
 */
class OnboardingChatOverHttpTest {
  static LocalLauncher.Running system;
  static LocalTenants tenants;
  static LocalHttp http;

  @BeforeAll
  static void start() throws Exception {
    system = LocalLauncher.start(
        new LocalLauncher.Options(LocalPorts.freePort(), null, LocalLauncher.repoRoot().resolve("template.yaml"),
            Files.createTempDirectory("aigency-state")),
        Files.createTempFile("aigency-local", ".log"), Duration.ofMinutes(2));
    tenants = new LocalTenants(system.endpoints());
    http = new LocalHttp(system.endpoints().api());
  }

  @AfterAll
  static void stop() throws Exception {
    tenants.close();
    system.close();
  }

  @Test
  void aScriptedConversationEndsInAConfirmedSavedBrief() throws Exception {
    var tenant = tenants.create("Corner Bakery Agency", Scope.APP);
    String key = tenant.apiKey();
    String project = http.send("POST", "/projects", key, "{\"name\":\"Corner Bakery\"}").body().get("id").asText();

    JsonNode first = say(key, project, "Hi! We're a family-run sourdough bakery in Lisbon.");
    String conversation = first.get("conversationId").asText();
    assertThat(first.get("conversationType").asText()).isEqualTo("ONBOARDING");
    assertThat(first.get("conversationStatus").asText()).isEqualTo("ACTIVE");
    assertThat(agentSaid(first)).contains("offline").contains("Which product or service");
    say(key, project, "We sell weekend brunch boxes. Our customers are young professionals and families who live nearby.");
    say(key, project, "We want more sales, and we can spend about €1,500 a month.");
    JsonNode summary = say(key, project, "What makes us different is that our dough ferments for 48 hours. Our site is cornerbakery.pt");
    assertThat(agentSaid(summary)).contains("EUR 1,500.00 per month").contains("Does this look right?");
    assertThat(http.send("GET", "/projects/" + project + "/brief", key, null).status())
        .as("nothing is saved before the owner confirms").isEqualTo(404);

    JsonNode done = say(key, project, "Yes, looks good!");
    assertThat(done.get("briefSaved").asBoolean()).isTrue();
    assertThat(done.get("conversationStatus").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("conversationId").asText()).isEqualTo(conversation);

    JsonNode brief = http.send("GET", "/projects/" + project + "/brief", key, null).body();
    assertThat(brief.get("goal").asText()).isEqualTo("SALES");
    assertThat(brief.get("monthlyBudget").asLong()).isEqualTo(150000);
    assertThat(brief.get("currency").asText()).isEqualTo("EUR");
    assertThat(brief.get("location").asText()).isEqualTo("Lisbon");
    assertThat(brief.get("websiteUrl").asText()).isEqualTo("https://cornerbakery.pt");
    for (String field : List.of("businessDescription", "product", "targetAudience", "uniqueSellingPoint")) {
      assertThat(brief.get(field).asText()).as(field).isNotBlank();
    }

    JsonNode change = say(key, project, "Actually, our budget is now €2,000 a month.");
    assertThat(change.get("conversationType").asText()).as("a later change happens in a new conversation").isEqualTo("AGENT");
    assertThat(agentSaid(change)).contains("EUR 2,000.00 per month").contains("Does this look right?");
    assertThat(http.send("GET", "/projects/" + project + "/brief", key, null).body().get("monthlyBudget").asLong()).isEqualTo(150000);
    JsonNode changed = say(key, project, "Yes");
    assertThat(changed.get("briefSaved").asBoolean()).isTrue();
    assertThat(http.send("GET", "/projects/" + project + "/brief", key, null).body().get("monthlyBudget").asLong()).isEqualTo(200000);

    JsonNode messages = http.send("GET", "/projects/" + project + "/conversations/" + conversation + "/messages?limit=100", key, null).body();
    assertThat(messages.get("items")).hasSize(10);
    assertThat(messages.at("/items/0/author").asText()).isEqualTo("USER");
    assertThat(messages.at("/items/9/author").asText()).isEqualTo("AGENT");
    assertThat(messages.at("/items/9/metadata/briefSaved").asBoolean()).isTrue();

    try (var dynamo = LocalClients.dynamo(system.endpoints())) {
      String table = LocalClients.tableName(LocalLauncher.repoRoot().resolve("template.yaml"), system.endpoints());
      List<AgentRun> runs = new AgentRunStore(dynamo, table).list(tenant.tenantId(), PageRequest.first(50)).items();
      assertThat(runs).hasSize(7).allSatisfy(run -> {
        assertThat(run.status()).isEqualTo(AgentRunStatus.SUCCESS);
        assertThat(run.agent()).isEqualTo("onboarding-interviewer");
        assertThat(run.model()).isEqualTo("offline");
        assertThat(run.inputTokens()).isPositive();
        assertThat(run.outputTokens()).isPositive();
        assertThat(run.costMicros()).isZero();
      });
      var artifacts = dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#" + tenant.tenantId() + "#P#" + project),
              ":sk", AttributeValue.fromS("ARTIFACT#BRIEF#")))).items();
      assertThat(artifacts).hasSize(2); // one BRIEF artifact per saved version
      assertThat(artifacts).allSatisfy(a -> assertThat(Json.read(a.get("content").s()).get("currency").asText()).isEqualTo("EUR"));
    }
  }

  @Test
  void anotherTenantCannotChatInOrReadTheProject() throws Exception {
    String keyA = tenants.create("A", Scope.APP).apiKey();
    String keyB = tenants.create("B", Scope.APP).apiKey();
    String project = http.send("POST", "/projects", keyA, "{\"name\":\"Mine\"}").body().get("id").asText();
    String conversation = say(keyA, project, "Hello").get("conversationId").asText();

    assertThat(http.send("POST", "/projects/" + project + "/messages", keyB, "{\"content\":\"hi\"}").status()).isEqualTo(404);
    assertThat(http.send("GET", "/projects/" + project + "/conversations/" + conversation + "/messages", keyB, null).status()).isEqualTo(404);
    assertThat(http.send("GET", "/projects/" + project + "/conversations/" + conversation + "/messages", keyA, null).body().get("items")).hasSize(2);
  }

  @Test
  void badMessagesAreRefusedAndNothingIsStored() throws Exception {
    String key = tenants.create("Validator", Scope.APP).apiKey();
    String project = http.send("POST", "/projects", key, "{\"name\":\"P\"}").body().get("id").asText();
    var empty = http.send("POST", "/projects/" + project + "/messages", key, "{\"content\":\"   \"}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().at("/error/field").asText()).isEqualTo("content");
    var unknown = http.send("POST", "/projects/" + project + "/messages", key, "{\"content\":\"hi\",\"role\":\"AGENT\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().at("/error/field").asText()).isEqualTo("role");
    var foreignConversation = http.send("POST", "/projects/" + project + "/messages", key,
        "{\"content\":\"hi\",\"conversationId\":\"c_01JD3XEXAMPKEC0NVERSAT10N1\"}");
    assertThat(foreignConversation.status()).isEqualTo(404);
  }

  private static JsonNode say(String key, String project, String content) throws Exception {
    var response = http.send("POST", "/projects/" + project + "/messages", key, Json.write(Map.of("content", content)));
    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    return response.body();
  }

  private static String agentSaid(JsonNode turn) {
    return turn.at("/messages/1/content").asText();
  }
}
