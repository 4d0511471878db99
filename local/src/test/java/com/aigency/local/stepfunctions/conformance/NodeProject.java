package com.aigency.local.stepfunctions.conformance;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the npm project {@code local/src/test/node} (aws-local-stepfunctions, asl-validator): finds
 * {@code node} and {@code npm} on the PATH, installs the locked packages with {@code npm ci} when
 * {@code node_modules} is missing, and runs its scripts. Never skips: without Node.js it fails and
 * says how to get it.
 */
final class NodeProject {

  /** The outcome of one process. */
  record Run(int exitCode, String stdout, String stderr) {}

  private static final long INSTALL_MINUTES = 10;
  private static final long RUN_MINUTES = 5;

  private NodeProject() {}

  static Path dir() {
    return RepoPaths.nodeProject();
  }

  /** Runs {@code node <script> <args>} in the project, installing its packages first if needed. */
  static Run node(String script, String... args) throws IOException, InterruptedException {
    ensureInstalled();
    List<String> command = new ArrayList<>();
    command.add(executable("node").toString());
    command.add(script);
    command.addAll(List.of(args));
    return run(command, RUN_MINUTES);
  }

  static synchronized void ensureInstalled() throws IOException, InterruptedException {
    Path modules = dir().resolve("node_modules");
    if (Files.isDirectory(modules.resolve("aws-local-stepfunctions"))
        && Files.isDirectory(modules.resolve("asl-validator"))) {
      return;
    }
    Path npm = executable("npm");
    Run install =
        run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"), INSTALL_MINUTES);
    if (install.exitCode() != 0) {
      throw new IllegalStateException(
          "npm ci in " + dir() + " failed (exit " + install.exitCode() + "):\n" + install.stderr() + install.stdout());
    }
  }

  /** The executable on the PATH, or a failure that says what is missing. */
  static Path executable(String name) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        for (String candidate : List.of(name, name + ".cmd", name + ".exe")) {
          Path file = Path.of(entry).resolve(candidate);
          if (Files.isRegularFile(file) && Files.isExecutable(file)) {
            return file;
          }
        }
      }
    }
    throw new IllegalStateException(
        "'"
            + name
            + "' is not on the PATH. The ASL cross-check and validator tests need Node.js 20 or newer"
            + " with npm (Debian: apt-get install nodejs npm); they run the npm project in "
            + dir()
            + ". PATH="
            + path);
  }

  private static Run run(List<String> command, long minutes) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir().toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish within " + minutes + " minutes");
    }
    return new Run(process.exitValue(), out.join(), err.join());
  }

  private static CompletableFuture<String> read(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
