package com.aigency.local.aws.kms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local KMS ciphertext format. Self-describing so Decrypt needs no KeyId:
 *
 * <pre>
 * version (1 byte) | key id length n (1 byte) | key id (n bytes, ASCII)
 *   | IV (12 bytes) | AES-GCM ciphertext and 16-byte tag
 * </pre>
 *
 * The header and the canonical encryption context are the GCM associated data, so changing the key
 * id, the context or any byte of the blob makes decryption fail.
 */
record CiphertextBlob(String keyId, byte[] header, byte[] iv, byte[] sealed) {

  private static final byte FORMAT_VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  static CiphertextBlob seal(KmsKey key, byte[] plaintext, byte[] context, SecureRandom random) {
    byte[] header = header(key.keyId());
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key.material(), iv);
      cipher.updateAAD(header);
      cipher.updateAAD(context);
      return new CiphertextBlob(key.keyId(), header, iv, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Parses the layout only; empty when the bytes are not a local KMS ciphertext. */
  static Optional<CiphertextBlob> parse(byte[] blob) {
    if (blob.length < 2 || blob[0] != FORMAT_VERSION) {
      return Optional.empty();
    }
    int idLength = Byte.toUnsignedInt(blob[1]);
    int ivStart = 2 + idLength;
    int sealedStart = ivStart + IV_BYTES;
    if (idLength == 0 || blob.length < sealedStart + TAG_BITS / 8) {
      return Optional.empty();
    }
    String keyId = new String(blob, 2, idLength, StandardCharsets.US_ASCII);
    return Optional.of(
        new CiphertextBlob(
            keyId,
            Arrays.copyOfRange(blob, 0, ivStart),
            Arrays.copyOfRange(blob, ivStart, sealedStart),
            Arrays.copyOfRange(blob, sealedStart, blob.length)));
  }

  /** The plaintext, or empty when the tag does not verify (tampered blob or other context). */
  Optional<byte[]> open(KmsKey key, byte[] context) {
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.material(), iv);
      cipher.updateAAD(header);
      cipher.updateAAD(context);
      return Optional.of(cipher.doFinal(sealed));
    } catch (javax.crypto.AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  byte[] toBytes() {
    return ByteBuffer.allocate(header.length + iv.length + sealed.length)
        .put(header)
        .put(iv)
        .put(sealed)
        .array();
  }

  private static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(2 + id.length)
        .put(FORMAT_VERSION)
        .put((byte) id.length)
        .put(id)
        .array();
  }

  private static Cipher cipher(int mode, byte[] material, byte[] iv)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(material, "AES"), new GCMParameterSpec(TAG_BITS, iv));
    return cipher;
  }
}
