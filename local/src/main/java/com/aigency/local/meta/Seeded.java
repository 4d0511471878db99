package com.aigency.local.meta;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic "random" numbers derived from a seed and a key (object id, day...), never from a
 * generator's state, so results do not depend on the order or number of calls.
 *
 * <p>{@code uniform(seed, parts...)} hashes the seed and the parts' UTF-8 bytes with FNV-1a (64
 * bit), finishes with the SplitMix64 mixer and keeps the top 53 bits: a double in [0, 1).
 */
final class Seeded {

  private Seeded() {}

  static double uniform(long seed, Object... parts) {
    long h = 0xcbf29ce484222325L ^ mix(seed);
    for (Object part : parts) {
      for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x100000001b3L;
      }
      h ^= 0x1f; // separator, so ("ab","c") differs from ("a","bc")
      h *= 0x100000001b3L;
    }
    return (mix(h) >>> 11) * 0x1.0p-53;
  }

  /** A value drawn uniformly from [lo, hi]. */
  static double between(double lo, double hi, long seed, Object... parts) {
    return lo + (hi - lo) * uniform(seed, parts);
  }

  private static long mix(long z) {
    z += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
