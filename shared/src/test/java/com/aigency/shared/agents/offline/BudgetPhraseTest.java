package com.aigency.shared.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetPhraseTest {

  /** Monthly budget in minor units and currency, as the brief stores them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "€1,500 a month                      | 150000    | EUR",
        "1500 EUR per month                  | 150000    | EUR",
        "$2k/month                           | 200000    | USD",
        "£300 monthly                        | 30000     | GBP",
        "150000 JPY                          | 150000    | JPY",
        "we spend about 1.200 euros          | 120000    | EUR",
        "a budget of 1.500,50 € monthly      | 150050    | EUR",
        "our budget is 2,500.75 USD          | 250075    | USD",
        "2.5k dollars a month                | 250000    | USD",
        "US$ 900 per month                   | 90000     | USD",
        "A$1,200 monthly                     | 120000    | AUD",
        "we can spend 700 chf monthly        | 70000     | CHF",
        "we can invest 300 quid a month      | 30000     | GBP",
        "about 1 000 000 yen a month         |           | ",
        "¥150,000 a month                    | 150000    | JPY",
        "€100 per week                       | 43333     | EUR",
        "$12,000 a year                      | 100000    | USD",
      })
  void readsTheMonthlyBudget(String text, Long minor, String currency) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, text, Set.of());
    if (minor == null) {
      // "1 000 000" with plain spaces reads as "1" then "000": better unknown than wrong
      assertThat(draft.monthlyBudgetMinor()).isNull();
      return;
    }
    assertThat(draft.monthlyBudgetMinor()).isEqualTo(minor);
    assertThat(draft.currency()).isEqualTo(currency);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "we sell candles for $20 each",
        "our best seller is the $30 candle",
        "candles from $20",
        "our dough ferments for 48 hours",
        "we have 12 employees",
        "founded in 2015",
        "all in all we are a small team",
      })
  void pricesAndOtherNumbersAreNotABudget(String text) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, text, Set.of());
    assertThat(draft.budget()).isNull();
    assertThat(draft.currency()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"About 800 a month | 800", "1,200 | 1200", "Men aged 25-45 |", "we're open 7 days |"})
  void aBareNumberAnswersTheBudgetQuestionUnlessItIsSomethingElse(String answer, String amount) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, answer, EnumSet.of(BriefField.MONTHLY_BUDGET));
    if (amount == null) {
      assertThat(draft.budget()).isNull();
    } else {
      assertThat(draft.budget()).isEqualByComparingTo(amount);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"1,500 | 1500", "1.200 | 1200", "1.500,50 | 1500.50", "1,500.50 | 1500.50", "12.50 | 12.50", "1.234.567 | 1234567", "1,5 | 1.5"})
  void numbersUseTheLastSeparatorAsDecimalPointAndThreeDigitGroupsAsThousands(String text, String value) {
    assertThat(BudgetPhrase.parse(text, false)).isEqualByComparingTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"EUR | 150000 | EUR 1,500.00", "JPY | 150000 | JPY 150,000", "KWD | 1500000 | KWD 1,500.000"})
  void budgetsDisplayInMajorUnits(String currency, long minor, String shown) {
    assertThat(Money.display(minor, currency)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0 EUR a month", "€999,999,999,999 a month"})
  void budgetsBriefInputWouldRejectAreNotKept(String text) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, text, Set.of());
    assertThat(draft.monthlyBudgetMinor()).isNull();
  }
}
