package com.aigency.shared.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key secrets: 256 random bits, shown once, stored only as SHA-256. A slow hash adds nothing
 * for a random 256-bit secret, and a fast one keeps the authorizer's lookup cheap.
 */
public final class ApiKeySecrets {
  public static final String PREFIX = "agk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeySecrets() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Cheap shape check so garbage never reaches the table. */
  public static boolean wellFormed(String key) {
    return key != null && key.length() == PREFIX.length() + 43 && key.startsWith(PREFIX)
        && key.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  public static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
