package com.aigency.launch;

import java.util.Map;
import java.util.Optional;

/** What the campaign-launch state machine passes its steps (the Payload of lambda:invoke). */
record StepInput(Map<String, Object> raw) {

  String required(String name) {
    Object value = raw == null ? null : raw.get(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("The step input lacks '" + name + "'");
    }
    return s;
  }

  Optional<String> optional(String name) {
    Object value = raw == null ? null : raw.get(name);
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  int round() {
    Object value = raw == null ? null : raw.get("round");
    if (value instanceof Number n && n.intValue() >= 1) {
      return n.intValue();
    }
    throw new IllegalArgumentException("The step input lacks a round >= 1");
  }

  String tenantId() {
    return required("tenantId");
  }

  String campaignId() {
    return required("campaignId");
  }
}
