package com.aigency.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.shared.domain.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
