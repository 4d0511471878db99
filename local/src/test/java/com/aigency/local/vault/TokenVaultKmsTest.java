package com.aigency.local.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.kms.LocalKms;
import com.aigency.shared.json.Json;
import com.aigency.shared.vault.SealedToken;
import com.aigency.shared.vault.TokenVault;
import com.aigency.shared.vault.TokenVaultException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** The token vault against the local KMS, over the real AWS JSON wire protocol. */
class TokenVaultKmsTest {

  private static final String ALIAS = "alias/test-tokens";
  private static final String TOKEN = "EAAGm0PX4ZCpsBAKq7ZBvL0ngLivedMetaAccessToken9x";

  private AwsJsonServer server;
  private LocalKms localKms;
  private KmsClient kms;
  private TokenVault vault;
  private String keyId;

  @BeforeEach
  void start() throws IOException {
    localKms = new LocalKms(Clock.systemUTC(), null);
    server = AwsJsonServer.start(0).register(localKms);
    keyId = localKms.createKey(null, ALIAS, "test");
    kms =
        KmsClient.builder()
            .endpointOverride(URI.create(server.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    vault = new TokenVault(kms, ALIAS);
  }

  @AfterEach
  void stop() {
    kms.close();
    server.close();
  }

  @Test
  void roundTrips() {
    SealedToken sealed = vault.seal(TOKEN, "tenant-a", "user-1");

    assertThat(sealed.keyId()).isEqualTo(LocalKms.keyArn(keyId));
    assertThat(sealed.algorithm()).isEqualTo("AES-256-GCM");
    assertThat(sealed.version()).isEqualTo(TokenVault.VERSION);
    assertThat(vault.open(sealed, "tenant-a", "user-1")).isEqualTo(TOKEN);
  }

  @Test
  void opensWithAVaultBuiltOnTheKeyArnToo() {
    SealedToken sealed = vault.seal(TOKEN, "tenant-a", "user-1");

    assertThat(new TokenVault(kms, LocalKms.keyArn(keyId)).open(sealed, "tenant-a", "user-1"))
        .isEqualTo(TOKEN);
  }

  @Test
  void sealedForTenantACannotBeOpenedAsTenantBOrAnotherUser() {
    SealedToken sealed = vault.seal(TOKEN, "tenant-a", "user-1");

    for (String[] who :
        new String[][] {{"tenant-b", "user-1"}, {"tenant-a", "user-2"}, {"tenant-b", "user-2"}}) {
      assertThatThrownBy(() -> vault.open(sealed, who[0], who[1]))
          .isInstanceOfSatisfying(
              TokenVaultException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(TokenVaultException.Reason.NOT_OPENABLE);
                assertThat(e.getMessage()).contains("sealed for another tenant or user");
                assertNoSecretIn(e, sealed);
              });
    }
    // still opens for its owner
    assertThat(vault.open(sealed, "tenant-a", "user-1")).isEqualTo(TOKEN);
  }

  @Test
  void ciphertextCopiedIntoAnotherTenantsRecordFailsToDecrypt() {
    SealedToken tenantA = vault.seal(TOKEN, "tenant-a", "user-1");
    SealedToken tenantB = vault.seal("EAAother-tenant-token", "tenant-b", "user-1");

    // the attacker keeps tenant B's data key but swaps in tenant A's ciphertext, and vice versa
    SealedToken mixed =
        new SealedToken(
            tenantB.keyId(), tenantB.encryptedDataKey(), tenantA.iv(), tenantA.ciphertext(),
            tenantA.algorithm(), tenantA.version());
    SealedToken moved = tenantA; // the whole record copied

    for (SealedToken forged : List.of(mixed, moved)) {
      assertThatThrownBy(() -> vault.open(forged, "tenant-b", "user-1"))
          .isInstanceOfSatisfying(
              TokenVaultException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(TokenVaultException.Reason.NOT_OPENABLE);
                assertNoSecretIn(e, tenantA);
              });
    }
  }

  @Test
  void tamperedCiphertextIvOrDataKeyFails() {
    SealedToken sealed = vault.seal(TOKEN, "tenant-a", "user-1");

    List<UnaryOperator<SealedToken>> tamperings =
        List.of(
            s -> copy(s, s.encryptedDataKey(), s.iv(), flipLastByte(s.ciphertext())),
            s -> copy(s, s.encryptedDataKey(), s.iv(), flipFirstByte(s.ciphertext())),
            s -> copy(s, s.encryptedDataKey(), flipFirstByte(s.iv()), s.ciphertext()),
            s -> copy(s, flipLastByte(s.encryptedDataKey()), s.iv(), s.ciphertext()),
            s -> copy(s, flipFirstByte(s.encryptedDataKey()), s.iv(), s.ciphertext()));

    for (UnaryOperator<SealedToken> tamper : tamperings) {
      SealedToken tampered = tamper.apply(sealed);
      assertThatThrownBy(() -> vault.open(tampered, "tenant-a", "user-1"))
          .isInstanceOfSatisfying(
              TokenVaultException.class,
              e -> {
                assertThat(e.reason())
                    .isIn(
                        TokenVaultException.Reason.NOT_OPENABLE,
                        TokenVaultException.Reason.MALFORMED);
                assertNoSecretIn(e, sealed);
              });
    }
  }

