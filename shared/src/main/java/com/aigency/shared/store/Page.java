package com.aigency.shared.store;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the opaque token of the next page (null on the last). */
public record Page<T>(List<T> items, String nextToken) {
  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextToken);
  }
}
