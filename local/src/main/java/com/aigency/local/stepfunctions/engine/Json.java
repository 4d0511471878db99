package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.AwsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** JSON text in and out, as the Step Functions API carries documents. */
final class Json {

  private Json() {}

  static String write(JsonNode node) {
    try {
      return AwsJson.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The document in {@code text}, or empty when it is not exactly one JSON value. */
  static Optional<JsonNode> parse(String text) {
    try {
      JsonNode node = AwsJson.MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Why {@code text} is not one JSON value, for error messages; null when it is. */
  static String problem(String text) {
    try {
      JsonNode node = AwsJson.MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? "No content to map due to end-of-input" : null;
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    }
  }
}
