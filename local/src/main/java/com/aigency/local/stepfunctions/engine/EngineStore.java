package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.JsonStateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine's files under {@code <data folder>/stepfunctions/}: {@code state-machines.json}, the
 * token key in {@code engine.json}, and one {@code executions/<hash of the ARN>.json} per
 * execution, each replaced atomically. Without a data folder nothing is kept.
 */
final class EngineStore {

  record StateMachinesFile(List<StateMachineDescription> stateMachines) {}

  record EngineFile(String taskTokenKey) {}

  private final Path executionsDirectory;
  private final JsonStateFile<StateMachinesFile> machinesFile;
  private final JsonStateFile<EngineFile> engineFile;

  EngineStore(Path dataDirectory) {
    Path root = dataDirectory == null ? null : dataDirectory.resolve("stepfunctions");
    this.executionsDirectory = root == null ? null : root.resolve("executions");
    this.machinesFile = new JsonStateFile<>(root, "state-machines.json", StateMachinesFile.class);
    this.engineFile = new JsonStateFile<>(root, "engine.json", EngineFile.class);
  }

  /** The task token key, created and saved on first use. */
  byte[] taskTokenKey() {
    return engineFile
        .load()
        .map(file -> Base64.getDecoder().decode(file.taskTokenKey()))
        .orElseGet(
            () -> {
              byte[] key = TaskTokens.newKey();
              engineFile.save(new EngineFile(Base64.getEncoder().encodeToString(key)));
              return key;
            });
  }

  List<StateMachineDescription> loadStateMachines() {
    return machinesFile.load().map(StateMachinesFile::stateMachines).orElse(List.of());
  }

  void saveStateMachines(List<StateMachineDescription> machines) {
    machinesFile.save(new StateMachinesFile(List.copyOf(machines)));
  }

  List<ExecutionState> loadExecutions() {
    if (executionsDirectory == null || !Files.isDirectory(executionsDirectory)) {
      return List.of();
    }
    List<ExecutionState> executions = new ArrayList<>();
    try (Stream<Path> files = Files.list(executionsDirectory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString();
        new JsonStateFile<>(executionsDirectory, name, ExecutionState.class)
            .load()
            .ifPresent(executions::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + executionsDirectory, e);
    }
    return executions;
  }

  /** The file of one execution; a no-op file without a data folder. */
  JsonStateFile<ExecutionState> executionFile(String executionArn) {
    return new JsonStateFile<>(executionsDirectory, fileName(executionArn), ExecutionState.class);
  }

  void deleteExecution(String executionArn) {
    if (executionsDirectory == null) {
      return;
    }
    try {
      Files.deleteIfExists(executionsDirectory.resolve(fileName(executionArn)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the state of " + executionArn, e);
    }
  }

  // Names may hold characters a file system dislikes ("..", unicode); a hash never does.
  private static String fileName(String executionArn) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(executionArn.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 20) + ".json";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
