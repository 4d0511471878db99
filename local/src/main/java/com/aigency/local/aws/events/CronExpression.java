package com.aigency.local.aws.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} with EventBridge's rules, in UTC:
 * exactly one of day-of-month and day-of-week is {@code ?}; fields take {@code * , - /}; months
 * JAN-DEC; days of the week 1-7 = SUN-SAT (names accepted); day-of-month also {@code L}, {@code
 * L-n}, {@code nW}, {@code LW}; day-of-week also {@code L} (Saturday), {@code nL} (last such day of
 * the month) and {@code n#k} (k-th such day); years 1970-2199.
 */
public final class CronExpression implements ScheduleExpression {

  private static final int FIRST_YEAR = 1970;
  private static final int LAST_YEAR = 2199;

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final CronDayRule days;
  private final BitSet months;
  private final BitSet years;

  private CronExpression(
      String text, BitSet minutes, BitSet hours, CronDayRule days, BitSet months, BitSet years) {
    this.text = text;
    this.minutes = minutes;
    this.hours = hours;
    this.days = days;
    this.months = months;
    this.years = years;
  }

  /**
   * @param body what stands between {@code cron(} and {@code )}
   */
  static CronExpression parse(String body) {
    String[] fields = body.trim().split("\\s+");
    if (fields.length != 6) {
      throw new IllegalArgumentException(
          "cron(" + body + ") needs 6 fields: minutes hours day-of-month month day-of-week year");
    }
    boolean anyDayOfMonth = fields[2].equals("?");
    boolean anyDayOfWeek = fields[4].equals("?");
    if (anyDayOfMonth == anyDayOfWeek) {
      throw new IllegalArgumentException(
          "cron(" + body + "): exactly one of day-of-month and day-of-week must be ?");
    }
    return new CronExpression(
        "cron(" + body.trim() + ")",
        CronField.parse(fields[0], 0, 59, Map.of(), "minutes"),
        CronField.parse(fields[1], 0, 23, Map.of(), "hours"),
        anyDayOfMonth ? CronDayRule.dayOfWeek(fields[4]) : CronDayRule.dayOfMonth(fields[2]),
        CronField.parse(fields[3], 1, 12, CronField.MONTH_NAMES, "month"),
        CronField.parse(fields[5], FIRST_YEAR, LAST_YEAR, Map.of(), "year"));
  }

  @Override
  public Optional<Instant> nextAfter(Instant instant) {
    LocalDateTime candidate =
        LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MINUTES)
            .plusMinutes(1);
    // Skip whole years, months, days and hours that cannot match, so sparse schedules are cheap.
    while (candidate.getYear() <= LAST_YEAR) {
      if (!years.get(candidate.getYear())) {
        int nextYear = years.nextSetBit(candidate.getYear() + 1);
        if (nextYear < 0) {
          return Optional.empty();
        }
        candidate = LocalDateTime.of(nextYear, 1, 1, 0, 0);
      } else if (!months.get(candidate.getMonthValue())) {
        candidate = candidate.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
      } else if (!days.matches(candidate.toLocalDate())) {
        candidate = candidate.toLocalDate().plusDays(1).atStartOfDay();
      } else if (!hours.get(candidate.getHour())) {
        candidate = candidate.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(candidate.getMinute())) {
        candidate = candidate.plusMinutes(1);
      } else {
        return Optional.of(candidate.toInstant(ZoneOffset.UTC));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
