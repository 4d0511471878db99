package com.aigency.shared.agents;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a model returned: the parsed JSON output (null when the reply was not JSON at all; it may
 * still be invalid against the schema), token usage, the model that answered, and whether it was
 * the offline model.
 */
public record ModelReply(JsonNode output, long inputTokens, long outputTokens, String model, boolean offline) {}
