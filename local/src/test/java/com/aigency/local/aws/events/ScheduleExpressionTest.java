package com.aigency.local.aws.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

  @ParameterizedTest
  @CsvSource({
    "rate(1 minute), PT1M",
    "rate(5 minutes), PT5M",
    "rate(1 hour), PT1H",
    "rate(12 hours), PT12H",
    "rate(1 day), PT24H",
    "rate(7 days), PT168H"
  })
  void ratesAddTheirPeriod(String expression, Duration period) {
    Instant from = Instant.parse("2025-01-06T09:30:00Z");
    assertThat(ScheduleExpression.parse(expression).nextAfter(from)).contains(from.plus(period));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rate(1 minutes)",
        "rate(5 minute)",
        "rate(0 minutes)",
        "rate(5 weeks)",
        "rate(five minutes)",
        "rate()"
      })
  void invalidRates(String expression) {
    assertThatThrownBy(() -> ScheduleExpression.parse(expression))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // every 15 minutes
        "cron(0/15 * * * ? *)     | 2025-01-06T09:31:00Z | 2025-01-06T09:45:00Z",
        "cron(*/15 * * * ? *)     | 2025-01-06T09:45:00Z | 2025-01-06T10:00:00Z",
        // 10:15 every day
        "cron(15 10 * * ? *)      | 2025-01-06T10:15:00Z | 2025-01-07T10:15:00Z",
        // 18:00 Monday to Friday (2025-01-10 is a Friday)
        "cron(0 18 ? * MON-FRI *) | 2025-01-10T18:00:00Z | 2025-01-13T18:00:00Z",
        "cron(0 18 ? * 2-6 *)     | 2025-01-10T18:00:00Z | 2025-01-13T18:00:00Z",
        // 8:00 on the first day of the month
        "cron(0 8 1 * ? *)        | 2025-01-06T09:30:00Z | 2025-02-01T08:00:00Z",
        // every 10 minutes on weekdays
        "cron(0/10 * ? * MON-FRI *) | 2025-01-11T00:00:00Z | 2025-01-13T00:00:00Z",
        // every 5 minutes between 8:00 and 17:55 on weekdays
        "cron(0/5 8-17 ? * MON-FRI *) | 2025-01-06T17:55:00Z | 2025-01-07T08:00:00Z",
        // 9:00 on the first Monday of the month
        "cron(0 9 ? * 2#1 *)      | 2025-01-06T09:00:00Z | 2025-02-03T09:00:00Z",
        // last day of the month, leap year
        "cron(0 0 L * ? *)        | 2024-02-01T00:00:00Z | 2024-02-29T00:00:00Z",
        "cron(0 0 L-1 * ? *)      | 2024-02-01T00:00:00Z | 2024-02-28T00:00:00Z",
        // last Friday of the month
        "cron(0 12 ? * 6L *)      | 2025-01-06T00:00:00Z | 2025-01-31T12:00:00Z",
        "cron(0 12 ? * FRIL *)    | 2025-01-31T12:00:00Z | 2025-02-28T12:00:00Z",
        // L alone in day-of-week is Saturday
        "cron(0 0 ? * L *)        | 2025-01-06T00:00:00Z | 2025-01-11T00:00:00Z",
        // weekday nearest the 15th: 2025-02-15 is a Saturday, 2025-06-15 a Sunday
        "cron(0 9 15W * ? *)      | 2025-02-01T00:00:00Z | 2025-02-14T09:00:00Z",
        "cron(0 9 15W 6 ? *)      | 2025-02-01T00:00:00Z | 2025-06-16T09:00:00Z",
        // 1W on a Saturday moves forward to Monday the 3rd (2025-03-01 is a Saturday)
        "cron(0 9 1W 3 ? *)       | 2025-01-01T00:00:00Z | 2025-03-03T09:00:00Z",
        // last weekday: 2025-05-31 is a Saturday
        "cron(0 9 LW 5 ? *)       | 2025-01-01T00:00:00Z | 2025-05-30T09:00:00Z",
        // lists, month names, a year
        "cron(0 0 1 JAN,JUL ? *)  | 2025-01-01T00:00:00Z | 2025-07-01T00:00:00Z",
        "cron(30 6 29 2 ? 2028)   | 2025-01-01T00:00:00Z | 2028-02-29T06:30:00Z",
        // the 31st skips short months
        "cron(0 0 31 * ? *)       | 2025-01-31T00:00:00Z | 2025-03-31T00:00:00Z",
        // seconds are ignored: strictly after the given instant, on a whole minute
        "cron(* * * * ? *)        | 2025-01-06T09:30:20Z | 2025-01-06T09:31:00Z"
      })
  void cronNextOccurrence(String expression, Instant from, Instant expected) {
    assertThat(ScheduleExpression.parse(expression).nextAfter(from)).contains(expected);
  }

  @Test
  void cronWithAPastYearHasNoNextOccurrence() {
    assertThat(
            ScheduleExpression.parse("cron(0 0 1 1 ? 2020)")
                .nextAfter(Instant.parse("2025-01-01T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void cronOccurrencesInSequence() {
    ScheduleExpression weekdaysAtNoon = ScheduleExpression.parse("cron(0 12 ? * MON-FRI *)");
    List<Instant> occurrences = new ArrayList<>();
    Instant cursor = Instant.parse("2025-01-09T00:00:00Z");
    for (int i = 0; i < 4; i++) {
      cursor = weekdaysAtNoon.nextAfter(cursor).orElseThrow();
      occurrences.add(cursor);
    }
    assertThat(occurrences)
        .containsExactly(
            Instant.parse("2025-01-09T12:00:00Z"),
            Instant.parse("2025-01-10T12:00:00Z"),
            Instant.parse("2025-01-13T12:00:00Z"),
            Instant.parse("2025-01-14T12:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cron(0 12 * * * *)", // both day fields set
        "cron(0 12 ? * ? *)", // neither set
        "cron(0 12 * * ?)", // five fields
        "cron(60 12 * * ? *)",
        "cron(0 24 * * ? *)",
        "cron(0 12 32 * ? *)",
        "cron(0 12 ? 13 * *)",
        "cron(0 12 ? * 8 *)",
        "cron(0 12 ? * MON#6 *)",
        "cron(0 12 ? * FOO *)",
        "cron(0 12 10-5 * ? *)",
        "cron(0 12 * * ? 1969)",
        "cron(0/0 12 * * ? *)",
        "cron(a b c d e f)",
        "every 5 minutes"
      })
  void invalidExpressions(String expression) {
    assertThatThrownBy(() -> ScheduleExpression.parse(expression))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void atFiresOnce() {
    ScheduleExpression once = ScheduleExpression.parse("at(2025-03-01T10:00:00)");
    assertThat(once.nextAfter(Instant.parse("2025-01-01T00:00:00Z")))
        .contains(Instant.parse("2025-03-01T10:00:00Z"));
    assertThat(once.nextAfter(Instant.parse("2025-03-01T10:00:00Z"))).isEmpty();
  }
}
