package com.aigency.local.aws.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(N unit)}: every N minutes, hours or days, counted from when the schedule was created.
 * As in EventBridge the unit is singular for 1 and plural otherwise.
 */
public record RateExpression(Duration period) implements ScheduleExpression {

  private static final Pattern SYNTAX =
      Pattern.compile("\\s*([0-9]+)\\s+(minute|minutes|hour|hours|day|days)\\s*");

  static RateExpression parse(String body) {
    Matcher matcher = SYNTAX.matcher(body);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "Parameter ScheduleExpression is not valid: rate(" + body + ")");
    }
    long value;
    try {
      value = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate value too large: rate(" + body + ")");
    }
    String unit = matcher.group(2);
    boolean plural = unit.endsWith("s");
    if (value < 1 || (value == 1) == plural) {
      throw new IllegalArgumentException(
          "Parameter ScheduleExpression is not valid: rate("
              + body
              + ") (the value must be positive; the unit singular for 1, plural otherwise)");
    }
    Duration period =
        switch (plural ? unit.substring(0, unit.length() - 1) : unit) {
          case "minute" -> Duration.ofMinutes(value);
          case "hour" -> Duration.ofHours(value);
          default -> Duration.ofDays(value);
        };
    return new RateExpression(period);
  }

  @Override
  public Optional<Instant> nextAfter(Instant instant) {
    return Optional.of(instant.plus(period));
  }
}
