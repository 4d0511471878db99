package com.aigency.local.services;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * S3Proxy in a child JVM. Its fat jar bundles its own AWS SDK, Jackson and Jetty, which must never
 * share a classpath with DynamoDB Local, hence the separate process.
 */
public final class S3ProxyProcess implements AutoCloseable {
  public static final String JAR_PROPERTY = "aigency.s3proxy.jar";

  private final Process process;
  private final int port;

  private S3ProxyProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** {@code dataDir} null keeps objects in memory (jclouds "transient"), otherwise files in it. */
  public static S3ProxyProcess start(
      int port, Path dataDir, String accessKey, String secretKey, Path workDir, Duration timeout)
      throws IOException, InterruptedException {
    Path jar = Path.of(requiredProperty(JAR_PROPERTY));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("S3Proxy jar not found at " + jar + " (run the build first)");
    }
    Files.createDirectories(workDir);
    StringBuilder props =
        new StringBuilder()
            .append("s3proxy.endpoint=http://127.0.0.1:").append(port).append('\n')
            .append("s3proxy.authorization=aws-v2-or-v4\n")
            .append("s3proxy.identity=").append(accessKey).append('\n')
            .append("s3proxy.credential=").append(secretKey).append('\n')
            .append("jclouds.identity=").append(accessKey).append('\n')
            .append("jclouds.credential=").append(secretKey).append('\n');
    if (dataDir == null) {
      props.append("jclouds.provider=transient\n");
    } else {
      Files.createDirectories(dataDir);
      props.append("jclouds.provider=filesystem\n")
          .append("jclouds.filesystem.basedir=").append(dataDir.toAbsolutePath()).append('\n');
    }
    Path propsFile = workDir.resolve("s3proxy.properties");
    Files.writeString(propsFile, props);
    Path log = workDir.resolve("s3proxy.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--properties", propsFile.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    S3ProxyProcess proxy = new S3ProxyProcess(process, port);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    proxy.awaitListening(timeout, log);
    return proxy;
  }

  private void awaitListening(Duration timeout, Path log) throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Proxy exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    process.destroy();
    throw new IllegalStateException("S3Proxy did not listen on port " + port + " within " + timeout);
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("System property " + name + " is not set");
    }
    return value;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
