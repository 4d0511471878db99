package com.aigency.local.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as {@link OpenAiCompatibleServer} received it.
 *
 * @param headers by name, case-insensitive (Authorization included, for tests to assert on)
 * @param body the parsed JSON body, or a text node when it is not JSON
 * @param receivedAt when it arrived (tests measure retry delays between arrivals)
 */
public record RecordedRequest(
    String method, String path, Map<String, List<String>> headers, JsonNode body, Instant receivedAt) {
  public RecordedRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = java.util.Collections.unmodifiableMap(copy);
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
  }
}
