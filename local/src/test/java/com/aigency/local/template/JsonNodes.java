package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Tiny JSON constructors for the tests. */
final class JsonNodes {

  private JsonNodes() {}

  static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }

  static JsonNode single(String key, JsonNode value) {
    return JsonNodeFactory.instance.objectNode().set(key, value);
  }
}
