package com.aigency.shared.agents.offline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Currency helpers: minor units per ISO 4217 fraction digits, and the "EUR 1,500.00" display form. */
final class Money {
  private Money() {}

  /** A currency code BriefInput accepts (known to the JDK, with real fraction digits), upper case. */
  static Optional<String> validCurrency(String code) {
    if (code == null || code.length() != 3) {
      return Optional.empty();
    }
    try {
      Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
      return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency.getCurrencyCode());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static int digits(String currency) {
    return Currency.getInstance(currency).getDefaultFractionDigits();
  }

  /** EUR 1500 -> 150000, JPY 150000 -> 150000; half-up like a bank would round. */
  static long toMinor(BigDecimal amount, String currency) {
    return amount.movePointRight(digits(currency)).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  static BigDecimal fromMinor(long minor, String currency) {
    return BigDecimal.valueOf(minor).movePointLeft(digits(currency));
  }

  static String display(long minor, String currency) {
    int digits = digits(currency);
    DecimalFormat format =
        new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.US));
    return currency + " " + format.format(fromMinor(minor, currency));
  }
}
