package com.aigency.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartBenchOptionsTest {

  @Test
  void defaultsToFiveRunsAndWritingTheDoc() {
    assertThat(ColdStartBench.Options.parse(List.of())).isEqualTo(new ColdStartBench.Options(5, true));
  }

  @Test
  void readsRunsAndNoWrite() {
    assertThat(ColdStartBench.Options.parse(List.of("--runs", "3", "--no-write")))
        .isEqualTo(new ColdStartBench.Options(3, false));
    assertThat(ColdStartBench.Options.parse(List.of("--runs=7"))).isEqualTo(new ColdStartBench.Options(7, true));
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> ColdStartBench.Options.parse(List.of("--runs")))
        .isInstanceOf(ColdStartBench.UsageError.class);
    assertThatThrownBy(() -> ColdStartBench.Options.parse(List.of("--runs", "five")))
        .isInstanceOf(ColdStartBench.UsageError.class);
    assertThatThrownBy(() -> ColdStartBench.Options.parse(List.of("--runs", "0")))
        .isInstanceOf(ColdStartBench.UsageError.class);
    assertThatThrownBy(() -> ColdStartBench.Options.parse(List.of("--fast")))
        .isInstanceOf(ColdStartBench.UsageError.class);
  }

  @Test
  void fileNamesAreSafe() {
    assertThat(ColdStartBench.fileName("HelloWorld (baseline)")).isEqualTo("HelloWorld-baseline");
    assertThat(ColdStartBench.fileName("GetProjectFunction")).isEqualTo("GetProjectFunction");
  }
}
