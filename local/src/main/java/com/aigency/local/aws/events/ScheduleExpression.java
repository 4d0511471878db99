package com.aigency.local.aws.events;

import java.time.Instant;
import java.util.Optional;

/**
 * An EventBridge schedule expression: {@code rate(...)}, {@code cron(...)} or {@code at(...)}, in
 * UTC.
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

  /** The first occurrence strictly after {@code instant}; empty when there is none. */
  Optional<Instant> nextAfter(Instant instant);

  /**
   * @throws IllegalArgumentException with the reason, if EventBridge would reject the expression
   */
  static ScheduleExpression parse(String expression) {
    String text = expression.trim();
    if (text.endsWith(")")) {
      if (text.startsWith("rate(")) {
        return RateExpression.parse(text.substring(5, text.length() - 1));
      }
      if (text.startsWith("cron(")) {
        return CronExpression.parse(text.substring(5, text.length() - 1));
      }
      if (text.startsWith("at(")) {
        return AtExpression.parse(text.substring(3, text.length() - 1));
      }
    }
    throw new IllegalArgumentException(
        "Parameter ScheduleExpression is not valid: "
            + expression
            + " (expected rate(...), cron(...) or at(...))");
  }
}
