package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as the spec defines them for Choice and Wait: the RFC 3339 profile of ISO 8601 with an
 * uppercase {@code T} between date and time and an uppercase {@code Z} unless a numeric offset is
 * given, e.g. {@code 2016-03-14T01:59:00Z}, {@code 2016-03-14T01:59:00.123+01:00}.
 */
public final class Timestamps {
  private static final Pattern RFC3339 =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d+))?(Z|[+-]\\d{2}:\\d{2})");

  private Timestamps() {}

  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = RFC3339.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    // Java reads at most nanoseconds; finer fractions are truncated, not rejected.
    String fraction = m.group(2) == null ? "" : "." + truncate(m.group(2), 9);
    try {
      return Optional.of(OffsetDateTime.parse(m.group(1) + fraction + m.group(3)).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static Optional<Instant> parse(JsonNode value) {
    return value != null && value.isTextual() ? parse(value.textValue()) : Optional.empty();
  }

  public static boolean isTimestamp(JsonNode value) {
    return parse(value).isPresent();
  }

  private static String truncate(String digits, int max) {
    return digits.length() <= max ? digits : digits.substring(0, max);
  }
}
