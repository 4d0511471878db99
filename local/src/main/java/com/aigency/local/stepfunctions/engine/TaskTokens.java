package com.aigency.local.stepfunctions.engine;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and checks task tokens: a random id authenticated with an HMAC under the engine's key, so a
 * token is unguessable and a token the engine never issued is told apart (InvalidToken) from one it
 * issued whose task is gone (TaskDoesNotExist) or closed (TaskTimedOut). The key is kept in the
 * data folder, so tokens stay valid across restarts.
 */
final class TaskTokens {

  /** An issued token and the id executions track it by. */
  record Minted(String id, String token) {}

  private static final byte VERSION = 1;
  private static final int ID_BYTES = 16;
  private static final int MAC_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  TaskTokens(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  Minted mint() {
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    ByteBuffer token = ByteBuffer.allocate(1 + ID_BYTES + MAC_BYTES);
    token.put(VERSION).put(id).put(mac(id));
    return new Minted(HexFormat.of().formatHex(id), ENCODER.encodeToString(token.array()));
  }

  /**
   * The id of a token this engine minted.
   *
   * @throws com.aigency.local.aws.AwsJsonException InvalidToken for anything else
   */
  String idOf(String token) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(token);
    } catch (IllegalArgumentException e) {
      throw SfnErrors.invalidToken("Invalid token");
    }
    if (bytes.length != 1 + ID_BYTES + MAC_BYTES || bytes[0] != VERSION) {
      throw SfnErrors.invalidToken("Invalid token");
    }
    byte[] id = new byte[ID_BYTES];
    byte[] mac = new byte[MAC_BYTES];
    ByteBuffer.wrap(bytes, 1, ID_BYTES + MAC_BYTES).get(id).get(mac);
    if (!MessageDigest.isEqual(mac, mac(id))) {
      throw SfnErrors.invalidToken("Invalid token");
    }
    return HexFormat.of().formatHex(id);
  }

  private byte[] mac(byte[] id) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      hmac.update(VERSION);
      byte[] full = hmac.doFinal(id);
      byte[] truncated = new byte[MAC_BYTES];
      System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
      return truncated;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
