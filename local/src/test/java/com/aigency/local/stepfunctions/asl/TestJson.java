package com.aigency.local.stepfunctions.asl;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

/** Test helper: JSON from text, with single quotes allowed for readability in Java strings. */
final class TestJson {
  private TestJson() {}

  static JsonNode json(String text) {
    return Json.read(text);
  }

  /** JSON written with ' for " (only for texts without apostrophes in values). */
  static JsonNode q(String text) {
    return Json.read(text.replace('\'', '"'));
  }
}
