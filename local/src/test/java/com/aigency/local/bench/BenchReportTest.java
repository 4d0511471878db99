package com.aigency.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  private static RunResult run(double total, double init, double invoke) {
    return new RunResult(40, init, invoke, total, 5.0, "launch", 35, 35 + init, 35 + init + invoke, Json.read("{}"));
  }

  private static final BenchReport REPORT = new BenchReport(
      List.of(
          new FunctionBench("GetProjectFunction", "a.B::handleRequest", "functions/api/target/function-api-lambda.jar",
              14_281_817, false, List.of(run(1200, 700, 450), run(1000, 600, 350), run(1100, 650, 400)), null),
          new FunctionBench(ColdStartBench.BASELINE_NAME, "h.H::handleRequest", "local/target/bench/hello-world.jar",
              1_000, true, List.of(run(200, 10, 80), run(250, 12, 90), run(220, 11, 85)), null)),
      3,
      new BenchReport.Machine(2, "Some CPU", "8.0 GiB", "Linux", "load 0.1", "openjdk version \"25\"", "2025-01-01 00:00 UTC",
          "java -cp x LambdaBootstrap", "JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1"));

  @Test
  void theRatioIsMedianTotalOverTheBaselinesMedianTotal() {
    assertThat(REPORT.consoleTable())
        .contains("GetProjectFunction")
        .contains("13.6")
        .contains("1000 / 1100")
        .contains("5.0x");
  }

  @Test
  void theDocumentHasTheMethodTheMachineAndTheTable() {
    String md = REPORT.markdown();

    assertThat(md)
        .contains("## What is measured, and how", "## Machine", "## Results", "## Reading the figures")
        .contains("| `GetProjectFunction` | 13.6 | 1000 | 1100 | 600 | 650 | 350 | 400 | 5.00× |")
        .contains("Some CPU, 2 cores")
        .contains("openjdk version \"25\"");
  }
}
