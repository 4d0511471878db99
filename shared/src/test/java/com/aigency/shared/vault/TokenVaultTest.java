package com.aigency.shared.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;

/** Pure parts of the vault, with an in-memory stand-in for KMS (the wire is tested in local/). */
class TokenVaultTest {

  private static final String TOKEN = "EAAGm0PX4ZCpsBAFakeLongLivedToken123";
  private static final String KEY_ARN = "arn:aws:kms:us-east-1:000000000000:key/k-1";

  private final FakeKms kms = new FakeKms();
  private final TokenVault vault = new TokenVault(kms, "alias/test-tokens", new SecureRandom());

  @Test
  void encryptionContextNamesTenantUserAndPurpose() {
    assertThat(TokenVault.encryptionContext("t-1", "u-1"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("tenantId", "t-1", "userId", "u-1", "purpose", "meta-access-token"));
  }

  @Test
  void aadIsUnambiguousAndBindsTenantAndUser() {
    assertThat(TokenVault.aad("ab", "c")).isNotEqualTo(TokenVault.aad("a", "bc"));
    assertThat(TokenVault.aad("t", "u")).isNotEqualTo(TokenVault.aad("u", "t"));
    assertThat(TokenVault.aad("t", "u")).isEqualTo(TokenVault.aad("t", "u"));
  }

  @Test
  void sealAsksKmsForAnAes256DataKeyWithTheContext() {
    SealedToken sealed = vault.seal(TOKEN, "t-1", "u-1");

    GenerateDataKeyRequest request = kms.generateRequests.get(0);
    assertThat(request.keyId()).isEqualTo("alias/test-tokens");
    assertThat(request.keySpec()).isEqualTo(DataKeySpec.AES_256);
    assertThat(request.encryptionContext()).isEqualTo(TokenVault.encryptionContext("t-1", "u-1"));
    assertThat(sealed.keyId()).isEqualTo(KEY_ARN);
    assertThat(sealed.algorithm()).isEqualTo("AES-256-GCM");
    assertThat(sealed.version()).isEqualTo(1);
    assertThat(Base64.getDecoder().decode(sealed.iv())).hasSize(12);
    assertThat(Base64.getDecoder().decode(sealed.ciphertext()))
        .hasSize(TOKEN.getBytes(StandardCharsets.UTF_8).length + 16);
  }

  @Test
  void roundTripsIncludingNonAsciiTokens() {
    assertThat(vault.open(vault.seal(TOKEN, "t-1", "u-1"), "t-1", "u-1")).isEqualTo(TOKEN);
    assertThat(vault.open(vault.seal("tøkën-✓", "t-1", "u-1"), "t-1", "u-1"))
        .isEqualTo("tøkën-✓");

    DecryptRequest decrypt = kms.decryptRequests.get(0);
    assertThat(decrypt.keyId()).isEqualTo(KEY_ARN);
    assertThat(decrypt.encryptionContext()).isEqualTo(TokenVault.encryptionContext("t-1", "u-1"));
  }

  @Test
  void otherTenantOrUserCannotOpen() {
    SealedToken sealed = vault.seal(TOKEN, "t-1", "u-1");

    for (String[] who : new String[][] {{"t-2", "u-1"}, {"t-1", "u-2"}}) {
      assertThatThrownBy(() -> vault.open(sealed, who[0], who[1]))
          .isInstanceOfSatisfying(
              TokenVaultException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(TokenVaultException.Reason.NOT_OPENABLE);
                assertThat(e.getMessage())
                    .contains("another tenant or user")
                    .doesNotContain(TOKEN)
                    .doesNotContain(sealed.ciphertext());
              });
    }
  }

  @Test
  void gcmAadCatchesAContextTheKmsStandInDidNotCheck() {
    kms.checkContext = false;
    SealedToken sealed = vault.seal(TOKEN, "t-1", "u-1");

    assertThatThrownBy(() -> vault.open(sealed, "t-2", "u-1"))
        .isInstanceOf(TokenVaultException.class)
        .extracting(e -> ((TokenVaultException) e).reason())
        .isEqualTo(TokenVaultException.Reason.NOT_OPENABLE);
  }

  @Test
  void tamperedIvOrCiphertextFails() {
    SealedToken sealed = vault.seal(TOKEN, "t-1", "u-1");
    SealedToken badIv =
        new SealedToken(
            sealed.keyId(), sealed.encryptedDataKey(), flip(sealed.iv()), sealed.ciphertext(),
            sealed.algorithm(), sealed.version());
    SealedToken badCiphertext =
        new SealedToken(
            sealed.keyId(), sealed.encryptedDataKey(), sealed.iv(), flip(sealed.ciphertext()),
            sealed.algorithm(), sealed.version());

    for (SealedToken tampered : List.of(badIv, badCiphertext)) {
      assertThatThrownBy(() -> vault.open(tampered, "t-1", "u-1"))
          .isInstanceOf(TokenVaultException.class)
          .hasMessageNotContaining(TOKEN);
    }
  }

  @Test
  void malformedSealedTokensAreRejectedClearly() {
    SealedToken sealed = vault.seal(TOKEN, "t-1", "u-1");

    assertMalformed(
        new SealedToken(
            sealed.keyId(), sealed.encryptedDataKey(), "not base64!", sealed.ciphertext(),
            sealed.algorithm(), 1),
        "iv");
    assertMalformed(
        new SealedToken(
            sealed.keyId(), sealed.encryptedDataKey(), "AAAA", sealed.ciphertext(),
            sealed.algorithm(), 1),
        "IV");
    assertMalformed(
        new SealedToken(
            sealed.keyId(), sealed.encryptedDataKey(), sealed.iv(), sealed.ciphertext(),
            "AES-128-CBC", 1),
        "Unsupported");
    assertMalformed(
        new SealedToken(
            sealed.keyId(), sealed.encryptedDataKey(), sealed.iv(), sealed.ciphertext(),
            sealed.algorithm(), 2),
        "Unsupported");
  }

