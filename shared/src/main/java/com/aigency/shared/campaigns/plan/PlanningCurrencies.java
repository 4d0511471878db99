package com.aigency.shared.campaigns.plan;

import com.aigency.shared.meta.CurrencyOffsets;
import com.aigency.shared.meta.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The per-currency facts planning needs: a fixed planning rate (units of the currency per US
 * dollar, not a market rate) used to convert the USD benchmarks of {@link Benchmarks}, and Meta's
 * minimum daily budget, taken as about one US dollar: the rate rounded up to two significant
 * digits, and never less than one whole unit of the currency (EUR 1.00, GBP 1.00, JPY 150, KRW
 * 1,400, INR 83, HUF 360). Only the currencies Meta lists ({@link CurrencyOffsets}) and that are
 * still in circulation are here; a brief in any other currency cannot be planned.
 *
 * <p>The table is deliberately static: plans and projections must be reproducible, and a few
 * percent of exchange-rate drift is far inside the benchmark ranges. Review it once a year.
 */
public final class PlanningCurrencies {
  private PlanningCurrencies() {}

  /** Units of the currency per USD, as planning rates. */
  private static final Map<String, BigDecimal> PER_USD = table();

  private static Map<String, BigDecimal> table() {
    Map<String, BigDecimal> r = new TreeMap<>();
    put(r, "USD", "1");
    put(r, "EUR", "0.92");
    put(r, "GBP", "0.79");
    put(r, "CHF", "0.88");
    put(r, "CAD", "1.36");
    put(r, "AUD", "1.52");
    put(r, "NZD", "1.65");
    put(r, "SEK", "10.5");
    put(r, "NOK", "10.6");
    put(r, "DKK", "6.9");
    put(r, "ISK", "138");
    put(r, "PLN", "4.0");
    put(r, "CZK", "23");
    put(r, "HUF", "360");
    put(r, "RON", "4.6");
    put(r, "BGN", "1.8");
    put(r, "RSD", "108");
    put(r, "TRY", "34");
    put(r, "UAH", "41");
    put(r, "RUB", "90");
    put(r, "ILS", "3.7");
    put(r, "AED", "3.67");
    put(r, "SAR", "3.75");
    put(r, "QAR", "3.64");
    put(r, "BHD", "0.376");
    put(r, "JOD", "0.709");
    put(r, "EGP", "48");
    put(r, "DZD", "134");
    put(r, "KES", "129");
    put(r, "NGN", "1500");
    put(r, "ZAR", "18.5");
    put(r, "INR", "83");
    put(r, "PKR", "280");
    put(r, "BDT", "118");
    put(r, "CNY", "7.2");
    put(r, "HKD", "7.8");
    put(r, "MOP", "8.05");
    put(r, "TWD", "32");
    put(r, "JPY", "150");
    put(r, "KRW", "1350");
    put(r, "SGD", "1.35");
    put(r, "MYR", "4.7");
    put(r, "THB", "36");
    put(r, "PHP", "57");
    put(r, "IDR", "16000");
    put(r, "VND", "25000");
    put(r, "BRL", "5.0");
    put(r, "MXN", "17");
    put(r, "ARS", "900");
    put(r, "CLP", "930");
    put(r, "COP", "4000");
    put(r, "PEN", "3.75");
    put(r, "UYU", "39");
    put(r, "PYG", "7500");
    put(r, "BOB", "6.9");
    put(r, "CRC", "510");
    put(r, "GTQ", "7.75");
    put(r, "HNL", "24.7");
    put(r, "NIO", "36.6");
    put(r, "VES", "36");
    return Map.copyOf(r);
  }

  private static void put(Map<String, BigDecimal> rates, String currency, String perUsd) {
    if (!CurrencyOffsets.isSupported(currency)) {
      throw new IllegalStateException(currency + " is not a currency Meta lists");
    }
    rates.put(currency, new BigDecimal(perUsd));
  }

  /** Whether a brief in this currency can be planned. */
  public static boolean isSupported(String currency) {
    return currency != null && PER_USD.containsKey(currency);
  }

  /** Every supported currency with its planning rate (units per USD), sorted by code. */
  public static Map<String, BigDecimal> rates() {
    return new TreeMap<>(PER_USD);
  }

  /** Units of {@code currency} per US dollar. */
  public static Optional<BigDecimal> perUsd(String currency) {
    return Optional.ofNullable(currency == null ? null : PER_USD.get(currency));
  }

  /**
   * Meta's minimum daily budget in minor units of {@code currency}: about one US dollar, the rate
   * rounded up to two significant digits and at least one whole unit.
   */
  public static Optional<Long> minimumDailyBudget(String currency) {
    return perUsd(currency).map(rate -> {
      BigDecimal major = rate.round(new MathContext(2, RoundingMode.CEILING)).max(BigDecimal.ONE);
      return Money.ofMajor(major, currency, RoundingMode.CEILING).minorUnits();
    });
  }

  /** The USD amount in minor units of {@code currency} at the planning rate (exact decimal). */
  static BigDecimal usdToMinor(BigDecimal usd, String currency) {
    BigDecimal rate = perUsd(currency).orElseThrow(() -> new IllegalArgumentException("No planning rate for " + currency));
    return usd.multiply(rate).movePointRight(Money.fractionDigits(currency));
  }
}
