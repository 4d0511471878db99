package com.aigency.shared.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One structured-output call. outputSchema is a JSON Schema (draft 2020-12 subset OpenAI strict
 * mode accepts). {@code model} may be null when handed to {@link AgentRuntime}: the runtime then
 * fills in its configured default, so a {@link ModelClient} always receives a named model.
 */
public record ModelRequest(
    String agent,
    String model,
    String systemPrompt,
    List<ChatMessage> messages,
    JsonNode outputSchema,
    String schemaName,
    int maxOutputTokens) {

  public ModelRequest {
    messages = List.copyOf(messages);
    if (maxOutputTokens < 1) {
      throw new IllegalArgumentException("maxOutputTokens must be positive");
    }
  }

  public ModelRequest withModel(String newModel) {
    return new ModelRequest(agent, newModel, systemPrompt, messages, outputSchema, schemaName, maxOutputTokens);
  }

  public ModelRequest withMessages(List<ChatMessage> newMessages) {
    return new ModelRequest(agent, model, systemPrompt, newMessages, outputSchema, schemaName, maxOutputTokens);
  }
}
