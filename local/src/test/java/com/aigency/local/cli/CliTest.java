package com.aigency.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.runtime.LocalPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI refuses bad command lines clearly, before starting anything. */
class CliTest {
  @TempDir Path dir;

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() {
    assertThatThrownBy(() -> Cli.run(List.of("lokal"))).isInstanceOf(UsageException.class).hasMessageContaining("Unknown command 'lokal'");
    assertThatThrownBy(() -> Cli.run(List.of("local", "--prot", "3000"))).isInstanceOf(UsageException.class).hasMessageContaining("Unknown option --prot");
    assertThatThrownBy(() -> Cli.run(List.of("local", "--port"))).isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Cli.run(List.of("local", "--port", "http"))).isInstanceOf(UsageException.class).hasMessageContaining("--port must be a number");
    assertThatThrownBy(() -> Cli.run(List.of("local", "--port", "70000"))).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Cli.run(List.of("tenant", "delete", "x"))).isInstanceOf(UsageException.class).hasMessageContaining("tenant create NAME");
    assertThatThrownBy(() -> Cli.run(List.of("tenant", "create", "A", "--scopes", "app,root", "--data", dir.toString())))
        .isInstanceOf(UsageException.class).hasMessageContaining("Unknown scope 'root'");
  }

  @Test
  void aTakenPortIsReportedByNumber() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> LocalPorts.choose(taken.getLocalPort()))
          .isInstanceOf(LocalPorts.PortInUseException.class)
          .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use")
          .hasMessageContaining("--port");
    }
  }

  @Test
  void tenantCreateWithoutARunningSystemSaysHowToStartOne() throws Exception {
    assertThatThrownBy(() -> Cli.run(List.of("tenant", "create", "A", "--data", dir.toString())))
        .hasMessageContaining("No local system found")
        .hasMessageContaining("./aigency local --data " + dir);
    Files.writeString(dir.resolve("endpoints.json"),
        "{\"api\":\"http://127.0.0.1:1\",\"dynamodb\":\"http://127.0.0.1:2\",\"region\":\"us-east-1\",\"pid\":999999999}");
    assertThatThrownBy(() -> Cli.run(List.of("tenant", "create", "A", "--data", dir.toString())))
        .hasMessageContaining("no longer running");
  }

  @Test
  void helpPrintsUsage() throws Exception {
    assertThat(Cli.run(List.of("help"))).isZero();
  }
}
