package com.aigency.local.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The runs of one function (or of the baseline) and what they add up to.
 *
 * @param name as shown; {@code function} is the template's logical id
 * @param jar the jar as shown in the report (repository-relative where possible)
 * @param snapStart whether template.yaml deploys the function with SnapStart
 * @param primed whether these runs primed the handler after init, as SnapStart does
 * @param profile the class-loading profile of the separate untimed run, or null
 */
public record FunctionBench(
    String name, String function, String handler, String jar, long jarBytes, boolean baseline, boolean snapStart,
    boolean primed, List<RunResult> runs, ClassLoadProfile profile) {

  public FunctionBench {
    runs = List.copyOf(runs);
  }

  public double min(ToDoubleFunction<RunResult> metric) {
    return BenchStats.min(values(metric));
  }

  public double median(ToDoubleFunction<RunResult> metric) {
    return BenchStats.median(values(metric));
  }

  private List<Double> values(ToDoubleFunction<RunResult> metric) {
    return runs.stream().map(r -> metric.applyAsDouble(r)).toList();
  }

  public double jarMiB() {
    return jarBytes / (1024.0 * 1024.0);
  }

  /** Median of the warm second invocation, or NaN when a run could not make one. */
  public double medianSecondInvoke() {
    if (runs.stream().anyMatch(r -> r.secondInvokeMs() == null)) {
      return Double.NaN;
    }
    return median(RunResult::secondInvokeMs);
  }
}
