package com.aigency.shared.http;

import java.util.Map;
import java.util.Optional;

/** Header lookup by name, ignoring case, as HTTP defines it. */
public final class Headers {
  private Headers() {}

  public static Optional<String> find(Map<String, String> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