  @Test
  void kmsFailuresAreWrappedWithoutSecrets() {
    kms.failWith =
        (KmsException)
            KmsException.builder()
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("ThrottlingException")
                        .errorMessage("Rate exceeded")
                        .build())
                .statusCode(400)
                .build();

    assertThatThrownBy(() -> vault.seal(TOKEN, "t-1", "u-1"))
        .isInstanceOfSatisfying(
            TokenVaultException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(TokenVaultException.Reason.KMS_FAILURE);
              assertThat(e.getMessage())
                  .contains("GenerateDataKey", "ThrottlingException")
                  .doesNotContain(TOKEN);
            });
  }

  @Test
  void twoSealsOfTheSameTokenDiffer() {
    SealedToken first = vault.seal(TOKEN, "t-1", "u-1");
    SealedToken second = vault.seal(TOKEN, "t-1", "u-1");

    assertThat(first.iv()).isNotEqualTo(second.iv());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(first.encryptedDataKey()).isNotEqualTo(second.encryptedDataKey());
  }

  @Test
  void sealedTokenRoundTripsThroughJsonAndHidesCiphertextInToString() {
    SealedToken sealed = vault.seal(TOKEN, "t-1", "u-1");

    String json = Json.write(sealed);
    assertThat(json).doesNotContain(TOKEN).contains("\"algorithm\":\"AES-256-GCM\"");
    SealedToken back = Json.MAPPER.convertValue(Json.read(json), SealedToken.class);
    assertThat(back).isEqualTo(sealed);
    assertThat(vault.open(back, "t-1", "u-1")).isEqualTo(TOKEN);

    assertThat(sealed.toString())
        .contains(KEY_ARN, "AES-256-GCM", "redacted")
        .doesNotContain(sealed.ciphertext())
        .doesNotContain(sealed.encryptedDataKey())
        .doesNotContain(sealed.iv())
        .doesNotContain(TOKEN);
  }

  @Test
  void rejectsMissingInputs() {
    assertThatThrownBy(() -> vault.seal("", "t-1", "u-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vault.seal(TOKEN, " ", "u-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vault.seal(TOKEN, "t-1", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SealedToken("k", "", "iv", "c", "AES-256-GCM", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(kms.generateRequests).isEmpty();
  }

  @Test
  void fromEnvironmentNeedsTheKeyId() {
    assertThatThrownBy(() -> TokenVault.fromEnvironment(name -> null))
        .isInstanceOfSatisfying(
            TokenVaultException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(TokenVaultException.Reason.CONFIGURATION);
              assertThat(e.getMessage()).contains("TOKEN_KEY_ID");
            });
  }

  private void assertMalformed(SealedToken sealed, String messagePart) {
    assertThatThrownBy(() -> vault.open(sealed, "t-1", "u-1"))
        .isInstanceOfSatisfying(
            TokenVaultException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(TokenVaultException.Reason.MALFORMED);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }

  private static String flip(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    bytes[bytes.length - 1] ^= 0x01;
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Remembers each data key with its context; rejects a decrypt under another context. */
  private static final class FakeKms implements KmsClient {
    final List<GenerateDataKeyRequest> generateRequests = new ArrayList<>();
    final List<DecryptRequest> decryptRequests = new ArrayList<>();
    final Map<String, byte[]> keys = new HashMap<>();
    final Map<String, Map<String, String>> contexts = new HashMap<>();
    final SecureRandom random = new SecureRandom();
    boolean checkContext = true;
    KmsException failWith;

    @Override
    public GenerateDataKeyResponse generateDataKey(Consumer<GenerateDataKeyRequest.Builder> r) {
      GenerateDataKeyRequest.Builder builder = GenerateDataKeyRequest.builder();
      r.accept(builder);
      GenerateDataKeyRequest request = builder.build();
      generateRequests.add(request);
      if (failWith != null) {
        throw failWith;
      }
      byte[] key = new byte[32];
      random.nextBytes(key);
      byte[] handle = new byte[24];
      random.nextBytes(handle);
      String id = Base64.getEncoder().encodeToString(handle);
      keys.put(id, key.clone());
      contexts.put(id, request.encryptionContext());
      return GenerateDataKeyResponse.builder()
          .keyId(KEY_ARN)
          .plaintext(SdkBytes.fromByteArray(key))
          .ciphertextBlob(SdkBytes.fromByteArray(handle))
          .build();
    }

    @Override
    public DecryptResponse decrypt(Consumer<DecryptRequest.Builder> r) {
      DecryptRequest.Builder builder = DecryptRequest.builder();
      r.accept(builder);
      DecryptRequest request = builder.build();
      decryptRequests.add(request);
      String id = Base64.getEncoder().encodeToString(request.ciphertextBlob().asByteArray());
      byte[] key = keys.get(id);
      if (key == null
          || (checkContext && !contexts.get(id).equals(request.encryptionContext()))) {
        throw InvalidCiphertextException.builder().message("invalid ciphertext").build();
      }
      return DecryptResponse.builder().keyId(KEY_ARN).plaintext(SdkBytes.fromByteArray(key)).build();
    }

    @Override
    public String serviceName() {
      return "kms";
    }

    @Override
    public void close() {}
  }
}
