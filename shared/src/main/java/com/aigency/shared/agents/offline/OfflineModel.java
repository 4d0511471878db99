package com.aigency.shared.agents.offline;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.agents.ModelException;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model used when no OpenAI API key is configured (SPEC section 7): deterministic, offline,
 * dispatching on {@link ModelRequest#agent()} to one {@link OfflineAgent} per agent. Every reply is
 * marked offline, reports model {@value #MODEL}, and estimates tokens as about four characters per
 * token so AgentRuns and budgets still see plausible numbers.
 */
public final class OfflineModel implements ModelClient {
  public static final String MODEL = "offline";

  private final Map<String, OfflineAgent> agents;

  /** Every offline agent that exists so far. */
  public OfflineModel() {
    this(List.of(new OnboardingInterviewer(), new Planner(), new Copywriter()));
  }

  public OfflineModel(List<OfflineAgent> agents) {
    this.agents = agents.stream().collect(Collectors.toUnmodifiableMap(OfflineAgent::name, Function.identity()));
  }

  @Override
  public ModelReply complete(ModelRequest request) throws ModelException {
    OfflineAgent agent = agents.get(request.agent());
    if (agent == null) {
      throw new ModelException(
          "Agent.ModelUnavailable", "the offline model has no " + request.agent() + " agent yet", null);
    }
    ObjectNode output = agent.respond(request);
    return new ModelReply(output, inputTokens(request), estimateTokens(output.toString().length()), MODEL, true);
  }

  static long inputTokens(ModelRequest request) {
    long chars = request.systemPrompt() == null ? 0 : request.systemPrompt().length();
    for (ChatMessage message : request.messages()) {
      chars += message.content().length();
    }
    return estimateTokens(chars);
  }

  /** Roughly what an OpenAI tokenizer yields for English text; never zero, as no real call is free. */
  static long estimateTokens(long chars) {
    return Math.max(1, (chars + 3) / 4);
  }
}
