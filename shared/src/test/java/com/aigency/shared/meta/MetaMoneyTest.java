package com.aigency.shared.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaMoneyTest {

  @Test
  void parsesMajorUnitDecimalsExactly() {
    assertThat(Money.parseMajor("12.34", "EUR")).isEqualTo(new Money(1234, "EUR"));
    assertThat(Money.parseMajor("0.1", "USD")).isEqualTo(new Money(10, "USD"));
    assertThat(Money.parseMajor("1523", "JPY")).isEqualTo(new Money(1523, "JPY"));
    assertThat(Money.parseMajor("1523.00", "JPY")).isEqualTo(new Money(1523, "JPY"));
    assertThat(Money.parseMajor("1234567890.99", "USD")).isEqualTo(new Money(123456789099L, "USD"));
    assertThat(Money.parseMajor("1.234", "BHD")).isEqualTo(new Money(1234, "BHD"));
    // a double would give 1233.9999...: BigDecimal keeps it exact
    assertThat(Money.parseMajor("12.34", "EUR").minorUnits()).isEqualTo(1234);
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHasUnlessRounded() {
    assertThatThrownBy(() -> Money.parseMajor("12.345", "EUR")).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.parseMajor("10.5", "JPY")).isInstanceOf(ArithmeticException.class);
    assertThat(Money.ofMajor(new BigDecimal("12.345"), "EUR", RoundingMode.HALF_UP)).isEqualTo(new Money(1235, "EUR"));
    assertThatThrownBy(() -> Money.parseMajor("abc", "EUR")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void validatesCurrencies() {
    assertThatThrownBy(() -> new Money(1, "eur")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
    assertThat(new Money(5, "FBZ").toMajor()).isEqualByComparingTo("0.05");
  }

  @Test
  void printsAndAdds() {
    assertThat(new Money(1234, "EUR")).hasToString("EUR 12.34");
    assertThat(new Money(1500, "JPY")).hasToString("JPY 1500");
    assertThat(new Money(1234, "EUR").toMajor()).isEqualByComparingTo("12.34");
    assertThat(new Money(100, "EUR").plus(new Money(23, "EUR"))).isEqualTo(new Money(123, "EUR"));
    assertThatThrownBy(() -> new Money(100, "EUR").plus(new Money(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void metaOffsetsFollowMetasTable() {
    for (String c : new String[] {"CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND"}) {
      assertThat(CurrencyOffsets.offset(c)).as(c).isEqualTo(1);
    }
    for (String c : new String[] {"EUR", "USD", "GBP", "BRL", "INR", "AUD", "BHD", "JOD", "CHF", "FBZ"}) {
      assertThat(CurrencyOffsets.offset(c)).as(c).isEqualTo(100);
    }
    assertThat(CurrencyOffsets.table()).hasSize(66);
    assertThatThrownBy(() -> CurrencyOffsets.offset("XAF")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void budgetsGoToMetaInTheOffsetsUnit() {
    assertThat(CurrencyOffsets.toMetaAmount(Money.parseMajor("10.00", "EUR"))).isEqualTo(1000);
    assertThat(CurrencyOffsets.toMetaAmount(Money.parseMajor("12.34", "USD"))).isEqualTo(1234);
    assertThat(CurrencyOffsets.toMetaAmount(Money.parseMajor("1500", "JPY"))).isEqualTo(1500);
    assertThat(CurrencyOffsets.toMetaAmount(Money.parseMajor("25000", "KRW"))).isEqualTo(25000);
    // ISO has two decimals for HUF, Meta's offset is 1: whole forints
    assertThat(CurrencyOffsets.toMetaAmount(Money.parseMajor("2500.00", "HUF"))).isEqualTo(2500);
    assertThatThrownBy(() -> CurrencyOffsets.toMetaAmount(Money.parseMajor("2500.50", "HUF")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HUF");
    assertThat(CurrencyOffsets.roundForMeta(Money.parseMajor("2500.50", "HUF"), RoundingMode.DOWN))
        .isEqualTo(Money.parseMajor("2500", "HUF"));
    // BHD has three ISO decimals, Meta takes hundredths
    assertThat(CurrencyOffsets.toMetaAmount(Money.parseMajor("1.230", "BHD"))).isEqualTo(123);
    assertThatThrownBy(() -> CurrencyOffsets.toMetaAmount(Money.parseMajor("1.234", "BHD")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void metaAmountsComeBackAsMoney() {
    assertThat(CurrencyOffsets.fromMetaAmount("1000", "EUR")).isEqualTo(Money.parseMajor("10.00", "EUR"));
    assertThat(CurrencyOffsets.fromMetaAmount(1500, "JPY")).isEqualTo(new Money(1500, "JPY"));
    assertThat(CurrencyOffsets.fromMetaAmount(2500, "HUF")).isEqualTo(Money.parseMajor("2500", "HUF"));
    assertThat(CurrencyOffsets.fromMetaAmount(123, "BHD")).isEqualTo(Money.parseMajor("1.23", "BHD"));
  }

  @Test
  void everyMetaCurrencyRoundTrips() {
    for (Map.Entry<String, Integer> e : CurrencyOffsets.table().entrySet()) {
      Money m = CurrencyOffsets.fromMetaAmount(123_456, e.getKey());
      assertThat(CurrencyOffsets.toMetaAmount(m)).as(e.getKey()).isEqualTo(123_456);
      assertThat(m.toMajor()).as(e.getKey())
          .isEqualByComparingTo(BigDecimal.valueOf(123_456).divide(BigDecimal.valueOf(e.getValue())));
    }
  }
}
