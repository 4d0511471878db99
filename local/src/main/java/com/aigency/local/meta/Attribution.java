package com.aigency.local.meta;

import java.util.List;
import java.util.Set;

/**
 * How conversions are attributed to the day of the click or view and reported progressively.
 *
 * <p>The conversions caused by day D's clicks happen with a lag of L calendar days: 50 % on D
 * itself, 15 % on D+1, 4 % on each of D+2..D+6, and the last 15 % spread evenly over D+7..D+27. A
 * report made on day T only sees lags up to T-D, so the same past day shows more conversions
 * when read later (restatement). View-through conversions are {@link #VIEW_SHARE} of the click
 * ones, 80 % on D and 20 % on D+1.
 *
 * <p>A window {@code Nd_click} counts click conversions with a lag of at most N calendar days
 * (a click late on D reaches into D+N within N x 24 h); {@code 1d_view} counts view conversions
 * with a lag of at most 1. Meta's default (the account's attribution setting) is 7d_click +
 * 1d_view.
 */
final class Attribution {

  private Attribution() {}

  static final double VIEW_SHARE = 0.20;

  /** Windows the simulator computes. */
  static final List<String> COMPUTED = List.of("1d_click", "7d_click", "28d_click", "1d_view");

  /** Windows Meta accepts; the ones not computed are accepted and return no values. */
  static final Set<String> ACCEPTED =
      Set.of("1d_click", "7d_click", "28d_click", "1d_view", "7d_view", "28d_view", "1d_ev", "dda", "default");

  private static final double[] CLICK_LAG = clickLag();
  private static final double[] VIEW_LAG = {0.8, 0.2};

  private static double[] clickLag() {
    double[] l = new double[28];
    l[0] = 0.50;
    l[1] = 0.15;
    for (int i = 2; i <= 6; i++) {
      l[i] = 0.04;
    }
    for (int i = 7; i <= 27; i++) {
      l[i] = 0.15 / 21;
    }
    return l;
  }

  /** Share of the eventual click conversions that happened within {@code maxLag} days. */
  static double clickShare(int maxLag) {
    double s = 0;
    for (int i = 0; i <= Math.min(maxLag, CLICK_LAG.length - 1); i++) {
      s += CLICK_LAG[i];
    }
    return s;
  }

  static double viewShare(int maxLag) {
    double s = 0;
    for (int i = 0; i <= Math.min(maxLag, VIEW_LAG.length - 1); i++) {
      s += VIEW_LAG[i];
    }
    return s;
  }

  /**
   * Conversions of a day visible {@code daysElapsed} days later in {@code window} (a computed
   * window or "default"), from the day's eventual click conversions; -1 for windows that report
   * nothing (7d_view, 28d_view, 1d_ev, dda).
   */
  static double visible(String window, double eventualClick, int daysElapsed) {
    if (daysElapsed < 0) {
      return 0;
    }
    double view = eventualClick * VIEW_SHARE;
    return switch (window) {
      case "1d_click" -> eventualClick * clickShare(Math.min(1, daysElapsed));
      case "7d_click" -> eventualClick * clickShare(Math.min(7, daysElapsed));
      case "28d_click" -> eventualClick * clickShare(Math.min(28, daysElapsed));
      case "1d_view" -> view * viewShare(Math.min(1, daysElapsed));
      case "default" ->
          eventualClick * clickShare(Math.min(7, daysElapsed)) + view * viewShare(Math.min(1, daysElapsed));
      default -> -1;
    };
  }

  /**
   * Whole conversions from a fractional expectation: {@code floor(visible + offset)} with an
   * offset in [0, 1) fixed per ad and day. Unbiased (0.4 conversions a day show up as 1 on about
   * 40 % of days instead of never), deterministic, and never decreasing as {@code visible} grows.
   */
  static long count(double visible, double offset) {
    return visible <= 0 ? 0 : (long) Math.floor(visible + offset);
  }
}
