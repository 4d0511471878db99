package com.aigency.shared.agents.offline;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the offline interviewer the way the runtime does: system prompt, the known brief (the
 * previous reply's brief), then the last {@link #WINDOW} chat messages.
 */
final class Interview {
  static final int WINDOW = 12;

  private final OfflineModel model = new OfflineModel();
  private final List<ChatMessage> chat = new ArrayList<>();
  private JsonNode brief = JsonNodeFactory.instance.objectNode();
  private ModelReply last;

  ModelReply say(String userText) {
    chat.add(ChatMessage.user(userText));
    last = model.complete(request());
    brief = last.output().get("brief");
    chat.add(ChatMessage.assistant(last.output().get("reply").asText()));
    return last;
  }

  ModelRequest request() {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(OnboardingInterviewer.knownBriefMessage(brief));
    messages.addAll(chat.subList(Math.max(0, chat.size() - WINDOW), chat.size()));
    return request(messages);
  }

  static ModelRequest request(List<ChatMessage> messages) {
    return new ModelRequest(
        OnboardingInterviewer.AGENT, "gpt-test", "You are the onboarding interviewer.", messages, null, "onboarding_interviewer_v1", 800);
  }

  JsonNode output() {
    return last.output();
  }

  String reply() {
    return last.output().get("reply").asText();
  }

  JsonNode brief() {
    return brief;
  }
}
