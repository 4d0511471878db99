package com.aigency.shared.conversations;

import com.aigency.shared.domain.Message;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A message as the API shows it. */
public record MessageView(String id, String author, String type, String content, JsonNode metadata, Instant createdAt) {
  public static MessageView of(Message m) {
    return new MessageView(m.id(), m.author().name(), m.type().name(), m.content(), m.metadata(), m.createdAt());
  }
}
