package com.aigency.shared.domain;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Identifiers: a type prefix plus a time-ordered, random, Crockford base32 body (ULID layout), so
 * sorting ids sorts by creation time and ids cannot be guessed.
 */
public final class Ids {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId(String prefix, Clock clock) {
    long millis = clock.millis();
    char[] body = new char[26];
    for (int i = 9; i >= 0; i--) {
      body[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    for (int i = 10; i < 26; i++) {
      body[i] = ALPHABET[random[i - 10] & 31];
    }
    return prefix + "_" + new String(body);
  }

  /**
   * An id of {@code prefix} derived from {@code seed} (SHA-256), the same every time: for items a
   * retried step must find again rather than create twice. Not time-ordered.
   */
  public static String derived(String prefix, String seed) {
    byte[] hash;
    try {
      hash = java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    char[] body = new char[26];
    for (int i = 0; i < 26; i++) {
      body[i] = ALPHABET[hash[i] & 31];
    }
    return prefix + "_" + new String(body);
  }

  /** True for something shaped like an id of {@code prefix}; a cheap guard before any lookup. */
  public static boolean looksLike(String prefix, String value) {
    return value != null && value.matches(prefix + "_[0-9A-HJKMNP-TV-Z]{26}");
  }
}
