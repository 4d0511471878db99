package com.aigency.local.aws.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.Map;

/** Which days a cron expression fires on: from its day-of-month or its day-of-week field. */
sealed interface CronDayRule {

  boolean matches(LocalDate date);

  /** Days of the month 1-31 from a list; days a month lacks never match. */
  record DaysOfMonth(BitSet days) implements CronDayRule {
    @Override
    public boolean matches(LocalDate date) {
      return days.get(date.getDayOfMonth());
    }
  }

  /** {@code L} (offset 0) or {@code L-n}: the last day of the month, or n days before it. */
  record LastDayOfMonth(int offset) implements CronDayRule {
    @Override
    public boolean matches(LocalDate date) {
      return date.getDayOfMonth() == date.lengthOfMonth() - offset;
    }
  }

  /** {@code nW}: the weekday nearest to day n, without leaving the month. */
  record NearestWeekday(int day) implements CronDayRule {
    @Override
    public boolean matches(LocalDate date) {
      if (day > date.lengthOfMonth()) {
        return false;
      }
      LocalDate target = date.withDayOfMonth(day);
      LocalDate weekday =
          switch (target.getDayOfWeek()) {
            case SATURDAY -> day == 1 ? target.plusDays(2) : target.minusDays(1);
            case SUNDAY -> day == date.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
            default -> target;
          };
      return date.equals(weekday);
    }
  }

  /** {@code LW}: the last weekday of the month. */
  record LastWeekdayOfMonth() implements CronDayRule {
    @Override
    public boolean matches(LocalDate date) {
      LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
      while (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY) {
        last = last.minusDays(1);
      }
      return date.equals(last);
    }
  }

  /** Days of the week, 1 (SUN) to 7 (SAT). */
  record DaysOfWeek(BitSet days) implements CronDayRule {
    @Override
    public boolean matches(LocalDate date) {
      return days.get(awsDayOfWeek(date));
    }
  }

  /** {@code nL}: the last day-of-week n of the month, e.g. {@code 6L} the last Friday. */
  record LastDayOfWeekInMonth(int dayOfWeek) implements CronDayRule {
    @Override
    public boolean matches(LocalDate date) {
      return awsDayOfWeek(date) == dayOfWeek && date.plusWeeks(1).getMonth() != date.getMonth();
    }
  }

  /** {@code n#k}: the k-th day-of-week n of the month, e.g. {@code 2#1} the first Monday. */
  record NthDayOfWeek(int dayOfWeek, int nth) implements CronDayRule {
    @Override
    public boolean matches(LocalDate date) {
      return awsDayOfWeek(date) == dayOfWeek && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
    }
  }

  static int awsDayOfWeek(LocalDate date) {
    return date.getDayOfWeek().getValue() % 7 + 1;
  }

  static CronDayRule dayOfMonth(String field) {
    if (field.equals("L")) {
      return new LastDayOfMonth(0);
    }
    if (field.startsWith("L-")) {
      return new LastDayOfMonth(CronField.number(field.substring(2), 0, 30, "day-of-month offset"));
    }
    if (field.equals("LW")) {
      return new LastWeekdayOfMonth();
    }
    if (field.endsWith("W")) {
      return new NearestWeekday(
          CronField.number(field.substring(0, field.length() - 1), 1, 31, "day-of-month"));
    }
    return new DaysOfMonth(CronField.parse(field, 1, 31, Map.of(), "day-of-month"));
  }

  static CronDayRule dayOfWeek(String field) {
    Map<String, Integer> names = CronField.DAY_NAMES;
    if (field.equals("L")) {
      BitSet saturday = new BitSet(8);
      saturday.set(7);
      return new DaysOfWeek(saturday);
    }
    if (field.length() > 1 && field.endsWith("L")) {
      return new LastDayOfWeekInMonth(
          CronField.value(field.substring(0, field.length() - 1), 1, 7, names, "day-of-week"));
    }
    int hash = field.indexOf('#');
    if (hash > 0) {
      return new NthDayOfWeek(
          CronField.value(field.substring(0, hash), 1, 7, names, "day-of-week"),
          CronField.number(field.substring(hash + 1), 1, 5, "day-of-week occurrence"));
    }
    return new DaysOfWeek(CronField.parse(field, 1, 7, names, "day-of-week"));
  }
}
