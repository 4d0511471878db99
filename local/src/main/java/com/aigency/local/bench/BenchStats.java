package com.aigency.local.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The two statistics the benchmark reports. Pure, so it is unit-tested. */
public final class BenchStats {
  private BenchStats() {}

  public static double min(Collection<Double> values) {
    requireValues(values);
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  /** The middle value; for an even count, the mean of the two middle values. */
  public static double median(Collection<Double> values) {
    requireValues(values);
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static void requireValues(Collection<Double> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("No values");
    }
    if (values.stream().anyMatch(v -> v == null || v.isNaN())) {
      throw new IllegalArgumentException("A value is missing: " + values);
    }
  }
}
