package com.aigency.local.agents;

import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.json.Json;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/** A fake model: always the same valid output, token usage from a rule, every request counted. */
final class FixedUsageModel implements ModelClient {
  final AtomicInteger requests = new AtomicInteger();
  private final ToLongFunction<ModelRequest> inputTokens;
  private final ToLongFunction<ModelRequest> outputTokens;

  FixedUsageModel(ToLongFunction<ModelRequest> inputTokens, ToLongFunction<ModelRequest> outputTokens) {
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
  }

  @Override
  public ModelReply complete(ModelRequest request) {
    requests.incrementAndGet();
    return new ModelReply(
        Json.read("{\"headline\":\"Fresh bread daily\"}"),
        inputTokens.applyAsLong(request),
        outputTokens.applyAsLong(request),
        request.model(),
        false);
  }
}
