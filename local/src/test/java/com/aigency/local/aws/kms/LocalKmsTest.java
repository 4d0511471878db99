package com.aigency.local.aws.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.SdkClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

class LocalKmsTest {

  private static final String ALIAS = "alias/aigency-data";
  private static final Map<String, String> CONTEXT =
      Map.of("tenantId", "t-1", "purpose", "meta-token");

  @TempDir Path dataDirectory;

  private AwsJsonServer server;
  private LocalKms localKms;
  private KmsClient kms;
  private String keyId;

  @BeforeEach
  void start() throws IOException {
    localKms = new LocalKms(Clock.systemUTC(), dataDirectory);
    server = AwsJsonServer.start(0).register(localKms);
    kms = SdkClients.kms(server);
    keyId = localKms.createKey(null, ALIAS, "data key");
  }

  @AfterEach
  void stop() {
    kms.close();
    server.close();
  }

  @Test
  void encryptThenDecryptRoundTripsWithoutKeyId() {
    EncryptResponse encrypted = encrypt(ALIAS, "page access token", CONTEXT);

    assertThat(encrypted.keyId()).isEqualTo(LocalKms.keyArn(keyId));
    assertThat(new String(encrypted.ciphertextBlob().asByteArray(), StandardCharsets.ISO_8859_1))
        .doesNotContain("page access token");

    DecryptResponse decrypted =
        kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT));
    assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("page access token");
    assertThat(decrypted.keyId()).isEqualTo(LocalKms.keyArn(keyId));
  }

  @Test
  void acceptsKeyIdKeyArnAliasAndAliasArn() {
    for (String reference :
        new String[] {
          keyId, LocalKms.keyArn(keyId), ALIAS, "arn:aws:kms:us-east-1:000000000000:" + ALIAS
        }) {
      EncryptResponse encrypted = encrypt(reference, "x", Map.of());
      assertThat(
              kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).keyId(reference))
                  .plaintext()
                  .asUtf8String())
          .isEqualTo("x");
    }
  }

  @Test
  void encryptingTwiceGivesDifferentCiphertexts() {
    assertThat(encrypt(ALIAS, "same", CONTEXT).ciphertextBlob())
        .isNotEqualTo(encrypt(ALIAS, "same", CONTEXT).ciphertextBlob());
  }

  @Test
  void generateDataKeyBlobDecryptsToThePlaintextKey() {
    GenerateDataKeyResponse dataKey =
        kms.generateDataKey(
            r -> r.keyId(ALIAS).keySpec(DataKeySpec.AES_256).encryptionContext(CONTEXT));

    assertThat(dataKey.plaintext().asByteArray()).hasSize(32);
    assertThat(dataKey.keyId()).isEqualTo(LocalKms.keyArn(keyId));
    SdkBytes plaintext =
        kms.decrypt(r -> r.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(CONTEXT))
            .plaintext();
    assertThat(plaintext.asByteArray()).isEqualTo(dataKey.plaintext().asByteArray());
  }

  @Test
  void generateDataKeyTakesKeySpecOrNumberOfBytesButNotBoth() {
    assertThat(
            kms.generateDataKey(r -> r.keyId(ALIAS).keySpec(DataKeySpec.AES_128))
                .plaintext()
                .asByteArray())
        .hasSize(16);
    assertThat(kms.generateDataKey(r -> r.keyId(ALIAS).numberOfBytes(64)).plaintext().asByteArray())
        .hasSize(64);
    assertThat(
            kms.generateDataKeyWithoutPlaintext(r -> r.keyId(ALIAS).keySpec(DataKeySpec.AES_256))
                .ciphertextBlob())
        .isNotNull();

    assertThatThrownBy(() -> kms.generateDataKey(r -> r.keyId(ALIAS)))
        .isInstanceOfSatisfying(
            KmsException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    assertThatThrownBy(
            () ->
                kms.generateDataKey(
                    r -> r.keyId(ALIAS).keySpec(DataKeySpec.AES_256).numberOfBytes(32)))
        .isInstanceOf(KmsException.class);
    assertThatThrownBy(() -> kms.generateDataKey(r -> r.keyId(ALIAS).numberOfBytes(2000)))
        .isInstanceOf(KmsException.class);
  }

  @Test
  void decryptWithAnotherOrMissingEncryptionContextFails() {
    SdkBytes blob = encrypt(ALIAS, "secret", CONTEXT).ciphertextBlob();

    assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(blob)))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(
            () ->
                kms.decrypt(
                    r ->
                        r.ciphertextBlob(blob)
                            .encryptionContext(Map.of("tenantId", "t-2", "purpose", "meta-token"))))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(
            () ->
                kms.decrypt(
                    r -> r.ciphertextBlob(blob).encryptionContext(Map.of("tenantId", "t-1"))))
        .isInstanceOf(InvalidCiphertextException.class);

    SdkBytes withoutContext = encrypt(ALIAS, "secret", Map.of()).ciphertextBlob();
    assertThatThrownBy(
            () -> kms.decrypt(r -> r.ciphertextBlob(withoutContext).encryptionContext(CONTEXT)))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void tamperedOrForeignBlobsAreInvalidCiphertext() {
    byte[] blob = encrypt(ALIAS, "secret", CONTEXT).ciphertextBlob().asByteArray();

    for (int position : new int[] {blob.length - 1, blob.length - 20, 40}) {
      byte[] tampered = blob.clone();
      tampered[position] ^= 0x01;
      assertThatThrownBy(
              () ->
                  kms.decrypt(
                      r ->
                          r.ciphertextBlob(SdkBytes.fromByteArray(tampered))
                              .encryptionContext(CONTEXT)))
          .isInstanceOf(InvalidCiphertextException.class);
    }
    assertThatThrownBy(
            () -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromUtf8String("not a blob"))))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void decryptWithAKeyIdThatDidNotEncryptIsIncorrectKey() {
    String otherKey = localKms.createKey("other");
    SdkBytes blob = encrypt(ALIAS, "secret", Map.of()).ciphertextBlob();

    assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(blob).keyId(otherKey)))
        .isInstanceOf(IncorrectKeyException.class);
  }

  @Test
  void unknownKeysAndAliasesAreNotFound() {
    assertThatThrownBy(() -> encrypt("11111111-2222-3333-4444-555555555555", "x", Map.of()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> encrypt("alias/nope", "x", Map.of()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void createKeyDescribeKeyAndAliasesOverTheWire() {
    KeyMetadata created = kms.createKey(r -> r.description("made by the SDK")).keyMetadata();
    kms.createAlias(r -> r.aliasName("alias/sdk-made").targetKeyId(created.keyId()));

    KeyMetadata described = kms.describeKey(r -> r.keyId("alias/sdk-made")).keyMetadata();
    assertThat(described.keyId()).isEqualTo(created.keyId());
    assertThat(described.arn()).isEqualTo(LocalKms.keyArn(created.keyId()));
    assertThat(described.description()).isEqualTo("made by the SDK");
    assertThat(described.enabled()).isTrue();
    assertThat(described.creationDate()).isNotNull();

    assertThat(kms.listAliases().aliases())
        .extracting(AliasListEntry::aliasName, AliasListEntry::targetKeyId)
        .contains(
            org.assertj.core.groups.Tuple.tuple(ALIAS, keyId),
            org.assertj.core.groups.Tuple.tuple("alias/sdk-made", created.keyId()));
    assertThat(kms.listAliases(r -> r.keyId(keyId)).aliases())
        .extracting(AliasListEntry::aliasName)
        .containsExactly(ALIAS);
    assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName(ALIAS).targetKeyId(created.keyId())))
        .isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void javaApiCreatesKeysWithChosenIdsAndEnsureKeyIsIdempotent() {
    String chosen =
        localKms.createKey("0000aaaa-0000-0000-0000-000000000001", "alias/chosen", "chosen");
    assertThat(chosen).isEqualTo("0000aaaa-0000-0000-0000-000000000001");
    assertThat(kms.describeKey(r -> r.keyId("alias/chosen")).keyMetadata().keyId())
        .isEqualTo(chosen);

    assertThat(localKms.ensureKey(ALIAS, "ignored")).isEqualTo(keyId);
    String fresh = localKms.ensureKey("alias/fresh", "fresh");
    assertThat(localKms.ensureKey("alias/fresh", "fresh")).isEqualTo(fresh);

    assertThatThrownBy(() -> localKms.createKey(chosen, null, "again"))
        .isInstanceOfSatisfying(
            AwsJsonException.class,
            e -> assertThat(e.errorCode()).isEqualTo("AlreadyExistsException"));
  }

  @Test
  void keysAndAliasesSurviveARestartOnTheSameDirectory() throws IOException {
    Path directory = dataDirectory.resolve("restart");
    SdkBytes blob;
    String restartKey;
    LocalKms first = new LocalKms(Clock.systemUTC(), directory);
    restartKey = first.createKey(null, "alias/restart", "survives");
    try (AwsJsonServer server1 = AwsJsonServer.start(0).register(first);
        KmsClient kms1 = SdkClients.kms(server1)) {
      blob =
          kms1.encrypt(
                  r ->
                      r.keyId("alias/restart")
                          .plaintext(SdkBytes.fromUtf8String("kept"))
                          .encryptionContext(CONTEXT))
              .ciphertextBlob();
    }

    LocalKms restarted = new LocalKms(Clock.systemUTC(), directory);
    try (AwsJsonServer server2 = AwsJsonServer.start(0).register(restarted);
        KmsClient kms2 = SdkClients.kms(server2)) {
      assertThat(
              kms2.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(CONTEXT))
                  .plaintext()
                  .asUtf8String())
          .isEqualTo("kept");
      assertThat(kms2.describeKey(r -> r.keyId("alias/restart")).keyMetadata().keyId())
          .isEqualTo(restartKey);
      assertThat(restarted.ensureKey("alias/restart", "survives")).isEqualTo(restartKey);
    }
    String saved = Files.readString(directory.resolve("kms.json"), StandardCharsets.UTF_8);
    assertThat(saved).contains(restartKey).doesNotContain("kept");
    try (var files = Files.list(directory)) {
      assertThat(files)
          .extracting(file -> file.getFileName().toString())
          .containsExactly("kms.json");
    }
  }

  private EncryptResponse encrypt(
      String keyReference, String plaintext, Map<String, String> context) {
    return kms.encrypt(
        r ->
            r.keyId(keyReference)
                .plaintext(SdkBytes.fromUtf8String(plaintext))
                .encryptionContext(context));
  }
}
