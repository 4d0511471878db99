package com.aigency.local.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.runtime.LocalLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md principle 1: function code never knows where it runs. No code in shared/ or functions/
 * may branch on, name, or point at the local stack; only configuration differs.
 */
class NoLocalModeTest {
  private static final Pattern LOCAL_AWARE =
      Pattern.compile(
          "(?i)(localstack|is_?local|local_?mode|\"local\"|127\\.0\\.0\\.1|localhost|endpointOverride|com\\.aigency\\.local|System\\.getProperty\\(\"aigency)");

  @Test
  void sharedAndFunctionCodeHasNoLocalModeBranches() throws IOException {
    Path root = LocalLauncher.repoRoot();
    List<String> offences = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> shared = Files.walk(root.resolve("shared/src/main"));
        Stream<Path> functions = Files.walk(root.resolve("functions"))) {
      Stream.concat(shared, functions)
          .filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
          .forEach(sources::add);
    }
    for (Path source : sources) {
      String code = withoutComments(Files.readString(source));
      var matcher = LOCAL_AWARE.matcher(code);
      while (matcher.find()) {
        offences.add(root.relativize(source) + ": " + matcher.group());
      }
    }
    assertThat(sources).hasSizeGreaterThan(10);
    assertThat(offences).isEmpty();
  }

  @Test
  void thePatternCatchesWhatItIsMeantToCatch() {
    assertThat(LOCAL_AWARE.matcher("if (stage.equals(\"local\")) {").find()).isTrue();
    assertThat(LOCAL_AWARE.matcher("builder.endpointOverride(URI.create(x))").find()).isTrue();
    assertThat(LOCAL_AWARE.matcher("boolean isLocal = true;").find()).isTrue();
    assertThat(LOCAL_AWARE.matcher("String table = env.get(\"TABLE_NAME\");").find()).isFalse();
  }

  private static String withoutComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }
}
