package com.aigency.shared.agents.offline;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ChatMessage.Role;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The interviewer's view of {@code ModelRequest.messages()}. Message layout (the contract with the
 * runtime): an optional SYSTEM message (ignored; the prompt travels in {@code systemPrompt}), then
 * one USER message whose content is {@value OnboardingInterviewer#KNOWN_BRIEF_PREFIX} followed by the brief known so far
 * as a JSON object (ProjectBrief field names; missing or null means unknown; {@code {}} when nothing
 * is known), then the last N chat messages, oldest first, the user's newest message last.
 */
record InterviewTranscript(JsonNode knownBrief, List<ChatMessage> turns) {
  static InterviewTranscript of(List<ChatMessage> messages) {
    JsonNode known = null;
    List<ChatMessage> turns = new ArrayList<>();
    for (ChatMessage message : messages) {
      if (message.role() == Role.SYSTEM) {
        continue;
      }
      if (known == null && message.role() == Role.USER && message.content().startsWith(OnboardingInterviewer.KNOWN_BRIEF_PREFIX)) {
        known = parse(message.content().substring(OnboardingInterviewer.KNOWN_BRIEF_PREFIX.length()));
        continue;
      }
      turns.add(message);
    }
    return new InterviewTranscript(known, List.copyOf(turns));
  }

  /** A brief that is not valid JSON is treated as unknown: the conversation itself still counts. */
  private static JsonNode parse(String json) {
    try {
      JsonNode node = Json.MAPPER.readTree(json);
      return node != null && node.isObject() ? node : Json.MAPPER.createObjectNode();
    } catch (JsonProcessingException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}
