package com.aigency.agents.chat;

import com.aigency.agents.model.ModelClients;
import com.aigency.shared.agents.AgentControlStore;
import com.aigency.shared.agents.AgentRunStore;
import com.aigency.shared.agents.AgentRuntime;
import com.aigency.shared.agents.BudgetStore;
import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.agents.PriceTable;
import com.aigency.shared.agents.offline.OfflineModel;
import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.conversations.OnboardingChat;
import com.aigency.shared.store.ArtifactStore;
import com.aigency.shared.store.ConversationStore;
import com.aigency.shared.store.ProjectStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the agent runtime once per container from the environment template.yaml sets: the
 * OpenAI-compatible model when an API key is configured in Secrets Manager, otherwise the offline
 * model, which says plainly in every reply that it is offline.
 */
public final class AgentServices {
  private AgentServices() {}

  static OnboardingChat onboardingChat() {
    String table = AppConfig.fromEnvironment().tableName();
    var dynamo = AwsClients.dynamoDb();
    Clock clock = AppClock.system();
    return new OnboardingChat(
        new ProjectStore(dynamo, table), new ConversationStore(dynamo, table), new ArtifactStore(dynamo, table, com.aigency.shared.aws.Blobs.fromEnvironment()),
        runtime(dynamo, table, clock), clock);
  }

  /** The agent runtime over this table: online model when a key is configured, else offline. */
  public static AgentRuntime runtime(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table, Clock clock) {
    Map<String, String> env = System.getenv();
    Optional<ModelClient> online = ModelClients.fromEnvironment();
    ModelClient model = online.orElseGet(OfflineModel::new);
    String defaultModel = online.isPresent() ? env.getOrDefault("OPENAI_MODEL", "gpt-4o-mini") : OfflineModel.MODEL;
    return new AgentRuntime(
        model,
        new AgentControlStore(dynamo, table, clock),
        new BudgetStore(dynamo, table, clock, Long.parseLong(env.getOrDefault("AGENT_DEFAULT_MONTHLY_BUDGET_MICROS", "5000000"))),
        new AgentRunStore(dynamo, table),
        PriceTable.fromConfig(env.get("AGENT_PRICES")),
        clock,
        AgentRuntime.Settings.withDefaultModel(defaultModel));
  }
}
