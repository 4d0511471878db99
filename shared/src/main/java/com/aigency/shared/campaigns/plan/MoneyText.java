package com.aigency.shared.campaigns.plan;

import com.aigency.shared.meta.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Minor units as people read them: "EUR 1,500.00", "JPY 150,000". */
public final class MoneyText {
  private MoneyText() {}

  public static String format(long minorUnits, String currency) {
    int digits = Money.fractionDigits(currency);
    DecimalFormat format =
        new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.US));
    return currency + " " + format.format(BigDecimal.valueOf(minorUnits).movePointLeft(digits));
  }
}
