package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges a Globals section into a resource's properties with the rules of the SAM translator
 * (samtranslator/plugins/globals/globals.py, GlobalProperties): maps merge recursively with the
 * resource winning on conflicts, lists concatenate (globals first), scalars and intrinsic function
 * calls are replaced by the resource's value, and a type mismatch keeps the resource's value.
 */
final class GlobalsMerge {

  private GlobalsMerge() {}

  static JsonNode merge(JsonNode global, JsonNode local) {
    if (global == null || global.isMissingNode()) {
      return local.deepCopy();
    }
    Kind globalKind = kindOf(global);
    Kind localKind = kindOf(local);
    if (globalKind != localKind || globalKind == Kind.PRIMITIVE) {
      return local.deepCopy();
    }
    if (globalKind == Kind.LIST) {
      ArrayNode merged = ((ArrayNode) global).deepCopy();
      local.forEach(item -> merged.add(item.deepCopy()));
      return merged;
    }
    ObjectNode merged = ((ObjectNode) global).deepCopy();
    local
        .properties()
        .forEach(e -> merged.set(e.getKey(), merge(global.get(e.getKey()), e.getValue())));
    return merged;
  }

  private enum Kind {
    PRIMITIVE,
    LIST,
    MAP
  }

  private static Kind kindOf(JsonNode node) {
    if (node.isObject() && !Nodes.isIntrinsic(node)) {
      return Kind.MAP;
    }
    return node.isArray() ? Kind.LIST : Kind.PRIMITIVE;
  }
}
