package com.aigency.local.stepfunctions.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented divergences between the expectations and aws-local-stepfunctions ({@code
 * DIVERGENCES.md}): each is a section whose heading names the case in backticks, {@code ###
 * `case.name`}, and whose body must give both results and a spec/doc citation (a line starting
 * {@code - Spec:} or {@code - Citation:}). A section may list several cases in one heading.
 */
final class Divergences {

  private static final Pattern HEADING = Pattern.compile("^###\\s+(.*)$");
  private static final Pattern NAME = Pattern.compile("`([^`]+)`");

  private Divergences() {}

  static Path file() {
    return ConformanceCase.sourceDirectory().resolve("DIVERGENCES.md");
  }

  /** Case name to the text of its section. */
  static Map<String, String> read() throws IOException {
    Map<String, String> sections = new LinkedHashMap<>();
    Path file = file();
    if (!Files.isRegularFile(file)) {
      return sections;
    }
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      Matcher heading = HEADING.matcher(lines.get(i));
      if (!heading.matches()) {
        continue;
      }
      StringBuilder body = new StringBuilder();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).startsWith("## ") && !HEADING.matcher(lines.get(j)).matches()) {
        body.append(lines.get(j)).append('\n');
        j++;
      }
      Matcher names = NAME.matcher(heading.group(1));
      while (names.find()) {
        sections.put(names.group(1), body.toString());
      }
    }
    return sections;
  }

  /** Whether a section gives a citation, as the suite requires. */
  static boolean cited(String section) {
    return section.lines().anyMatch(l -> l.startsWith("- Spec:") || l.startsWith("- Citation:"));
  }
}