  @Test
  void twoSealsOfTheSameTokenDiffer() {
    SealedToken first = vault.seal(TOKEN, "tenant-a", "user-1");
    SealedToken second = vault.seal(TOKEN, "tenant-a", "user-1");

    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(first.iv()).isNotEqualTo(second.iv());
    assertThat(first.encryptedDataKey()).isNotEqualTo(second.encryptedDataKey());
    assertThat(vault.open(first, "tenant-a", "user-1")).isEqualTo(TOKEN);
    assertThat(vault.open(second, "tenant-a", "user-1")).isEqualTo(TOKEN);
  }

  @Test
  void sealedJsonAndToStringNeverContainThePlaintext() {
    SealedToken sealed = vault.seal(TOKEN, "tenant-a", "user-1");

    String json = Json.write(sealed);
    assertThat(json).doesNotContain(TOKEN);
    assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
        .doesNotContain(TOKEN);
    assertThat(Json.read(json).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "keyId", "encryptedDataKey", "iv", "ciphertext", "algorithm", "version");
    assertThat(sealed.toString()).doesNotContain(TOKEN).doesNotContain(sealed.ciphertext());

    SealedToken back = Json.MAPPER.convertValue(Json.read(json), SealedToken.class);
    assertThat(vault.open(back, "tenant-a", "user-1")).isEqualTo(TOKEN);
  }

  @Test
  void plaintextTokenNeverAppearsInLogsOrConsole() throws Exception {
    StringWriter logs = new StringWriter();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    try (LogCapture ignored = LogCapture.attach(logs, TokenVault.class, TokenVaultKmsTest.class)) {
      System.setOut(capture);
      System.setErr(capture);

      SealedToken sealed = vault.seal(TOKEN, "tenant-a", "user-1");
      assertThat(vault.open(sealed, "tenant-a", "user-1")).isEqualTo(TOKEN);
      SealedToken copy = Json.MAPPER.convertValue(Json.read(Json.write(sealed)), SealedToken.class);
      try {
        vault.open(copy, "tenant-b", "user-1");
      } catch (TokenVaultException e) {
        org.slf4j.LoggerFactory.getLogger(TokenVaultKmsTest.class)
            .warn("open refused as expected for {}", copy, e);
      }
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }

    String captured = logs + "\n" + console.toString(StandardCharsets.UTF_8);
    // the capture is live: the vault's own debug lines and the test's warning were recorded
    assertThat(logs.toString())
        .contains("Sealed a token for tenant tenant-a")
        .contains("open refused as expected");
    assertThat(captured).doesNotContain(TOKEN);
    assertThat(captured).doesNotContain(TOKEN.substring(0, 16));
  }

  private static SealedToken copy(SealedToken s, String dataKey, String iv, String ciphertext) {
    return new SealedToken(s.keyId(), dataKey, iv, ciphertext, s.algorithm(), s.version());
  }

  private static String flipLastByte(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    bytes[bytes.length - 1] ^= 0x01;
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String flipFirstByte(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    bytes[0] ^= (byte) 0x80;
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void assertNoSecretIn(Throwable e, SealedToken sealed) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
    }
    assertThat(trace.toString())
        .doesNotContain(TOKEN)
        .doesNotContain(sealed.ciphertext())
        .doesNotContain(sealed.encryptedDataKey());
  }

  /**
   * Adds a writer appender, at ALL, to the root logger and to the logger configs that the vault
   * and this test log through (the functions' log4j2.xml gives {@code com.aigency} its own,
   * non-additive config), for one test. The configs' own appenders (the JSON console) are
   * detached meanwhile so TRACE output does not flood the build log; close() restores them and
   * the levels.
   */
  private record LogCapture(
      List<LoggerConfig> configs,
      List<Level> previous,
      List<java.util.Map<String, org.apache.logging.log4j.core.Appender>> detached,
      String name)
      implements AutoCloseable {
    static LogCapture attach(StringWriter target, Class<?>... loggers) {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      String name = "vault-capture-" + System.nanoTime();
      WriterAppender appender =
          WriterAppender.createAppender(
              PatternLayout.newBuilder().withPattern("%level %logger %msg %throwable%n").build(),
              null,
              target,
              name,
              false,
              true);
      appender.start();
      java.util.LinkedHashSet<LoggerConfig> configs = new java.util.LinkedHashSet<>();
      configs.add(context.getConfiguration().getRootLogger());
      for (Class<?> logger : loggers) {
        configs.add(context.getConfiguration().getLoggerConfig(logger.getName()));
      }
      List<Level> previous = new java.util.ArrayList<>();
      List<java.util.Map<String, org.apache.logging.log4j.core.Appender>> detached =
          new java.util.ArrayList<>();
      for (LoggerConfig config : configs) {
        previous.add(config.getLevel());
        var own = new java.util.LinkedHashMap<>(config.getAppenders());
        own.keySet().forEach(config::removeAppender);
        detached.add(own);
        config.addAppender(appender, Level.ALL, null);
        config.setLevel(Level.ALL);
      }
      context.updateLoggers();
      return new LogCapture(List.copyOf(configs), previous, detached, name);
    }

    @Override
    public void close() {
      for (int i = 0; i < configs.size(); i++) {
        LoggerConfig config = configs.get(i);
        config.removeAppender(name);
        config.setLevel(previous.get(i));
        detached.get(i).values().forEach(appender -> config.addAppender(appender, null, null));
      }
      ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }
  }
}
