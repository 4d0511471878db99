package com.aigency.shared.vault;

import java.util.Base64;
import java.util.Objects;

/**
 * A Meta access token sealed by {@link TokenVault}: AES-256-GCM ciphertext under a KMS data key,
 * stored next to the data key encrypted by KMS. All binary parts are standard base64 strings, so
 * the record serialises as-is to JSON (Jackson) and to DynamoDB string attributes.
 *
 * <p>{@link #toString()} prints only the key id, algorithm, version and sizes, never ciphertext.
 *
 * @param keyId ARN of the KMS key that encrypted the data key (as returned by GenerateDataKey)
 * @param encryptedDataKey base64 of the KMS ciphertext blob of the data key
 * @param iv base64 of the 12-byte AES-GCM nonce
 * @param ciphertext base64 of the AES-GCM ciphertext followed by the 16-byte tag
 * @param algorithm always {@value TokenVault#ALGORITHM}
 * @param version format version, {@value TokenVault#VERSION}
 */
public record SealedToken(
    String keyId,
    String encryptedDataKey,
    String iv,
    String ciphertext,
    String algorithm,
    int version) {

  public SealedToken {
    requireText(keyId, "keyId");
    requireText(encryptedDataKey, "encryptedDataKey");
    requireText(iv, "iv");
    requireText(ciphertext, "ciphertext");
    requireText(algorithm, "algorithm");
  }

  static SealedToken of(String keyId, byte[] encryptedDataKey, byte[] iv, byte[] ciphertext) {
    Base64.Encoder b64 = Base64.getEncoder();
    return new SealedToken(
        keyId,
        b64.encodeToString(encryptedDataKey),
        b64.encodeToString(iv),
        b64.encodeToString(ciphertext),
        TokenVault.ALGORITHM,
        TokenVault.VERSION);
  }

  byte[] encryptedDataKeyBytes() {
    return decode(encryptedDataKey, "encryptedDataKey");
  }

  byte[] ivBytes() {
    return decode(iv, "iv");
  }

  byte[] ciphertextBytes() {
    return decode(ciphertext, "ciphertext");
  }

  private static byte[] decode(String value, String field) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new TokenVaultException(
          TokenVaultException.Reason.MALFORMED, "Sealed token field '" + field + "' is not base64");
    }
  }

  private static void requireText(String value, String field) {
    Objects.requireNonNull(value, () -> "Sealed token field '" + field + "' is missing");
    if (value.isBlank()) {
      throw new IllegalArgumentException("Sealed token field '" + field + "' is blank");
    }
  }

  @Override
  public String toString() {
    return "SealedToken[keyId="
        + keyId
        + ", algorithm="
        + algorithm
        + ", version="
        + version
        + ", ciphertext=<"
        + ciphertext.length()
        + " base64 chars, redacted>]";
  }
}
