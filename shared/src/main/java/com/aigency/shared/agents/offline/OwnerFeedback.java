package com.aigency.shared.agents.offline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the offline planner and copywriter understand of one piece of the owner's feedback on a plan
 * (docs/agents-planning.md lists it): a budget (absolute, "lower the budget to 20 a day", "spend 30
 * EUR per day", "400 a month"; or relative, "lower the budget", "cut the budget by 25%", "double
 * the budget"), an age range ("target 30-50", "ages 25 to 40", "over 40", "under 35"), genders
 * ("women only", "only men", "everyone"), a tone ("more playful", "more professional", "more
 * urgent", "shorter") and things to mention ("mention free delivery", "include that we open on
 * Sundays"). Anything else is not understood, and the plan says so.
 */
record OwnerFeedback(
    String text,
    Optional<Budget> budget,
    Optional<AgeRange> ages,
    Optional<String> genders,
    Optional<Tone> tone,
    boolean shorter,
    List<String> mentions) {

  enum Tone {
    PLAYFUL("more playful"),
    FORMAL("more professional"),
    URGENT("more urgent");

    final String words;

    Tone(String words) {
      this.words = words;
    }
  }

  enum Period {
    DAY,
    WEEK,
    MONTH
  }

  /** A budget the owner asked for. */
  sealed interface Budget {}

  /**
   * @param currency null when no currency was named
   * @param period null when no period was named
   */
  record Absolute(BigDecimal amount, String currency, Period period) implements Budget {}

  /** A budget multiplied by {@code factor} (0.8 for "lower the budget"). */
  record Relative(BigDecimal factor) implements Budget {}

  record AgeRange(int min, int max) {}

  boolean understood() {
    return budget.isPresent() || ages.isPresent() || genders.isPresent() || tone.isPresent() || shorter || !mentions.isEmpty();
  }

  boolean asksForCopyChanges() {
    return tone.isPresent() || shorter || !mentions.isEmpty();
  }

  // ------------------------------------------------------------------ reading

  private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern CLAUSES = Pattern.compile("(?<=[.!?;])\\s+|\\n+|(?<=\\S)[.!?;]$");

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(?![\\d])");
  private static final Pattern RANGE_SPAN = Pattern.compile("\\b\\d{2}\\s*(?:-|–|—|to|and)\\s*\\d{2}\\b", I);
  private static final Pattern BUDGET_WORDS =
      Pattern.compile("\\b(?:budget|budgets|spend|spending|spends|pay|paying|invest|investing|cost|costs)\\b", I);
  private static final Pattern PER_DAY = Pattern.compile("(?:\\b(?:a|per|each|every)\\s+day\\b|/\\s?day\\b|\\bdaily\\b|\\bper diem\\b)", I);
  private static final Pattern PER_WEEK = Pattern.compile("(?:\\b(?:a|per|each|every)\\s+week\\b|/\\s?(?:week|wk)\\b|\\bweekly\\b)", I);
  private static final Pattern PER_MONTH = Pattern.compile("(?:\\b(?:a|per|each|every)\\s+month\\b|/\\s?(?:month|mo)\\b|\\bmonthly\\b)", I);
  private static final Pattern ADJACENT_PERIOD =
      Pattern.compile("^\\s?(?:(?:a|per|each|every|/)\\s?(day|week|wk|month|mo)\\b|(daily|weekly|monthly)\\b)", I);
  private static final Pattern AGE_BEFORE =
      Pattern.compile("\\b(?:over|above|under|below|aged?|ages|than|between)\\s+$", I);
  private static final Pattern CURRENCY_BEFORE = Pattern.compile("(US\\$|\\$|€|£|¥|₹|\\b[A-Za-z]{3})\\s?$");
  private static final Pattern CURRENCY_AFTER =
      Pattern.compile("^\\s?(€|£|\\$|¥|₹|euros?\\b|dollars?\\b|bucks\\b|pounds?\\b|quid\\b|yen\\b|francs?\\b|rupees?\\b|[A-Za-z]{3}\\b)", I);
  private static final Map<String, String> CURRENCY_WORDS =
      Map.ofEntries(
          Map.entry("us$", "USD"), Map.entry("$", "USD"), Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("¥", "JPY"),
          Map.entry("₹", "INR"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("dollar", "USD"),
          Map.entry("dollars", "USD"), Map.entry("bucks", "USD"), Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"),
          Map.entry("quid", "GBP"), Map.entry("yen", "JPY"), Map.entry("franc", "CHF"), Map.entry("francs", "CHF"),
          Map.entry("rupee", "INR"), Map.entry("rupees", "INR"));
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,2})\\s?(?:%|percent\\b)", I);
  private static final Pattern LOWER = Pattern.compile("\\b(?:lower|lowers|reduce|decrease|cut|less|smaller|cheaper|down|drop|trim)\\b", I);
  private static final Pattern RAISE = Pattern.compile("\\b(?:raise|increase|more|bigger|higher|up|boost)\\b", I);
  private static final Pattern HALVE = Pattern.compile("\\b(?:halve|half)\\b", I);
  private static final Pattern DOUBLE = Pattern.compile("\\bdouble\\b", I);

  private static final Pattern AGE_WORDS =
      Pattern.compile("\\b(?:age|ages|aged|target|targeting|year|years|yrs|yo|old|olds|people|between|audience|adults|customers)\\b", I);
  private static final Pattern AGE_RANGE = Pattern.compile("\\b(\\d{2})\\s*(?:-|–|—|to|and)\\s*(\\d{2})\\b", I);
  private static final Pattern AGE_OVER =
      Pattern.compile("\\b(?:over|above|older than|at least)\\s+(\\d{2})\\b|\\b(\\d{2})\\s*\\+|\\b(\\d{2})\\s+(?:and|or)\\s+(?:over|older|up)\\b", I);
  private static final Pattern AGE_UNDER = Pattern.compile("\\b(?:under|below|younger than|up to)\\s+(\\d{2})\\b", I);

  private static final Pattern FEMALE =
      Pattern.compile("\\b(?:only|just|target|targeting|focus on|reach)\\s+(?:to\\s+)?(?:women|females?|ladies)\\b|\\b(?:women|females|ladies)\\s+only\\b", I);
  private static final Pattern MALE =
      Pattern.compile("\\b(?:only|just|target|targeting|focus on|reach)\\s+(?:to\\s+)?(?:men|males?)\\b|\\b(?:men|males)\\s+only\\b", I);
  private static final Pattern ALL_GENDERS =
      Pattern.compile("\\b(?:all genders|both genders|men and women|women and men|everyone|everybody)\\b", I);

  private static final Pattern PLAYFUL =
      Pattern.compile("\\b(?:playful|fun|funny|funnier|cheeky|cheekier|light-hearted|lighthearted|casual|friendlier|witty|wittier|humou?r(?:ous)?)\\b", I);
  private static final Pattern FORMAL =
      Pattern.compile("\\b(?:formal|professional|serious|elegant|premium|sophisticated|classy|classier)\\b", I);
  private static final Pattern URGENT = Pattern.compile("\\b(?:urgent|urgency|fomo|pushier)\\b", I);
  private static final Pattern SHORTER = Pattern.compile("\\b(?:shorter|concise|punchier|less text|fewer words|briefer)\\b", I);

  private static final String CHANGE_VERBS = "(?:make|target|lower|raise|spend|use|set|change|reduce|increase|cut|keep|aim|focus)";
  private static final Pattern MENTION =
      Pattern.compile("\\b(?:mention|mentions|mentioning|include|including|add|say|saying|highlight|emphasi[sz]e|talk about|point out|"
          + "stress|feature|showcase|promote)\\s+(?:that\\s+|the fact that\\s+)?(.+?)\\s*(?=$|,?\\s+(?:and|but|then)\\s+" + CHANGE_VERBS
          + "\\b|,\\s*" + CHANGE_VERBS + "\\b)", I);
  private static final Pattern NEGATION = Pattern.compile("\\b(?:don't|do not|dont|never|stop|no longer|without|not)\\s+$", I);
  private static final Pattern NOT_A_MENTION =
      Pattern.compile("\\b(?:budget|spend|spending|ages?|aged|years? old|per day|a day|daily|a month|per month|ad ?sets?|targeting)\\b", I);
  private static final Pattern MENTION_TIDY_START = Pattern.compile("^(?:our|the|a|an|some)\\s+", I);
  private static final Pattern MENTION_TIDY_END =
      Pattern.compile("\\s+(?:in|to|on)\\s+(?:the|every|all|each)\\s+(?:ads?|copy|texts?|headlines?)$|\\s+too$|\\s+as well$|\\s+please$", I);
  private static final int MENTION_MAX = 80;

  static OwnerFeedback read(String text) {
    String said = text == null ? "" : text.strip();
    Optional<Budget> budget = Optional.empty();
    Optional<AgeRange> ages = Optional.empty();
    Optional<String> genders = Optional.empty();
    Optional<Tone> tone = Optional.empty();
    boolean shorter = false;
    List<String> mentions = new ArrayList<>();
    for (String clause : CLAUSES.split(said)) {
      if (clause.isBlank()) {
        continue;
      }
      Optional<Budget> b = budget(clause);
      if (b.isPresent()) {
        budget = b;
      }
      Optional<AgeRange> a = ages(clause, false);
      if (a.isPresent()) {
        ages = a;
      }
      if (FEMALE.matcher(clause).find()) {
        genders = Optional.of("FEMALE");
      } else if (MALE.matcher(clause).find()) {
        genders = Optional.of("MALE");
      } else if (ALL_GENDERS.matcher(clause).find()) {
        genders = Optional.of("ALL");
      }
      List<String> found = mentions(clause);
      mentions.addAll(found);
      String rest = clause;
      for (String m : found) {
        rest = rest.replace(m, " ");
      }
      if (PLAYFUL.matcher(rest).find()) {
        tone = Optional.of(Tone.PLAYFUL);
      } else if (FORMAL.matcher(rest).find()) {
        tone = Optional.of(Tone.FORMAL);
      } else if (URGENT.matcher(rest).find()) {
        tone = Optional.of(Tone.URGENT);
      }
      shorter |= SHORTER.matcher(rest).find();
    }
    return new OwnerFeedback(said, budget, ages, genders, tone, shorter, List.copyOf(mentions));
  }

  /**
   * A budget in one clause. A number counts when a currency is next to it ("EUR 30", "30 euros"),
   * a period follows it ("20 a day", "400/month"), or budget words come shortly before it ("budget
   * to 20", "spend 25"); never inside an age range ("30-50") or right after an age word ("over
   * 40"). Without such a number, budget words with lower/raise/halve/double are a relative change
   * (20% unless a percentage is given).
   */
  static Optional<Budget> budget(String clause) {
    boolean budgetWords = BUDGET_WORDS.matcher(clause).find();
    List<int[]> ranges = new ArrayList<>();
    Matcher range = RANGE_SPAN.matcher(clause);
    while (range.find()) {
      ranges.add(new int[] {range.start(), range.end()});
    }
    Matcher number = NUMBER.matcher(clause);
    while (number.find()) {
      int at = number.start();
      if (ranges.stream().anyMatch(r -> at >= r[0] && at < r[1])) {
        continue; // "30-50" is an age range
      }
      String before = clause.substring(0, at);
      String after = clause.substring(number.end());
      if (after.matches("(?is)^\\s?(?:%|percent\\b|\\+|years?\\b|yrs?\\b|y/?o\\b|-year).*") || AGE_BEFORE.matcher(before).find()) {
        continue;
      }
      String currency = currencyBefore(before.substring(Math.max(0, before.length() - 4)));
      String afterCurrency = after;
      if (currency == null) {
        Matcher c = CURRENCY_AFTER.matcher(after);
        if (c.find()) {
          currency = currency(c.group(1));
          if (currency != null) {
            afterCurrency = after.substring(c.end());
          }
        }
      }
      Period adjacent = adjacentPeriod(afterCurrency);
      boolean nearBudgetWords = BUDGET_WORDS.matcher(before.substring(Math.max(0, before.length() - 25))).find();
      if (currency == null && adjacent == null && !nearBudgetWords) {
        continue;
      }
      String digits = number.group(1);
      BigDecimal amount = new BigDecimal(digits.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? digits.replace(",", "") : digits.replace(',', '.'));
      if (amount.signum() <= 0) {
        continue;
      }
      return Optional.of(new Absolute(amount, currency, adjacent != null ? adjacent : period(clause)));
    }
    if (!budgetWords) {
      return Optional.empty();
    }
    if (HALVE.matcher(clause).find()) {
      return Optional.of(new Relative(new BigDecimal("0.5")));
    }
    if (DOUBLE.matcher(clause).find()) {
      return Optional.of(new Relative(new BigDecimal("2")));
    }
    Matcher percent = PERCENT.matcher(clause);
    BigDecimal by = percent.find() ? new BigDecimal(percent.group(1)).movePointLeft(2) : new BigDecimal("0.2");
    if (LOWER.matcher(clause).find()) {
      return Optional.of(new Relative(BigDecimal.ONE.subtract(by)));
    }
    if (RAISE.matcher(clause).find()) {
      return Optional.of(new Relative(BigDecimal.ONE.add(by)));
    }
    return Optional.empty();
  }

  /** "a day", "per week", "/month", "daily" right after an amount (and its currency). */
  private static Period adjacentPeriod(String after) {
    Matcher m = ADJACENT_PERIOD.matcher(after);
    if (!m.find()) {
      return null;
    }
    String unit = m.group(1) != null ? m.group(1) : m.group(2);
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "day", "daily" -> Period.DAY;
      case "week", "wk", "weekly" -> Period.WEEK;
      default -> Period.MONTH;
    };
  }

  private static Period period(String clause) {
    if (PER_DAY.matcher(clause).find()) {
      return Period.DAY;
    }
    if (PER_WEEK.matcher(clause).find()) {
      return Period.WEEK;
    }
    return PER_MONTH.matcher(clause).find() ? Period.MONTH : null;
  }

  private static String currencyBefore(String before) {
    Matcher m = CURRENCY_BEFORE.matcher(before);
    return m.find() ? currency(m.group(1)) : null;
  }

  private static String currency(String token) {
    String word = CURRENCY_WORDS.get(token.toLowerCase(Locale.ROOT));
    if (word != null) {
      return word;
    }
    if (token.length() == 3 && (token.equals(token.toUpperCase(Locale.ROOT)) || Money.validCurrency(token).isPresent()
        && List.of("eur", "usd", "gbp", "jpy", "chf", "cad", "aud", "inr", "brl", "sek", "nok", "dkk", "pln").contains(token))) {
      return Money.validCurrency(token).orElse(null);
    }
    return null;
  }

  /**
   * An age range in a clause: "30-50", "25 to 40", "over 40", "under 35". Outside a target
   * audience ({@code implicitContext} false) the clause must speak of ages or targeting.
   */
  static Optional<AgeRange> ages(String clause, boolean implicitContext) {
    if (!implicitContext && !AGE_WORDS.matcher(clause).find()) {
      return Optional.empty();
    }
    Matcher range = AGE_RANGE.matcher(clause);
    while (range.find()) {
      String after = clause.substring(range.end());
      if (after.matches("(?is)^\\s?(?:%|€|£|\\$|eur|usd|gbp|euros?|dollars?|a day|per day|/day|a month|per month).*")) {
        continue;
      }
      int a = Integer.parseInt(range.group(1));
      int b = Integer.parseInt(range.group(2));
      if (a >= 13 && b >= 13 && a <= 99 && b <= 99) {
        return Optional.of(new AgeRange(Math.min(a, b), Math.max(a, b)));
      }
    }
    Matcher over = AGE_OVER.matcher(clause);
    if (over.find()) {
      String n = over.group(1) != null ? over.group(1) : over.group(2) != null ? over.group(2) : over.group(3);
      int a = Integer.parseInt(n);
      if (a >= 13) {
        return Optional.of(new AgeRange(a, 99));
      }
    }
    Matcher under = AGE_UNDER.matcher(clause);
    if (under.find()) {
      int b = Integer.parseInt(under.group(1));
      if (b >= 13) {
        return Optional.of(new AgeRange(13, b));
      }
    }
    return Optional.empty();
  }

  /** Things to mention: "mention free delivery" -> "free delivery". */
  static List<String> mentions(String clause) {
    List<String> found = new ArrayList<>();
    Matcher m = MENTION.matcher(clause);
    while (m.find()) {
      String before = clause.substring(Math.max(0, m.start() - 12), m.start());
      if (NEGATION.matcher(before).find()) {
        continue;
      }
      String phrase = m.group(1).strip().replaceAll("^[\"'“‘]+|[\"'”’.,!]+$", "").strip();
      phrase = MENTION_TIDY_END.matcher(phrase).replaceFirst("");
      phrase = MENTION_TIDY_START.matcher(phrase).replaceFirst("").strip();
      if (phrase.isEmpty() || NOT_A_MENTION.matcher(phrase).find() || phrase.matches("(?i)(?:more|less|it|this|that)\\b.*")) {
        continue;
      }
      if (phrase.length() > MENTION_MAX) {
        int cut = phrase.lastIndexOf(' ', MENTION_MAX);
        phrase = phrase.substring(0, cut > 0 ? cut : MENTION_MAX);
      }
      found.add(phrase);
    }
    return found;
  }
}
