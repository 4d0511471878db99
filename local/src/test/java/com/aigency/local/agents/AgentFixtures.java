package com.aigency.local.agents;

import com.aigency.shared.agents.AgentCall;
import com.aigency.shared.agents.AgentControlStore;
import com.aigency.shared.agents.AgentRunStore;
import com.aigency.shared.agents.AgentRuntime;
import com.aigency.shared.agents.BudgetStore;
import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.InputTokenCeiling;
import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.agents.PriceTable;
import com.aigency.shared.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The agent stores and runtime over one fresh table of DynamoDB Local. */
final class AgentFixtures {
  static final String MODEL = "gpt-4o-mini";
  static final int MAX_OUTPUT_TOKENS = 300;

  final DynamoDbClient dynamo = AgentsDynamo.client();
  final String table = AgentsDynamo.freshTable();
  final Clock clock = new StepClock(Instant.parse("2026-11-23T10:00:00Z"));
  final PriceTable prices = PriceTable.defaults();
  final AgentRunStore runs = new AgentRunStore(dynamo, table);
  final AgentControlStore controls = new AgentControlStore(dynamo, table, clock);
  final BudgetStore budgets = new BudgetStore(dynamo, table, clock, BudgetStore.DEFAULT_MONTHLY_LIMIT_MICROS);

  AgentRuntime runtime(ModelClient model) {
    return new AgentRuntime(model, controls, budgets, runs, prices, clock, AgentRuntime.Settings.withDefaultModel(MODEL));
  }

  static AgentCall call(String tenantId, String agent) {
    var request =
        new ModelRequest(
            agent,
            null,
            "You write one ad headline.",
            List.of(ChatMessage.user("A bakery in Lyon")),
            Json.read(
                "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"headline\"],"
                    + "\"properties\":{\"headline\":{\"type\":\"string\"}}}"),
            "headline",
            MAX_OUTPUT_TOKENS);
    return new AgentCall(tenantId, "p_1", agent, "write-headline", request);
  }

  /** The reservation the runtime makes for {@link #call}: its input ceiling and full output. */
  long worstCaseOfOneCall() {
    var request = call("t_any", "copywriter").request().withModel(MODEL);
    return prices.worstCaseMicros(MODEL, InputTokenCeiling.of(request), MAX_OUTPUT_TOKENS);
  }
}
