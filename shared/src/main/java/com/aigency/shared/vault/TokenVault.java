package com.aigency.shared.vault;

import com.aigency.shared.aws.AwsClients;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Envelope encryption of Meta access tokens with KMS.
 *
 * <p>{@link #seal} asks KMS for a fresh AES-256 data key (GenerateDataKey) under the encryption
 * context {@code {"tenantId": t, "userId": u, "purpose": "meta-access-token"}}, encrypts the token
 * locally with AES-GCM (random 12-byte IV, 128-bit tag, tenant and user bound again as additional
 * authenticated data) and keeps only the KMS-encrypted data key. {@link #open} has KMS decrypt the
 * data key under the same context, so a sealed token copied into another tenant's or user's
 * record fails to open. Plaintext data keys are zeroed after use and never cached.
 *
 * <p>Nothing here logs, or puts into an exception, a token, a data key or ciphertext.
 */
public final class TokenVault {

  /** Environment variable holding the KMS key id, ARN or alias (template.yaml Globals). */
  public static final String KEY_ID_ENV = "TOKEN_KEY_ID";

  /** The {@code purpose} entry of the KMS encryption context. */
  public static final String PURPOSE = "meta-access-token";

  public static final String CONTEXT_TENANT = "tenantId";
  public static final String CONTEXT_USER = "userId";
  public static final String CONTEXT_PURPOSE = "purpose";

  public static final String ALGORITHM = "AES-256-GCM";
  public static final int VERSION = 1;

  static final int IV_BYTES = 12;
  static final int TAG_BITS = 128;
  static final int KEY_BYTES = 32;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private static final Logger LOG = LoggerFactory.getLogger(TokenVault.class);

  private final KmsClient kms;
  private final String keyId;
  private final SecureRandom random;

  public TokenVault(KmsClient kms, String keyId) {
    this(kms, keyId, new SecureRandom());
  }

  TokenVault(KmsClient kms, String keyId, SecureRandom random) {
    this.kms = Objects.requireNonNull(kms, "kms");
    this.keyId = requireId(keyId, "keyId");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Builds the vault from {@value #KEY_ID_ENV} and the standard SDK environment. */
  public static TokenVault fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  static TokenVault fromEnvironment(Function<String, String> env) {
    String keyId = env.apply(KEY_ID_ENV);
    if (keyId == null || keyId.isBlank()) {
      throw new TokenVaultException(
          TokenVaultException.Reason.CONFIGURATION,
          "Environment variable " + KEY_ID_ENV + " (KMS key id or alias for tokens) is not set");
    }
    return new TokenVault(KmsClient.builder().httpClient(AwsClients.http()).build(), keyId.trim());
  }

  /** The KMS key id, ARN or alias new tokens are sealed under. */
  public String keyId() {
    return keyId;
  }

  /** The KMS encryption context binding a sealed token to its tenant and user. */
  public static Map<String, String> encryptionContext(String tenantId, String userId) {
    return Map.of(
        CONTEXT_TENANT, requireId(tenantId, "tenantId"),
        CONTEXT_USER, requireId(userId, "userId"),
        CONTEXT_PURPOSE, PURPOSE);
  }

  /** Seals {@code plaintextToken} for one tenant and user. */
  public SealedToken seal(String plaintextToken, String tenantId, String userId) {
    Objects.requireNonNull(plaintextToken, "plaintextToken");
    if (plaintextToken.isEmpty()) {
      throw new IllegalArgumentException("The token to seal is empty");
    }
    Map<String, String> context = encryptionContext(tenantId, userId);
    GenerateDataKeyResponse dataKey;
    try {
      dataKey =
          kms.generateDataKey(
              r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(context));
    } catch (KmsException e) {
      throw kmsFailure("GenerateDataKey", tenantId, userId, e);
    }
    byte[] key = dataKey.plaintext().asByteArray();
    byte[] token = plaintextToken.getBytes(StandardCharsets.UTF_8);
    try {
      if (key.length != KEY_BYTES) {
        throw new TokenVaultException(
            TokenVaultException.Reason.KMS_FAILURE,
            "KMS returned a data key of " + key.length + " bytes, expected " + KEY_BYTES);
      }
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key, iv, aad(tenantId, userId), token);
      LOG.debug("Sealed a token for tenant {} user {} under {}", tenantId, userId, dataKey.keyId());
      return SealedToken.of(
          dataKey.keyId(), dataKey.ciphertextBlob().asByteArray(), iv, ciphertext);
    } catch (GeneralSecurityException e) {
      throw new TokenVaultException(
          TokenVaultException.Reason.KMS_FAILURE,
          "AES-GCM encryption failed: " + e.getClass().getSimpleName());
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(token, (byte) 0);
    }
  }

  /**
   * Opens a token sealed for {@code tenantId} and {@code userId}.
   *
   * @throws TokenVaultException with {@link TokenVaultException.Reason#NOT_OPENABLE} if it was
   *     sealed for another tenant or user, or altered
   */
  public String open(SealedToken sealed, String tenantId, String userId) {
    Objects.requireNonNull(sealed, "sealed");
    Map<String, String> context = encryptionContext(tenantId, userId);
    if (!ALGORITHM.equals(sealed.algorithm()) || sealed.version() != VERSION) {
      throw new TokenVaultException(
          TokenVaultException.Reason.MALFORMED,
          "Unsupported sealed token format " + sealed.algorithm() + " v" + sealed.version());
    }
    byte[] iv = sealed.ivBytes();
    if (iv.length != IV_BYTES) {
      throw new TokenVaultException(
          TokenVaultException.Reason.MALFORMED,
          "Sealed token IV has " + iv.length + " bytes, expected " + IV_BYTES);
    }
    byte[] ciphertext = sealed.ciphertextBytes();
    SdkBytes encryptedKey = SdkBytes.fromByteArrayUnsafe(sealed.encryptedDataKeyBytes());
    DecryptResponse decrypted;
    try {
      decrypted =
          kms.decrypt(
              r ->
                  r.keyId(sealed.keyId())
                      .ciphertextBlob(encryptedKey)
                      .encryptionContext(context));
    } catch (InvalidCiphertextException | IncorrectKeyException e) {
      throw notOpenable(tenantId, userId);
    } catch (KmsException e) {
      throw kmsFailure("Decrypt", tenantId, userId, e);
    }
    byte[] key = decrypted.plaintext().asByteArray();
    byte[] token = null;
    try {
      if (key.length != KEY_BYTES) {
        throw notOpenable(tenantId, userId);
      }
      token = crypt(Cipher.DECRYPT_MODE, key, iv, aad(tenantId, userId), ciphertext);
      LOG.debug("Opened a token for tenant {} user {}", tenantId, userId);
      return utf8(token, tenantId, userId);
    } catch (AEADBadTagException e) {
      throw notOpenable(tenantId, userId);
    } catch (GeneralSecurityException e) {
      throw new TokenVaultException(
          TokenVaultException.Reason.NOT_OPENABLE,
          "AES-GCM decryption failed: " + e.getClass().getSimpleName());
    } finally {
      Arrays.fill(key, (byte) 0);
      if (token != null) {
        Arrays.fill(token, (byte) 0);
      }
    }
  }

  /**
   * Additional authenticated data: format, purpose, tenant and user, each length-prefixed so that
   * no two (tenant, user) pairs share an encoding.
   */
  static byte[] aad(String tenantId, String userId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String part :
        new String[] {ALGORITHM + "/v" + VERSION, PURPOSE, tenantId, userId}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      out.write(bytes.length >>> 24);
      out.write(bytes.length >>> 16);
      out.write(bytes.length >>> 8);
      out.write(bytes.length);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  static byte[] crypt(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(aad);
    return cipher.doFinal(input);
  }

  private static String utf8(byte[] token, String tenantId, String userId) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(token));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw notOpenable(tenantId, userId);
    }
  }

  private static TokenVaultException notOpenable(String tenantId, String userId) {
    return new TokenVaultException(
        TokenVaultException.Reason.NOT_OPENABLE,
        "The sealed token cannot be opened for tenant '"
            + tenantId
            + "' and user '"
            + userId
            + "': it was sealed for another tenant or user, or it was altered");
  }

  private static TokenVaultException kmsFailure(
      String operation, String tenantId, String userId, KmsException e) {
    String code =
        e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
    return new TokenVaultException(
        TokenVaultException.Reason.KMS_FAILURE,
        "KMS "
            + operation
            + " failed for tenant '"
            + tenantId
            + "' and user '"
            + userId
            + "': "
            + code,
        e);
  }

  private static String requireId(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }
}
