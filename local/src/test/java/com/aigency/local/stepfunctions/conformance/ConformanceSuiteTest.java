package com.aigency.local.stepfunctions.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ASL conformance suite ({@code src/test/resources/asl-conformance}, issue 3 item 6): every case
 * runs on {@link com.aigency.local.stepfunctions.engine.StepFunctionsEngine} with scripted task
 * resources and a local clock, and its status, output, error, cause, calls, history event types and
 * timeline must match the expectations written from the ASL specification and the AWS Step
 * Functions documentation. One dynamic test per case, named by the case; a summary of all failures
 * is written to {@code target/asl-conformance-report.md}.
 */
class ConformanceSuiteTest {

  private static final Map<String, List<String>> FAILURES = new TreeMap<>();
  private static final Map<String, String> SOURCES = new TreeMap<>();
  private static int ran;

  @TestFactory
  Stream<DynamicTest> conformance() {
    List<ConformanceCase> cases = ConformanceCase.loadAll();
    if (cases.size() < 100) {
      fail("the conformance suite has only " + cases.size() + " cases in " + ConformanceCase.directory());
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> runCase(c)));
  }

  private static void runCase(ConformanceCase c) {
    List<String> diffs = new ArrayList<>();
    try {
      CaseRunner.Actual actual = CaseRunner.run(c);
      diffs.addAll(
          Expectations.check(
              c,
              new Expectations.Observed(
                  actual.status(),
                  actual.output(),
                  actual.error(),
                  actual.cause(),
                  actual.calls(),
                  true,
                  actual.history(),
                  actual.startDate(),
                  actual.stopDate(),
                  actual.distinctTokens(),
                  actual.placeholders()),
              false));
      actual.problems().forEach(p -> diffs.add("runner: " + p));
    } catch (Throwable e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      diffs.add("could not run: " + e + "\n" + firstLines(trace.toString(), 8));
    }
    synchronized (FAILURES) {
      ran++;
      if (!diffs.isEmpty()) {
        FAILURES.put(c.name(), diffs);
        SOURCES.put(c.name(), c.file() + " - " + c.source());
      }
    }
    if (!diffs.isEmpty()) {
      fail("conformance case " + c.name() + " (" + c.file() + "; " + c.source() + "):\n  - " + String.join("\n  - ", diffs));
    }
  }

  private static String firstLines(String text, int n) {
    return String.join("\n", text.lines().limit(n).toList());
  }

  @AfterAll
  static void writeReport() throws IOException {
    Path target = Path.of("target");
    if (!Files.isDirectory(target)) {
      return;
    }
    StringBuilder out = new StringBuilder("# ASL conformance report\n\n");
    out.append(ran).append(" cases ran, ").append(FAILURES.size()).append(" failed.\n\n");
    FAILURES.forEach(
        (name, diffs) -> {
          out.append("## ").append(name).append("\n\n").append(SOURCES.get(name)).append("\n\n");
          diffs.forEach(d -> out.append("- ").append(d.replace("\n", "\n  ")).append('\n'));
          out.append('\n');
        });
    Files.writeString(target.resolve("asl-conformance-report.md"), out);
  }
}
