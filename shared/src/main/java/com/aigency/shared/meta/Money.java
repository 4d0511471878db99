package com.aigency.shared.meta;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: integer minor units of an ISO 4217 currency, the same convention as the rest
 * of Aigency (project budgets, guardrails): EUR 12.34 is {@code Money(1234, "EUR")}, JPY 1500 is
 * {@code Money(1500, "JPY")}. Minor units follow the currency's ISO fraction digits as the JDK
 * knows them; Meta's own budget unit (its "currency offset") can differ, and {@link
 * CurrencyOffsets} converts at the Meta boundary.
 *
 * <p>Conversions from decimal amounts are exact ({@link BigDecimal}, never {@code double}): an
 * amount with more decimals than the currency has is refused unless a rounding mode is given.
 */
public record Money(long minorUnits, String currency) {
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (!CODE.matcher(currency).matches()) {
      throw new IllegalArgumentException("A currency is an upper-case ISO 4217 code, e.g. EUR; got " + currency);
    }
    fractionDigits(currency);
  }

  public static Money ofMinor(long minorUnits, String currency) {
    return new Money(minorUnits, currency);
  }

  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  /**
   * The exact amount in minor units: {@code ofMajor(12.34, EUR)} is 1234, {@code ofMajor(1500,
   * JPY)} is 1500.
   *
   * @throws ArithmeticException when {@code amount} has more decimals than the currency, or does not
   *     fit a long
   */
  public static Money ofMajor(BigDecimal amount, String currency) {
    int digits = fractionDigits(currency);
    BigDecimal minor = amount.movePointRight(digits);
    if (minor.stripTrailingZeros().scale() > 0) {
      throw new ArithmeticException(
          currency + " has " + digits + " decimal places; " + amount.toPlainString() + " has more");
    }
    return new Money(minor.longValueExact(), currency);
  }

  /** As {@link #ofMajor(BigDecimal, String)}, rounding any finer part with {@code rounding}. */
  public static Money ofMajor(BigDecimal amount, String currency, RoundingMode rounding) {
    return new Money(
        amount.movePointRight(fractionDigits(currency)).setScale(0, rounding).longValueExact(), currency);
  }

  /**
   * Parses a major-unit decimal such as Meta's insights {@code spend} ("12.34" EUR is 1234 minor
   * units, "1523" JPY is 1523), exactly.
   *
   * @throws NumberFormatException when {@code decimal} is not a plain decimal number
   * @throws ArithmeticException when it has more decimals than the currency
   */
  public static Money parseMajor(String decimal, String currency) {
    return ofMajor(new BigDecimal(Objects.requireNonNull(decimal, "decimal").trim()), currency);
  }

  /**
   * The ISO 4217 fraction digits of {@code currency} as the JDK knows them (EUR 2, JPY 0, BHD 3);
   * for a code only Meta knows (FBZ, Facebook credits) the digits of its Meta offset.
   *
   * @throws IllegalArgumentException for an unknown currency
   */
  public static int fractionDigits(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      if (digits >= 0) {
        return digits;
      }
    } catch (IllegalArgumentException e) {
      // not an ISO code the JDK knows; Meta's table may still know it
    }
    if (CurrencyOffsets.isSupported(currency)) {
      return CurrencyOffsets.offset(currency) == 1 ? 0 : 2;
    }
    throw new IllegalArgumentException("Unknown currency " + currency);
  }

  /** The amount in major units, e.g. 12.34 for {@code Money(1234, "EUR")}. */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(minorUnits).movePointLeft(fractionDigits(currency));
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  public boolean isNegative() {
    return minorUnits < 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("Cannot combine " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return currency + " " + toMajor().toPlainString();
  }
}
