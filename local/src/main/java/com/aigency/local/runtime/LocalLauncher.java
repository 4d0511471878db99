package com.aigency.local.runtime;

import com.aigency.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link LocalRuntime} in a child JVM whose environment is exactly what template.yaml gives
 * the functions (resolved for the local stack) plus the SDK endpoint variables. This is what keeps
 * function code free of any notion of "local": it reads {@code System.getenv} as in Lambda.
 */
public final class LocalLauncher {
  public static final String REPO_ROOT_PROPERTY = "aigency.repo.root";

  private LocalLauncher() {}

  /**
   * What to start: the HTTP API port, the data folder (null: in memory), the template, and where
   * endpoints.json and logs go.
   */
  public record Options(int port, Path dataDir, Path templateFile, Path stateDir) {
    /** {@code ./aigency local}: the repository's template; state beside the data, or in .aigency/. */
    public static Options forRepository(int port, Path dataDir) {
      Path repo = repoRoot();
      return new Options(port, dataDir, repo.resolve("template.yaml"), dataDir != null ? dataDir : repo.resolve(".aigency"));
    }
  }

  /** A started local system; closing it stops the child JVM and everything it runs. */
  public record Running(Process process, Endpoints endpoints) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  public static Path repoRoot() {
    String configured = System.getProperty(REPO_ROOT_PROPERTY);
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("template.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("No template.yaml at or above " + start + "; run from the repository");
  }

  /**
   * Starts the system and waits until it serves. {@code output} receives the child's stdout and
   * stderr (null: inherit this process's).
   */
  public static Running start(Options options, Path output, Duration timeout)
      throws IOException, InterruptedException, LocalPorts.PortInUseException {
    Path templateFile = options.templateFile();
    SamTemplate template = SamTemplate.load(templateFile);
    LocalPorts ports = LocalPorts.choose(options.port());
    LocalNames names = new LocalNames(template, ports, Map.of());
    Endpoints planned = Endpoints.of(ports, options.dataDir(), 0);
    Path stateDir = options.stateDir().toAbsolutePath();
    Files.createDirectories(stateDir);
    Files.deleteIfExists(stateDir.resolve(Endpoints.FILE_NAME));

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-Xss1m");
    for (String property : List.of("sqlite4java.library.path", "aigency.s3proxy.jar", REPO_ROOT_PROPERTY)) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LocalRuntime.class.getName());
    command.add(templateFile.toString());
    command.add(stateDir.toString());
    command.add(options.dataDir() == null ? "-" : options.dataDir().toAbsolutePath().toString());
    command.addAll(ports.asArgs());

    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(names.functionEnvironment(planned));
    // JVM flags meant for a Lambda's short life; the long-running local JVM keeps its defaults.
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    if (output == null) {
      builder.inheritIO();
    } else {
      builder.redirectErrorStream(true).redirectOutput(output.toFile());
    }
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    return new Running(process, awaitEndpoints(process, stateDir, timeout, output));
  }

  private static Endpoints awaitEndpoints(Process process, Path stateDir, Duration timeout, Path output)
      throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(timeout);
    Path file = stateDir.resolve(Endpoints.FILE_NAME);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        String log = output != null && Files.exists(output) ? "\n" + Files.readString(output) : "";
        throw new IllegalStateException("The local system exited with code " + process.exitValue() + " before it was ready" + log);
      }
      if (Files.exists(file)) {
        Endpoints endpoints = Endpoints.readFrom(stateDir);
        if (endpoints.pid() == process.pid()) {
          return endpoints;
        }
      }
      Thread.sleep(100);
    }
    process.destroy();
    throw new IllegalStateException("The local system was not ready within " + timeout);
  }
}
