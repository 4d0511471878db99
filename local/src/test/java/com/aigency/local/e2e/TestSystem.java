package com.aigency.local.e2e;

import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The local system started on the test template (src/test/resources/templates/test-system.yaml),
 * whose test functions record what they receive in {@link #records()}.
 */
final class TestSystem {
  private final Path home;
  private final Path records;

  TestSystem() throws IOException {
    home = Files.createTempDirectory("aigency-test-system");
    records = Files.createDirectories(home.resolve("records"));
    String template = resource("/templates/test-system.yaml").replace("__RECORD_DIR__", records.toString());
    Files.writeString(home.resolve("template.yaml"), template);
    Files.createDirectories(home.resolve("statemachines"));
    for (String asl : new String[] {"approval.asl.json", "retrying.asl.json"}) {
      Files.writeString(home.resolve("statemachines").resolve(asl), resource("/templates/statemachines/" + asl));
    }
  }

  Path records() {
    return records;
  }

  /** Starts it; {@code data} null keeps everything in memory. */
  LocalLauncher.Running start(Path data) throws Exception {
    return LocalLauncher.start(
        new LocalLauncher.Options(LocalPorts.freePort(), data, home.resolve("template.yaml"), data != null ? data : home),
        Files.createTempFile(home, "local", ".log"),
        Duration.ofMinutes(2));
  }

  /** Calls the local stack's own controls (AigencyLocal.GetClock, AdvanceClock, AdvanceClockTo). */
  static HttpResponse<String> admin(LocalLauncher.Running system, String operation, String body) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(system.endpoints().kms()))
            .header("X-Amz-Target", "AigencyLocal." + operation)
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode clock(LocalLauncher.Running system) throws Exception {
    return Json.read(admin(system, "GetClock", "{}").body());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TestSystem.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes());
    }
  }
}
