package com.aigency.local.aws.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code at(yyyy-mm-ddThh:mm:ss)}: one occurrence, in UTC (EventBridge Scheduler's one-time
 * schedule).
 */
public record AtExpression(Instant at) implements ScheduleExpression {

  static AtExpression parse(String body) {
    try {
      return new AtExpression(LocalDateTime.parse(body.trim()).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Parameter ScheduleExpression is not valid: at(" + body + ")");
    }
  }

  @Override
  public Optional<Instant> nextAfter(Instant instant) {
    return at.isAfter(instant) ? Optional.of(at) : Optional.empty();
  }
}
