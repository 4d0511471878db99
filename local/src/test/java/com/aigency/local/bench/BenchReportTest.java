package com.aigency.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  private static RunResult run(double total, double init, double invoke) {
    return new RunResult(40, init, invoke, total, 5.0, null, "launch", 35, 35 + init, 35 + init + invoke, Json.read("{}"));
  }

  private static final BenchReport REPORT = new BenchReport(
      List.of(
          new FunctionBench("GetProjectFunction", "GetProjectFunction", "a.B::handleRequest",
              "functions/api/target/function-api-lambda.jar", 14_281_817, false, false, false, List.of(run(1200, 700, 450), run(1000, 600, 350), run(1100, 650, 400)), null),
          new FunctionBench(ColdStartBench.BASELINE_NAME, "HelloWorld", "h.H::handleRequest",
              "local/target/bench/hello-world.jar", 1_000, true, false, false, List.of(run(200, 10, 80), run(250, 12, 90), run(220, 11, 85)), null)),
      3,
      new BenchReport.Machine(2, "Some CPU", "8.0 GiB", "Linux", "load 0.1", "openjdk version \"25\"", "2025-01-01 00:00 UTC",
          "java -cp x LambdaBootstrap", "JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1"));

  @Test
  void aSnapStartFunctionGetsItsPrimingFigures() {
    RunResult primedRun = new RunResult(40, 900, 60, 1500, 5.0, 300.0, "launch", 35, 935, 995, Json.read("{}"));
    BenchReport report = new BenchReport(
        List.of(
            new FunctionBench("PostMessageFunction", "PostMessageFunction", "a.C::handleRequest", "a.jar", 30_000_000,
                false, true, false, List.of(run(2000, 900, 700)), null),
            new FunctionBench("PostMessageFunction (primed)", "PostMessageFunction", "a.C::handleRequest", "a.jar",
                30_000_000, false, true, true, List.of(primedRun), null),
            new FunctionBench(ColdStartBench.BASELINE_NAME, "HelloWorld", "h.H::handleRequest", "h.jar", 1_000, true,
                false, false, List.of(run(200, 10, 80)), null)),
        1,
        new BenchReport.Machine(2, "cpu", "1 GiB", "Linux", "load", "java", "date", "cmd", "env"));

    String md = report.markdown();

    assertThat(md)
        .contains("| `PostMessageFunction` ¹ |")
        .contains("### SnapStart and priming")
        .contains("| `PostMessageFunction` | 300 | 700 | 60 / 60 | 5.0 |")
        .contains("its first invoke goes from 700 ms (median, not primed) to 60 ms after priming");
    assertThat(md).doesNotContain("| `PostMessageFunction (primed)`");
  }

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
        .contains("| `GetProjectFunction` | 13.6 | 1000 | 1100 | 600 | 650 | 350 | 400 | 5.00× | 5.00× |")
        .contains("Some CPU, 2 cores")
        .contains("openjdk version \"25\"");
  }
}
