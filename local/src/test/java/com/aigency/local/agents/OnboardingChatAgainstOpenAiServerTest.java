package com.aigency.local.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.agents.model.OpenAiModelClient;
import com.aigency.agents.model.OpenAiSettings;
import com.aigency.local.openai.OpenAiCompatibleServer;
import com.aigency.local.openai.RecordedRequest;
import com.aigency.shared.agents.AgentControlStore;
import com.aigency.shared.agents.AgentRun;
import com.aigency.shared.agents.AgentRunStatus;
import com.aigency.shared.agents.AgentRunStore;
import com.aigency.shared.agents.AgentRuntime;
import com.aigency.shared.agents.BudgetStore;
import com.aigency.shared.agents.PriceTable;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.conversations.ChatTurn;
import com.aigency.shared.conversations.OnboardingChat;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.json.Json;
import com.aigency.shared.projects.ProjectService;
import com.aigency.shared.store.ArtifactStore;
import com.aigency.shared.store.ConversationStore;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.ProjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The onboarding chat with a real model transport: the OpenAI SDK client talking HTTP to the
 * OpenAI-compatible test server, the agent runtime on DynamoDB Local. Never a mock of the client.
 */
class OnboardingChatAgainstOpenAiServerTest {
  private static final String CONFIRMED_BRIEF =
      """
      {"reply":"Saved, thank you!","brief":{"businessDescription":"Family bakery","product":"Sourdough","targetAudience":"Locals",
       "goal":"SALES","monthlyBudget":150000,"currency":"EUR","location":"Lisbon","uniqueSellingPoint":null,"websiteUrl":null},
       "missingFields":[],"readyToConfirm":false,"confirmed":true,"offline":false}""";
  private static final String NOT_THE_SCHEMA = "{\"reply\":\"Hello\",\"brief\":\"not an object\"}";

  private final DynamoDbClient dynamo = AgentsDynamo.client();
  private final String table = AgentsDynamo.freshTable();
  private final Clock clock = AppClock.system();
  private final ProjectStore projects = new ProjectStore(dynamo, table);
  private final AgentControlStore controls = new AgentControlStore(dynamo, table, clock);
  private final AgentRunStore runs = new AgentRunStore(dynamo, table);
  private final String tenant = Ids.newId("t", clock);
  private OpenAiCompatibleServer openAi;
  private OnboardingChat chat;
  private String project;

  @BeforeEach
  void start() throws Exception {
    openAi = OpenAiCompatibleServer.start(0);
    var client = new OpenAiModelClient(
        new OpenAiSettings(openAi.baseUrl(), "gpt-4o-mini", Duration.ofSeconds(5), 2, Optional.empty()), "sk-test-key");
    AgentRuntime runtime = new AgentRuntime(client, controls, new BudgetStore(dynamo, table, clock, 5_000_000), runs,
        PriceTable.fromConfig(null), clock, AgentRuntime.Settings.withDefaultModel("gpt-4o-mini"));
    chat = new OnboardingChat(projects, new ConversationStore(dynamo, table), new ArtifactStore(dynamo, table), runtime, clock);
    project = new ProjectService(projects, clock).create(tenant, Json.read("{\"name\":\"Bakery\"}")).id();
  }

  @AfterEach
  void stop() {
    openAi.close();
  }

  @Test
  void aReplyThatFailsTheSchemaIsRetriedWithTheErrorThenFailsCleanlyAndSavesNothing() {
    openAi.replyJson(NOT_THE_SCHEMA, 100, 20).replyJson(NOT_THE_SCHEMA, 120, 20).replyJson(NOT_THE_SCHEMA, 140, 20);

    ChatTurn turn = say("We are a bakery and yes, save it");

    assertThat(turn.agentRunStatus()).isEqualTo("FAILED");
    assertThat(turn.briefSaved()).isFalse();
    assertThat(turn.messages().get(1).content()).contains("Agent.InvalidOutput").contains("Your message is saved");
    List<RecordedRequest> requests = openAi.requests();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(1).body().toString()).contains("brief"); // the validation errors travel back to the model
    assertThat(requests.get(1).body().path("messages").size()).isGreaterThan(requests.get(0).body().path("messages").size());
    assertThat(projects.findBrief(tenant, project)).isEmpty();
    AgentRun run = onlyRun();
    assertThat(run.status()).isEqualTo(AgentRunStatus.FAILED);
    assertThat(run.error()).isEqualTo("Agent.InvalidOutput");
    assertThat(run.inputTokens()).isEqualTo(360);
    assertThat(run.costMicros()).isPositive();
  }

  @Test
  void rateLimitsAndServerErrorsAreRetriedWithBackoffAndTheConfirmedBriefIsSaved() {
    openAi.rateLimited(Duration.ofMillis(300)).serverError().replyJson(CONFIRMED_BRIEF, 200, 80);

    ChatTurn turn = say("Yes, that's right");

    assertThat(turn.agentRunStatus()).isEqualTo("SUCCESS");
    assertThat(turn.briefSaved()).isTrue();
    List<RecordedRequest> requests = openAi.requests();
    assertThat(requests).hasSize(3);
    assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(requests.get(0).header("authorization")).contains("Bearer sk-test-key");
    assertThat(requests.get(0).body().at("/response_format/json_schema/strict").asBoolean()).isTrue();
    assertThat(projects.findBrief(tenant, project)).hasValueSatisfying(b -> assertThat(b.monthlyBudget()).isEqualTo(150000));
    assertThat(onlyRun().status()).isEqualTo(AgentRunStatus.SUCCESS);
  }

  @Test
  void aPausedAgentMakesNoModelRequestUntilResumed() {
    controls.pause(tenant, OnboardingChat.AGENT, "operator review");

    ChatTurn paused = say("Hello?");

    assertThat(paused.agentRunStatus()).isEqualTo("KILLED");
    assertThat(paused.messages().get(1).content()).contains("paused");
    assertThat(openAi.requestCount()).isZero();

    controls.resume(tenant, OnboardingChat.AGENT);
    openAi.replyJson(CONFIRMED_BRIEF.replace("\"confirmed\":true", "\"confirmed\":false"), 50, 20);
    ChatTurn resumed = say("Hello again");
    assertThat(resumed.agentRunStatus()).isEqualTo("SUCCESS");
    assertThat(openAi.requestCount()).isEqualTo(1);
  }

  @Test
  void theModelSeesTheBriefAndOnlyTheLastMessages() {
    for (int i = 0; i < 10; i++) {
      openAi.replyJson(CONFIRMED_BRIEF.replace("\"confirmed\":true", "\"confirmed\":false"), 50, 20);
      say("message " + i);
    }
    var messages = openAi.requests().get(9).body().path("messages");
    // system prompt + known brief + at most CONTEXT_MESSAGES chat messages
    assertThat(messages.size()).isLessThanOrEqualTo(2 + OnboardingChat.CONTEXT_MESSAGES);
    assertThat(messages.toString()).contains("Known brief: ").contains("message 9").doesNotContain("message 0\"");
  }

  @Test
  void primingBeforeASnapshotWritesNothingAndCallsNoModel() {
    int items = dynamo.scan(b -> b.tableName(table)).count();
    chat.prime();
    assertThat(dynamo.scan(b -> b.tableName(table)).count()).isEqualTo(items);
    assertThat(openAi.requestCount()).isZero();
  }

  private ChatTurn say(String content) {
    return chat.post(tenant, project, Json.MAPPER.valueToTree(Map.of("content", content)));
  }

  private AgentRun onlyRun() {
    List<AgentRun> all = runs.list(tenant, PageRequest.first(10)).items();
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
