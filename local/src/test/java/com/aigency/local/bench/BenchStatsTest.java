package com.aigency.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchStatsTest {

  @Test
  void minAndMedianOfAnOddCountIgnoreTheOrder() {
    List<Double> values = List.of(940.0, 812.0, 1203.0, 877.0, 850.0);

    assertThat(BenchStats.min(values)).isEqualTo(812.0);
    assertThat(BenchStats.median(values)).isEqualTo(877.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(BenchStats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void oneValueIsItsOwnMinAndMedian() {
    assertThat(BenchStats.min(List.of(7.5))).isEqualTo(7.5);
    assertThat(BenchStats.median(List.of(7.5))).isEqualTo(7.5);
  }

  @Test
  void medianDoesNotReorderTheCallersList() {
    List<Double> values = Arrays.asList(3.0, 1.0, 2.0);

    BenchStats.median(values);

    assertThat(values).containsExactly(3.0, 1.0, 2.0);
  }

  @Test
  void refusesNoValuesAndMissingValues() {
    assertThatThrownBy(() -> BenchStats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchStats.min(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchStats.median(Arrays.asList(1.0, null))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchStats.median(List.of(1.0, Double.NaN))).isInstanceOf(IllegalArgumentException.class);
  }
}
