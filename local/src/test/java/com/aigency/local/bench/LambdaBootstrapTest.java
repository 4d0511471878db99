package com.aigency.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.json.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrap runs in a JVM whose classpath holds only what a Lambda sandbox has. Not a timing
 * test: it checks that the bootstrap needs nothing of the local runner, and what it prints.
 */
class LambdaBootstrapTest {

  @Test
  void servesTheBaselineOnTheLambdaRuntimesClasspathAlone(@TempDir Path dir) throws Exception {
    Path bootstrap = BenchJars.writeJar(dir.resolve("bootstrap.jar"), LambdaBootstrap.class);
    Path hello = BenchJars.writeJar(dir.resolve("hello.jar"), HelloWorldHandler.class);
    Path event = Files.writeString(dir.resolve("event.json"), "{\"hello\":\"world\"}");
    String classpath = String.join(File.pathSeparator,
        bootstrap.toString(), BenchJars.serializationJar().toString(), BenchJars.lambdaCoreJar().toString(),
        hello.toString());
    long launched = System.currentTimeMillis();
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto", "-cp", classpath,
            LambdaBootstrap.class.getName(), HelloWorldHandler.class.getName() + "::handleRequest", event.toString(),
            Long.toString(launched))
        .redirectError(dir.resolve("stderr.log").toFile())
        .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.log"))).isZero();
    assertThat(stdout.strip().lines()).hasSize(1);
    RunResult r = RunResult.parse(stdout);
    assertThat(r.response().asText()).isEqualTo("hello");
    assertThat(r.origin()).isEqualTo("launch");
    assertThat(r.jvmToMainMs()).isGreaterThanOrEqualTo(0);
    assertThat(r.totalMs()).isGreaterThanOrEqualTo(r.jvmToMainMs());
    assertThat(r.secondInvokeMs()).isNotNull();
    assertThat(r.uptimeAtMainMs()).isLessThanOrEqualTo(r.uptimeAtInitDoneMs());
    assertThat(r.uptimeAtInitDoneMs()).isLessThanOrEqualTo(r.uptimeAtResponseMs());
  }

  @Test
  void theBootstrapJarHoldsOnlyTheBootstrap(@TempDir Path dir) throws Exception {
    Path jar = BenchJars.writeJar(dir.resolve("bootstrap.jar"), LambdaBootstrap.class);

    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> classes = file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
      assertThat(classes).isNotEmpty().allMatch(n -> n.startsWith("com/aigency/local/bench/LambdaBootstrap"));
    }
  }

  @Test
  void quotesJsonStrings() {
    String quoted = LambdaBootstrap.quote("a \"b\" \\ c\nd\te\u0001");

    assertThat(Json.read(quoted).asText()).isEqualTo("a \"b\" \\ c\nd\te\u0001");
  }
}
