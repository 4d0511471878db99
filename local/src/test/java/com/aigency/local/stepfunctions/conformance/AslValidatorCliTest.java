package com.aigency.local.stepfunctions.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates every {@code *.asl.json} under the repository's {@code statemachines/} folder with the
 * npm asl-validator ({@code local/src/test/node/validate-statemachines.mjs}, which CI can also run
 * directly), and the definitions of the conformance suite. Fails on any validation error; fails,
 * never skips, without Node.js.
 */
class AslValidatorCliTest {

  @Test
  void everyStateMachineOfTheRepositoryIsValid() throws Exception {
    Path root = RepoPaths.repoRoot();
    Path folder = root.resolve("statemachines");
    long expected;
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        expected = files.filter(p -> p.getFileName().toString().endsWith(".asl.json")).count();
      }
    } else {
      expected = 0;
    }
    NodeProject.Run run = NodeProject.node("validate-statemachines.mjs", "--root", root.toString(), "--json");
    JsonNode report = report(run);
    assertEquals(0, report.path("invalid").asInt(), "invalid state machines: " + report.path("files"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals(Files.isDirectory(folder), report.path("statemachinesFound").asBoolean());
    assertEquals(expected, report.path("files").size(), "the check ran over every *.asl.json under " + folder);
  }

  @Test
  void everyConformanceDefinitionIsValid() throws Exception {
    long definitions =
        ConformanceCase.loadAll().stream().mapToLong(c -> 1 + c.machines().size()).sum();
    NodeProject.Run run =
        NodeProject.node(
            "validate-statemachines.mjs",
            "--root",
            RepoPaths.repoRoot().toString(),
            "--conformance",
            ConformanceCase.directory().toString(),
            "--json");
    JsonNode report = report(run);
    assertEquals(definitions, report.path("conformanceChecked").asLong());
    assertEquals(0, report.path("invalid").asInt(), "invalid definitions: " + report.path("conformance"));
    assertEquals(0, run.exitCode(), run.stderr());
  }

  @Test
  void theValidatorRejectsABrokenDefinitionAndAcceptsPlaceholders(@TempDir Path root) throws Exception {
    Path folder = Files.createDirectories(root.resolve("statemachines/nested"));
    Files.writeString(
        folder.resolve("good.asl.json"),
        """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "${ApproveFunctionArn}", "TimeoutSeconds": ${ApprovalTimeout}, "End": true}}}
        """);
    Files.writeString(
        folder.resolve("bad.asl.json"),
        """
        {"StartAt": "Missing", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}
        """);
    Files.writeString(folder.resolve("ignored.json"), "{ not even json");
    NodeProject.Run run = NodeProject.node("validate-statemachines.mjs", "--root", root.toString(), "--json");
    JsonNode report = report(run);
    assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
    assertEquals(2, report.path("files").size(), report.toString());
    assertEquals(1, report.path("invalid").asInt(), report.toString());
    for (JsonNode file : report.path("files")) {
      assertEquals(file.path("file").asText().endsWith("good.asl.json"), file.path("valid").asBoolean(), file.toString());
    }
  }

  private static JsonNode report(NodeProject.Run run) throws Exception {
    try {
      return ConformanceCase.JSON.readTree(run.stdout());
    } catch (Exception e) {
      throw new AssertionError(
          "validate-statemachines.mjs printed no JSON report (exit " + run.exitCode() + "):\n" + run.stdout() + run.stderr(), e);
    }
  }
}
