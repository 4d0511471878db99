package com.aigency.local.store;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample events ({@code events/<FunctionLogicalId>/<name>.json}), deserialised the Lambda runtime's way. */
final class SampleEvents {
  private SampleEvents() {}

  static Path repoRoot() {
    String configured = System.getProperty("aigency.repo.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no template.yaml above the working directory; set -Daigency.repo.root");
  }

  static <T> T load(String functionLogicalId, String fileName, Class<T> type) {
    Path file = repoRoot().resolve("events").resolve(functionLogicalId).resolve(fileName);
    try (InputStream in = Files.newInputStream(file)) {
      return LambdaEventSerializers.serializerFor(type, SampleEvents.class.getClassLoader()).fromJson(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read sample event " + file, e);
    }
  }
}
