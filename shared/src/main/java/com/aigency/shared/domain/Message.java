package com.aigency.shared.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One message of a conversation; metadata carries what the type needs (an approval id, a brief). */
public record Message(
    String id,
    String conversationId,
    Author author,
    Type type,
    String content,
    JsonNode metadata,
    Instant createdAt) {

  public enum Author {
    USER,
    AGENT
  }

  public enum Type {
    TEXT,
    APPROVAL_REQUEST,
    APPROVAL_RESPONSE,
    AGENT_ACTION,
    FB_CONNECT,
    REPORT
  }
}
