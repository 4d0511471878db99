package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;

/** An {@code EventBridgeRule} or {@code CloudWatchEvent} event with its event pattern. */
public record EventRuleSource(String eventName, JsonNode pattern) implements EventSourceDef {}
