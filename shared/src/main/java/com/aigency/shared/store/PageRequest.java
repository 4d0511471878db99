package com.aigency.shared.store;

import com.aigency.shared.http.ApiException;
import java.util.Optional;

/** Page size and position asked for by a client ({@code ?limit=&nextToken=}). */
public record PageRequest(int limit, Optional<String> nextToken) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty());
  }

  public static PageRequest parse(Optional<String> limit, Optional<String> nextToken) {
    int size = DEFAULT_LIMIT;
    if (limit.isPresent()) {
      try {
        size = Integer.parseInt(limit.get());
      } catch (NumberFormatException e) {
        throw ApiException.invalid("limit", "'limit' must be a whole number");
      }
      if (size < 1 || size > MAX_LIMIT) {
        throw ApiException.invalid("limit", "'limit' must be between 1 and " + MAX_LIMIT);
      }
    }
    return new PageRequest(size, nextToken);
  }
}
