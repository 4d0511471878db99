package com.aigency.shared.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.domain.Goal;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "We want more leads                          | LEADS",
        "Our goal is sign-ups for the newsletter     | LEADS",
        "We need more enquiries                      | LEADS",
        "We'd like to get more bookings              | LEADS",
        "We want to sell more candles                | SALES",
        "Mainly we want orders and revenue           | SALES",
        "We want more traffic to the blog            | TRAFFIC",
        "We hope to get visitors to our site         | TRAFFIC",
        "We need more app installs                   | APP_INSTALLS",
        "Our goal is downloads of the app            | APP_INSTALLS",
      })
  void readsTheGoalFromWordsOfWanting(String text, Goal goal) {
    assertThat(TextRules.goal(text, false)).contains(goal);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"Sales | SALES", "leads | LEADS", "website visits | TRAFFIC", "installs | APP_INSTALLS", "Selling online | SALES"})
  void anyGoalWordAnswersTheGoalQuestion(String text, Goal goal) {
    assertThat(TextRules.goal(text, true)).contains(goal);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"We sell handmade candles", "Our customers are tourists and visitors", "We built an app for dentists"})
  void goalWordsInPassingAreNotAGoal(String text) {
    assertThat(TextRules.goal(text, false)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Our website is https://cornerbakery.example.com.     | https://cornerbakery.example.com",
        "see http://shop.example.org/candles?ref=1            | http://shop.example.org/candles?ref=1",
        "it's www.bakery.pt                                   | https://www.bakery.pt",
        "find us at cornerbakery.co.uk                        | https://cornerbakery.co.uk",
      })
  void readsWebsites(String text, String url) {
    assertThat(TextRules.website(text)).contains(url);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mail hello@bakery.pt", "we use Node.js", "about 1.200 euros", "e.g. bread"})
  void emailsAndDottedWordsAreNotWebsites(String text) {
    assertThat(TextRules.website(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "We're based in Porto, Portugal and we deliver      | Porto, Portugal",
        "We are located in the north of England.            | The north of England",
        "We're in Berlin                                    | Berlin",
        "a bakery in Lisbon                                 | Lisbon",
        "shops in New York and Boston                       | New York and Boston",
      })
  void readsLocations(String text, String location) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, text, Set.of());
    assertThat(draft.text(BriefField.LOCATION)).isEqualTo(location);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"we opened in March", "we are interested in more sales", "ads in English"})
  void wordsAfterInThatAreNoPlace(String text) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, text, Set.of());
    assertThat(draft.text(BriefField.LOCATION)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "We're a family-run bakery, we sell bread           | BUSINESS_DESCRIPTION | Family-run bakery",
        "I run an accounting firm for freelancers           | BUSINESS_DESCRIPTION | Accounting firm for freelancers",
        "We sell handmade candles and our customers love it | PRODUCT              | Handmade candles",
        "Our main product is a meal-planning app            | PRODUCT              | A meal-planning app",
        "Our customers are mostly students                  | TARGET_AUDIENCE      | Students",
        "We sell to small law firms                         | TARGET_AUDIENCE      | Small law firms",
        "What makes us different is free next-day delivery  | UNIQUE_SELLING_POINT | Free next-day delivery",
        "We're the only vegan bakery in town                | UNIQUE_SELLING_POINT | The only vegan bakery in town",
        "Actually, the product is gift vouchers             | PRODUCT              | Gift vouchers",
        "the location is Faro                               | LOCATION             | Faro",
      })
  void readsExplicitPhrasings(String text, BriefField field, String value) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, text, Set.of());
    assertThat(draft.text(field)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PRODUCT              | Sourdough loaves and pastries. | Sourdough loaves and pastries",
        "TARGET_AUDIENCE      | well, retired couples          | Retired couples",
        "LOCATION             | Mostly in Lisbon and Porto     | Lisbon and Porto",
        "UNIQUE_SELLING_POINT | 20 years of experience         | 20 years of experience",
        "BUSINESS_DESCRIPTION | Hi! Tax advice for expats      | Tax advice for expats",
      })
  void aPlainAnswerFillsTheFieldAskedFor(BriefField asked, String answer, String value) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, answer, EnumSet.of(asked));
    assertThat(draft.text(asked)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PRODUCT              | yes",
        "PRODUCT              | why do you need that?",
        "TARGET_AUDIENCE      | $500 a month",
        "UNIQUE_SELLING_POINT | nothing really",
        "WEBSITE_URL          | no website",
      })
  void nonAnswersFillNothing(BriefField asked, String answer) {
    BriefDraft draft = new BriefDraft();
    BriefExtractor.apply(draft, answer, EnumSet.of(asked));
    assertThat(draft.text(asked)).isNull();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {"WEBSITE_URL | no website", "WEBSITE_URL | We don't have a website yet", "WEBSITE_URL | nope", "UNIQUE_SELLING_POINT | skip"})
  void declinedOptionalFieldsAreSettled(BriefField asked, String answer) {
    BriefExtractor.Outcome outcome = BriefExtractor.apply(new BriefDraft(), answer, EnumSet.of(asked));
    assertThat(outcome.declined()).contains(asked);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"Yes | true", "Looks good! | true", "correct | true", "confirm | true", "yes but the budget is wrong | false", "no | false"})
  void recognisesConfirmation(String text, boolean confirms) {
    assertThat(FreeText.affirmative(text)).isEqualTo(confirms);
  }
}
