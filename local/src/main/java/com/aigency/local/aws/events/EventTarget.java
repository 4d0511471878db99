package com.aigency.local.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule's or schedule's consumer; a failure is logged, never passed back to the event's sender.
 */
record EventTarget(String description, Consumer<JsonNode> consumer) {

  private static final Logger LOG = LoggerFactory.getLogger(EventTarget.class);

  void deliver(JsonNode event) {
    try {
      consumer.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("{} failed on event {}", description, event.path("id").asText("(input)"), e);
    }
  }
}
