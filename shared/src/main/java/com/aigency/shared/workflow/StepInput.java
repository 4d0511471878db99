package com.aigency.shared.workflow;

import java.util.Map;
import java.util.Optional;

/**
 * What a state machine passes a Lambda step (the Payload of lambda:invoke): read field by field,
 * a missing or blank one is an IllegalArgumentException naming it.
 */
public record StepInput(Map<String, Object> raw) {

  public String required(String name) {
    Object value = raw == null ? null : raw.get(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("The step input lacks '" + name + "'");
    }
    return s;
  }

  public Optional<String> optional(String name) {
    Object value = raw == null ? null : raw.get(name);
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  public int round() {
    Object value = raw == null ? null : raw.get("round");
    if (value instanceof Number n && n.intValue() >= 1) {
      return n.intValue();
    }
    throw new IllegalArgumentException("The step input lacks a round >= 1");
  }

  public String tenantId() {
    return required("tenantId");
  }

  public String campaignId() {
    return required("campaignId");
  }

  /** True only when the field is the JSON boolean true. */
  public boolean flag(String name) {
    return raw != null && Boolean.TRUE.equals(raw.get(name));
  }
}
