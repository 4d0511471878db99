package com.aigency.local.stepfunctions.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the cases marked {@code "crossCheck": true} on a second, independent interpreter, the npm
 * package aws-local-stepfunctions ({@code local/src/test/node/crosscheck.mjs}), and compares its
 * results with the same expectations the engine must meet. Every difference must be documented in
 * {@code DIVERGENCES.md} with both results and a citation saying which side follows the spec; an
 * undocumented difference fails, a documented one passes. Needs Node.js (it fails, never skips,
 * without it) and installs the locked npm packages with {@code npm ci} when they are missing.
 */
class CrossCheckTest {

  private static final String INTERPRETER = "aws-local-stepfunctions@3.0.0";

  @TestFactory
  Stream<DynamicTest> crossCheck() throws Exception {
    List<ConformanceCase> cases =
        ConformanceCase.loadAll().stream().filter(ConformanceCase::crossCheck).toList();
    assertTrue(cases.size() >= 100, "only " + cases.size() + " cases are marked crossCheck");
    NodeProject.Run run =
        NodeProject.node("crosscheck.mjs", ConformanceCase.directory().toString());
    if (run.exitCode() != 0) {
      fail("node crosscheck.mjs failed (exit " + run.exitCode() + "):\n" + run.stderr() + run.stdout());
    }
    JsonNode doc = ConformanceCase.JSON.readTree(run.stdout());
    assertEquals(INTERPRETER, doc.path("interpreter").asText(), "the pinned interpreter version");
    Map<String, JsonNode> results = new LinkedHashMap<>();
    doc.path("results").forEach(r -> results.put(r.path("name").asText(), r));
    Map<String, String> divergences = Divergences.read();
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, results.get(c.name()), divergences)));
  }

  private static void check(ConformanceCase c, JsonNode result, Map<String, String> divergences) {
    if (result == null) {
      fail("crosscheck.mjs gave no result for " + c.name());
    }
    List<String> diffs = Expectations.check(c, observed(result), true);
    String documented = divergences.get(c.name());
    if (diffs.isEmpty()) {
      if (documented != null) {
        System.out.println(
            "[crosscheck] " + c.name() + " now agrees with " + INTERPRETER + ": remove its entry from DIVERGENCES.md");
      }
      return;
    }
    if (documented == null) {
      fail(
          "undocumented divergence: "
              + INTERPRETER
              + " disagrees with the expectation of "
              + c.name()
              + " ("
              + c.file()
              + "; "
              + c.source()
              + "). Fix the expectation if it was wrong, or document the case in "
              + Divergences.file()
              + " with both results and a citation:\n  - "
              + String.join("\n  - ", diffs)
              + "\n  npm result: "
              + result);
    }
    if (!Divergences.cited(documented)) {
      fail("the DIVERGENCES.md entry of " + c.name() + " gives no '- Spec:' or '- Citation:' line");
    }
  }

  private static Expectations.Observed observed(JsonNode r) {
    List<ScriptedResources.Call> calls = new ArrayList<>();
    r.path("calls")
        .properties()
        .forEach(e -> e.getValue().forEach(p -> calls.add(new ScriptedResources.Call(e.getKey(), p, Double.NaN))));
    Map<String, String> placeholders = new LinkedHashMap<>();
    r.path("placeholders").properties().forEach(e -> placeholders.put(e.getKey(), e.getValue().asText()));
    return new Expectations.Observed(
        r.path("status").asText(),
        r.has("output") ? r.get("output") : null,
        r.hasNonNull("error") ? r.get("error").asText() : null,
        r.hasNonNull("cause") ? r.get("cause").asText() : null,
        calls,
        false,
        null,
        null,
        null,
        null,
        placeholders);
  }

  @Test
  void everyDocumentedDivergenceNamesACrossCheckedCaseAndCitesTheSpec() throws Exception {
    Map<String, String> divergences = Divergences.read();
    List<String> crossChecked =
        ConformanceCase.loadAll().stream().filter(ConformanceCase::crossCheck).map(ConformanceCase::name).toList();
    List<String> problems = new ArrayList<>();
    divergences.forEach(
        (name, section) -> {
          if (!crossChecked.contains(name)) {
            problems.add(name + " is not a crossCheck case of the suite");
          }
          if (!Divergences.cited(section)) {
            problems.add(name + " gives no '- Spec:' or '- Citation:' line");
          }
        });
    assertTrue(problems.isEmpty(), "DIVERGENCES.md: " + String.join("; ", problems));
  }
}
