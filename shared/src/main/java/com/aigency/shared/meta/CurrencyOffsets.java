package com.aigency.shared.meta;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Meta's currency offsets (Marketing API "Currency codes" page): the factor between a currency's
 * major unit and the integers Meta takes and returns for budgets, bids and spend caps. Offset 100:
 * amounts are in hundredths (EUR {@code daily_budget=1000} is EUR 10.00). Offset 1: amounts are in
 * whole units (JPY {@code daily_budget=1000} is JPY 1000).
 *
 * <p>For most currencies Meta's unit is the ISO minor unit, so {@link Money#minorUnits()} goes to
 * Meta unchanged. Where Meta and ISO 4217 differ (HUF, IDR, COP, CRC, TWD have two ISO decimals
 * but offset 1; BHD and JOD have three but offset 100) the conversion rescales, and refuses an
 * amount Meta cannot represent rather than round money silently; {@link #roundForMeta} rounds
 * explicitly.
 */
public final class CurrencyOffsets {
  private CurrencyOffsets() {}

  /** Offset-1 currencies as Meta lists them. */
  private static final Set<String> OFFSET_1 =
      Set.of("CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND");

  /** Offset-100 currencies as Meta lists them. */
  private static final Set<String> OFFSET_100 =
      Set.of(
          "DZD", "ARS", "AUD", "BHD", "BDT", "BOB", "BGN", "BRL", "GBP", "CAD", "CNY", "HRK", "CZK", "DKK",
          "EGP", "EUR", "GTQ", "HNL", "HKD", "INR", "ILS", "JOD", "KES", "LVL", "LTL", "MOP", "MYR", "MXN",
          "NZD", "NIO", "NGN", "NOK", "PKR", "PEN", "PHP", "PLN", "QAR", "RON", "RUB", "SAR", "RSD", "SGD",
          "SKK", "ZAR", "SEK", "CHF", "THB", "TRY", "AED", "UAH", "USD", "UYU", "VEF", "FBZ", "VES");

  private static final Map<String, Integer> TABLE;

  static {
    Map<String, Integer> table = new TreeMap<>();
    OFFSET_1.forEach(c -> table.put(c, 1));
    OFFSET_100.forEach(c -> table.put(c, 100));
    TABLE = Map.copyOf(table);
  }

  /** Every currency Meta's table lists, with its offset. */
  public static Map<String, Integer> table() {
    return new TreeMap<>(TABLE);
  }

  public static boolean isSupported(String currency) {
    return currency != null && TABLE.containsKey(currency);
  }

  /**
   * 1 or 100.
   *
   * @throws IllegalArgumentException for a currency Meta does not list
   */
  public static int offset(String currency) {
    Integer offset = currency == null ? null : TABLE.get(currency);
    if (offset == null) {
      throw new IllegalArgumentException("Meta does not support the currency " + currency);
    }
    return offset;
  }

  private static int metaDigits(String currency) {
    return offset(currency) == 1 ? 0 : 2;
  }

  /**
   * The integer Meta takes for {@code money} (e.g. {@code daily_budget}): EUR 10.00 is 1000, JPY
   * 1500 is 1500, HUF 2500.00 is 2500.
   *
   * @throws IllegalArgumentException when Meta's unit cannot represent the amount exactly (HUF
   *     12.50), or the currency is not Meta's
   */
  public static long toMetaAmount(Money money) {
    Objects.requireNonNull(money, "money");
    int shift = metaDigits(money.currency()) - Money.fractionDigits(money.currency());
    BigDecimal amount = BigDecimal.valueOf(money.minorUnits()).movePointRight(shift);
    if (amount.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "Meta takes " + money.currency() + " amounts in units of " + (offset(money.currency()) == 1 ? "1" : "0.01")
              + "; " + money + " is not a whole number of them (round it with CurrencyOffsets.roundForMeta)");
    }
    return amount.longValueExact();
  }

  /** {@code money} rounded to the nearest amount Meta can represent, with {@code rounding}. */
  public static Money roundForMeta(Money money, RoundingMode rounding) {
    int shift = metaDigits(money.currency()) - Money.fractionDigits(money.currency());
    long meta = BigDecimal.valueOf(money.minorUnits()).movePointRight(shift).setScale(0, rounding).longValueExact();
    return fromMetaAmount(meta, money.currency());
  }

  /** The money a Meta integer amount (budget, bid, spend cap) stands for. */
  public static Money fromMetaAmount(long metaAmount, String currency) {
    int shift = Money.fractionDigits(currency) - metaDigits(currency);
    BigDecimal minor = BigDecimal.valueOf(metaAmount).movePointRight(shift);
    // Meta's unit is never finer than the ISO minor unit except for 3-decimal currencies, where
    // movePointRight is a multiplication; a fraction cannot arise.
    return new Money(minor.setScale(0, RoundingMode.UNNECESSARY).longValueExact(), currency);
  }

  /** As {@link #fromMetaAmount(long, String)} for the string form Graph returns budgets in. */
  public static Money fromMetaAmount(String metaAmount, String currency) {
    return fromMetaAmount(Long.parseLong(Objects.requireNonNull(metaAmount, "metaAmount").trim()), currency);
  }

  /** Meta's spend cap and budget minimums are per currency; this only checks the code is known. */
  public static void requireSupported(String currency) {
    offset(currency);
  }
}
