package com.aigency.local.aws.events;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * The list syntax shared by cron fields: {@code *}, values, names, ranges {@code a-b}, steps {@code
 * /n}, lists.
 */
final class CronField {

  static final Map<String, Integer> MONTH_NAMES =
      Map.ofEntries(
          Map.entry("JAN", 1),
          Map.entry("FEB", 2),
          Map.entry("MAR", 3),
          Map.entry("APR", 4),
          Map.entry("MAY", 5),
          Map.entry("JUN", 6),
          Map.entry("JUL", 7),
          Map.entry("AUG", 8),
          Map.entry("SEP", 9),
          Map.entry("OCT", 10),
          Map.entry("NOV", 11),
          Map.entry("DEC", 12));

  /** EventBridge numbers days of the week 1 (Sunday) to 7 (Saturday). */
  static final Map<String, Integer> DAY_NAMES =
      Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5, "FRI", 6, "SAT", 7);

  private CronField() {}

  /**
   * @return the allowed values, as bits {@code min..max}
   * @throws IllegalArgumentException naming {@code fieldName} when the field is malformed
   */
  static BitSet parse(
      String field, int min, int max, Map<String, Integer> names, String fieldName) {
    BitSet values = new BitSet(max + 1);
    for (String item : field.split(",", -1)) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = number(item.substring(slash + 1), 1, max, fieldName + " step");
      }
      int start;
      int end;
      int dash = range.indexOf('-');
      if (range.equals("*")) {
        start = min;
        end = max;
      } else if (dash > 0) {
        start = value(range.substring(0, dash), min, max, names, fieldName);
        end = value(range.substring(dash + 1), min, max, names, fieldName);
        if (start > end) {
          throw new IllegalArgumentException(
              "cron " + fieldName + " range runs backwards: " + range);
        }
      } else {
        start = value(range, min, max, names, fieldName);
        end = slash >= 0 ? max : start;
      }
      for (int v = start; v <= end; v += step) {
        values.set(v);
      }
    }
    return values;
  }

  static int value(String text, int min, int max, Map<String, Integer> names, String fieldName) {
    Integer named = names.get(text.toUpperCase(Locale.ROOT));
    return named != null ? named : number(text, min, max, fieldName);
  }

  static int number(String text, int min, int max, String fieldName) {
    if (!text.matches("[0-9]{1,4}")) {
      throw new IllegalArgumentException(
          "cron " + fieldName + " value is not valid: '" + text + "'");
    }
    int n = Integer.parseInt(text);
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          "cron " + fieldName + " value " + n + " is outside " + min + "-" + max);
    }
    return n;
  }
}
