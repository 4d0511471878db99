package com.aigency.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.shared.domain.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./aigency local --data DIR}: stop it, start it again, and everything is still there. */
class DataFolderSurvivesRestartTest {
  @TempDir Path data;

  @Test
  void tenantsProjectsAndBriefsSurviveARestart() throws Exception {
    String key;
    String projectId;
    try (var first = start()) {
      try (var tenants = new LocalTenants(first.endpoints())) {
        key = tenants.create("Persistent Agency", Scope.APP).apiKey();
      }
      var http = new LocalHttp(first.endpoints().api());
      projectId = http.send("POST", "/projects", key, "{\"name\":\"Survivor\"}").body().get("id").asText();
      assertThat(http.send("PUT", "/projects/" + projectId + "/brief", key, TenantIsolationOverHttpTest.BRIEF).status()).isEqualTo(200);
    }
    try (var second = start()) {
      var http = new LocalHttp(second.endpoints().api());
      var brief = http.send("GET", "/projects/" + projectId + "/brief", key, null);
      assertThat(brief.status()).isEqualTo(200);
      assertThat(brief.body().get("product").asText()).isEqualTo("Sourdough bread");
      assertThat(http.send("GET", "/projects", key, null).raw()).contains("Survivor");
    }
  }

  @Test
  void objectsKeysAndSecretsSurviveARestart() throws Exception {
    byte[] ciphertext;
    try (var first = start(); var aws = new LocalAwsClients(first.endpoints())) {
      aws.s3().putObject(b -> b.bucket("aigency-local-artifactbucket").key("reports/r1.html"), RequestBody.fromString("<h1>Week 1</h1>"));
      String keyId = aws.kms().describeKey(b -> b.keyId("alias/aigency-local-tokens")).keyMetadata().keyId();
      ciphertext = aws.kms().encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("meta-token"))
          .encryptionContext(Map.of("tenantId", "t1"))).ciphertextBlob().asByteArray();
      aws.secrets().putSecretValue(b -> b.secretId("aigency-local/OpenAiApiKeySecret").secretString("sk-test"));
    }
    try (var second = start(); var aws = new LocalAwsClients(second.endpoints())) {
      assertThat(aws.s3().getObjectAsBytes(b -> b.bucket("aigency-local-artifactbucket").key("reports/r1.html")).asUtf8String())
          .isEqualTo("<h1>Week 1</h1>");
      assertThat(aws.kms().decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(ciphertext)).encryptionContext(Map.of("tenantId", "t1")))
          .plaintext().asUtf8String()).isEqualTo("meta-token");
      assertThat(aws.secrets().getSecretValue(b -> b.secretId("aigency-local/OpenAiApiKeySecret")).secretString()).isEqualTo("sk-test");
    }
  }

  @Test
  void aSecondSystemOnTheSameDataFolderIsRefused() throws Exception {
    try (var first = start()) {
      assertThat(first.process().isAlive()).isTrue();
      assertThatThrownBy(this::start).hasMessageContaining("already using");
    }
  }

  private LocalLauncher.Running start() throws Exception {
    return LocalLauncher.start(
        new LocalLauncher.Options(LocalPorts.freePort(), data, LocalLauncher.repoRoot().resolve("template.yaml"), data),
        Files.createTempFile("aigency-local", ".log"),
        Duration.ofMinutes(2));
  }
}
