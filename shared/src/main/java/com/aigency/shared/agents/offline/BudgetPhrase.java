package com.aigency.shared.agents.offline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A budget found in one sentence: an amount in major units (null when only a currency was named)
 * and a currency (null when only a number was given). Recognises "€1,500 a month", "1500 EUR per
 * month", "$2k/month", "£300 monthly", "150000 JPY", "about 1.200 euros" (European thousands
 * separator), and converts weekly, daily and yearly amounts to monthly ones.
 */
record BudgetPhrase(BigDecimal amount, String currency) {

  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.,-])(\\d{1,3}(?:[.,'\u00A0\u202F]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?)(?:\\s?([kKmM])\\b)?");
  private static final Pattern SYMBOL_BEFORE =
      Pattern.compile("(US\\$|AU\\$|A\\$|CA\\$|C\\$|NZ\\$|R\\$|\\$|€|£|¥|₹|\\b[A-Za-z]{3})\\s?$");
  private static final Pattern WORD_AFTER = Pattern.compile("^\\s?(€|£|\\$|¥|₹|[A-Za-z]{2,8}(?![A-Za-z]))");
  private static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          Map.entry("US$", "USD"), Map.entry("AU$", "AUD"), Map.entry("A$", "AUD"), Map.entry("CA$", "CAD"),
          Map.entry("C$", "CAD"), Map.entry("NZ$", "NZD"), Map.entry("R$", "BRL"), Map.entry("$", "USD"),
          Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("¥", "JPY"), Map.entry("₹", "INR"));
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("dollar", "USD"), Map.entry("dollars", "USD"),
          Map.entry("bucks", "USD"), Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"), Map.entry("quid", "GBP"),
          Map.entry("yen", "JPY"), Map.entry("franc", "CHF"), Map.entry("francs", "CHF"), Map.entry("rupee", "INR"),
          Map.entry("rupees", "INR"), Map.entry("zloty", "PLN"), Map.entry("reais", "BRL"), Map.entry("rand", "ZAR"));
  /** Lower-case codes accepted as currencies; other codes only in upper case ("all" is not Albanian lek). */
  private static final List<String> LOWER_CASE_CODES =
      List.of("eur", "usd", "gbp", "jpy", "chf", "cad", "aud", "nzd", "inr", "sek", "nok", "dkk", "pln", "brl", "mxn", "zar", "sgd", "hkd");
  private static final Pattern CURRENCY_ONLY =
      Pattern.compile("(?i)(€|£|¥|₹|\\$|\\b(?:euros?|dollars?|pounds?|yen|francs?|rupees?|[a-z]{3})\\b)");
  private static final Pattern BUDGET_CONTEXT =
      Pattern.compile("(?i)\\b(budget|spend|spending|invest|advertis\\w*|ads|marketing|afford)\\b");
  private static final Pattern PER_WEEK = Pattern.compile("(?i)(per|a|each|every|/)\\s?(week|wk)\\b|\\bweekly\\b");
  private static final Pattern PER_DAY = Pattern.compile("(?i)(per|a|each|every|/)\\s?day\\b|\\bdaily\\b");
  private static final Pattern PER_YEAR =
      Pattern.compile("(?i)(per|a|each|every|/)\\s?(year|yr)\\b|\\b(yearly|annually|per annum)\\b");
  private static final Pattern PER_MONTH =
      Pattern.compile("(?i)(per|a|each|every|/)\\s?(month|mo)\\b|\\bmonthly\\b");
  /** Words that make an amount a price ("candles for $20 each") unless the sentence is about the budget. */
  private static final Pattern PRICE =
      Pattern.compile(
          "(?i)\\b(?:for|from|at|costs?|priced|price|prices|each|per (?:item|piece|unit|person|head|hour|night|box|session|class))\\b");
  private static final Pattern UNIT_AFTER =
      Pattern.compile("(?i)^\\s?(%|percent|hours?|days?|weeks?|months?|years?|km|miles?|people|customers|employees|staff|times|x\\b|-)");

  /**
   * The budget in a sentence, if any. Budget context means the sentence speaks of budget, spending
   * or a period, or the budget was just asked for. An amount with a currency counts in budget
   * context or as a short answer of its own ("150000 JPY" counts; "candles for $20 each" and "our
   * best seller is the $30 candle" do not); a bare number or a lone currency counts only in budget
   * context.
   */
  static Optional<BudgetPhrase> find(String sentence, boolean budgetAsked) {
    boolean context = budgetAsked || BUDGET_CONTEXT.matcher(sentence).find() || period(sentence) != null;
    // outside budget talk only a short answer that is just an amount ("150000 JPY") is a budget
    boolean justAnAmount = sentence.strip().split("\\s+").length <= 4 && !PRICE.matcher(sentence).find();
    if (!context && !justAnAmount) {
      return Optional.empty();
    }
    Matcher number = NUMBER.matcher(sentence);
    while (number.find()) {
      String before = sentence.substring(Math.max(0, number.start() - 4), number.start());
      String after = sentence.substring(number.end());
      String currency = currencyBefore(before);
      if (currency == null) {
        currency = currencyAfter(after);
      }
      if (currency == null && (!context || UNIT_AFTER.matcher(after).find())) {
        continue; // "48 hours", "30%", or any bare number outside talk of budgets: not money
      }
      BigDecimal amount = parse(number.group(1), number.group(2) != null);
      if (number.group(2) != null) {
        amount = amount.multiply(number.group(2).equalsIgnoreCase("k") ? BigDecimal.valueOf(1_000) : BigDecimal.valueOf(1_000_000));
      }
      return Optional.of(new BudgetPhrase(monthly(amount, sentence), currency));
    }
    return context ? currencyOnly(sentence).map(code -> new BudgetPhrase(null, code)) : Optional.empty();
  }

  private static String currencyBefore(String before) {
    Matcher m = SYMBOL_BEFORE.matcher(before);
    if (!m.find()) {
      return null;
    }
    String token = m.group(1);
    return SYMBOLS.containsKey(token) ? SYMBOLS.get(token) : code(token);
  }

  private static String currencyAfter(String after) {
    Matcher m = WORD_AFTER.matcher(after);
    if (!m.find()) {
      return null;
    }
    String token = m.group(1);
    if (SYMBOLS.containsKey(token)) {
      return SYMBOLS.get(token);
    }
    String word = WORDS.get(token.toLowerCase(Locale.ROOT));
    return word != null ? word : code(token);
  }

  /** A currency named without an amount: "in euros", "USD". */
  private static Optional<String> currencyOnly(String sentence) {
    Matcher m = CURRENCY_ONLY.matcher(sentence);
    while (m.find()) {
      String token = m.group(1);
      String code =
          SYMBOLS.containsKey(token) ? SYMBOLS.get(token) : WORDS.getOrDefault(token.toLowerCase(Locale.ROOT), code(token));
      if (code != null) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  private static String code(String token) {
    boolean upper = token.equals(token.toUpperCase(Locale.ROOT));
    if (token.length() != 3 || !(upper || LOWER_CASE_CODES.contains(token))) {
      return null;
    }
    return Money.validCurrency(token).orElse(null);
  }

  /**
   * "1,500" and "1.500" are fifteen hundred (one separator followed by exactly three digits is a
   * thousands separator, the European way too); "1.500,50" and "1,500.50" use the last separator
   * as the decimal point; "2.5k" is a decimal because of the suffix.
   */
  static BigDecimal parse(String text, boolean hasSuffix) {
    String digits = text.replaceAll("['\u00A0\u202F]", "");
    int dot = digits.lastIndexOf('.');
    int comma = digits.lastIndexOf(',');
    if (dot >= 0 && comma >= 0) {
      char decimal = dot > comma ? '.' : ',';
      char thousands = decimal == '.' ? ',' : '.';
      digits = digits.replace(String.valueOf(thousands), "").replace(decimal, '.');
    } else if (dot >= 0 || comma >= 0) {
      char separator = dot >= 0 ? '.' : ',';
      int last = Math.max(dot, comma);
      boolean several = digits.indexOf(separator) != last;
      boolean thousands = several || (digits.length() - last - 1 == 3 && !hasSuffix);
      digits = thousands ? digits.replace(String.valueOf(separator), "") : digits.replace(separator, '.');
    }
    return new BigDecimal(digits);
  }

  private static BigDecimal monthly(BigDecimal amount, String sentence) {
    String period = period(sentence);
    if (period == null || period.equals("month")) {
      return amount;
    }
    MathContext context = MathContext.DECIMAL64;
    return switch (period) {
      case "week" -> amount.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12), context);
      case "day" -> amount.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(12), context);
      default -> amount.divide(BigDecimal.valueOf(12), context);
    };
  }

  private static String period(String sentence) {
    if (PER_MONTH.matcher(sentence).find()) {
      return "month";
    }
    if (PER_WEEK.matcher(sentence).find()) {
      return "week";
    }
    if (PER_DAY.matcher(sentence).find()) {
      return "day";
    }
    return PER_YEAR.matcher(sentence).find() ? "year" : null;
  }
}
