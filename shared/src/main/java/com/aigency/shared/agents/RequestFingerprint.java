package com.aigency.shared.agents;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * SHA-256 (hex) of a request in canonical JSON: object keys sorted at every depth, no whitespace.
 * Two calls with the same inputs hash the same however their schema objects were built, so runs can
 * be compared and repeated inputs spotted.
 */
final class RequestFingerprint {
  private RequestFingerprint() {}

  static String of(ModelRequest request) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("agent", request.agent());
    node.put("model", request.model());
    node.put("systemPrompt", request.systemPrompt());
    ArrayNode messages = node.putArray("messages");
    request.messages().forEach(m -> messages.addObject().put("role", m.role().name()).put("content", m.content()));
    node.set("outputSchema", request.outputSchema());
    node.put("schemaName", request.schemaName());
    node.put("maxOutputTokens", request.maxOutputTokens());
    return sha256(canonical(node).toString());
  }

  private static JsonNode canonical(JsonNode node) {
    if (node == null) {
      return Json.MAPPER.nullNode();
    }
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
      ObjectNode out = Json.MAPPER.createObjectNode();
      sorted.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      node.forEach(child -> out.add(canonical(child)));
      return out;
    }
    return node;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
