package com.aigency.shared.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.projects.BriefInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingInterviewerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

  static JsonNode schema() throws IOException {
    try (InputStream in = OnboardingInterviewerTest.class.getResourceAsStream(OnboardingInterviewer.SCHEMA_RESOURCE)) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void aScriptedConversationEndsInAConfirmedCompleteValidBrief() throws IOException {
    Interview interview = new Interview();
    List<JsonNode> outputs = new ArrayList<>();

    interview.say("Hi! We're a family-run sourdough bakery in Lisbon.");
    outputs.add(interview.output());
    assertThat(interview.reply()).contains("offline mode").contains("Which product or service");

    interview.say("We sell weekend brunch boxes. Our customers are young professionals and families who live nearby.");
    outputs.add(interview.output());
    assertThat(interview.reply()).contains("What should the ads achieve").contains("monthly advertising budget");

    interview.say("We want more sales, and we can spend about €1,500 a month.");
    outputs.add(interview.output());
    assertThat(interview.reply()).contains("What makes you different");

    interview.say("What makes us different is that our dough ferments for 48 hours. Our site is cornerbakery.pt");
    outputs.add(interview.output());
    assertThat(interview.reply())
        .contains("EUR 1,500.00 per month")
        .contains("Family-run sourdough bakery in Lisbon")
        .contains("Does this look right?");
    assertThat(interview.output().get("readyToConfirm").asBoolean()).isTrue();
    assertThat(interview.output().get("confirmed").asBoolean()).isFalse();

    ModelReply done = interview.say("Yes, looks good!");
    outputs.add(interview.output());
    assertThat(done.offline()).isTrue();
    assertThat(done.model()).isEqualTo("offline");
    assertThat(interview.output().get("confirmed").asBoolean()).isTrue();
    assertThat(interview.output().get("readyToConfirm").asBoolean()).isFalse();
    assertThat(interview.output().get("missingFields")).isEmpty();
    assertThat(interview.reply()).contains("confirmed");

    ProjectBrief brief = BriefInput.from(interview.brief(), NOW);
    assertThat(brief)
        .isEqualTo(
            new ProjectBrief(
                "Family-run sourdough bakery in Lisbon",
                "Weekend brunch boxes",
                "Young professionals and families who live nearby",
                Goal.SALES,
                150_000L,
                "EUR",
                "Lisbon",
                "Our dough ferments for 48 hours",
                "https://cornerbakery.pt",
                NOW));
    JsonNode schema = schema();
    for (JsonNode output : outputs) {
      assertThat(SchemaChecker.violations(schema, output)).isEmpty();
    }
  }

  @Test
  void askedQuestionsAreAnsweredOneByOneAndOptionalFieldsCanBeSkipped() {
    Interview interview = new Interview();
    interview.say("Hello");
    assertThat(interview.reply()).startsWith("Hi!").contains("what does your business do?");
    assertThat(interview.output().get("brief").get("businessDescription").isNull()).isTrue();

    interview.say("I run a small yoga studio");
    interview.say("Beginner yoga classes");
    interview.say("Busy office workers aged 25 to 45");
    interview.say("Leads please, 500 GBP monthly");
    assertThat(interview.reply()).contains("Where are the customers");
    interview.say("Mostly in Manchester, UK");
    interview.say("skip");
    assertThat(interview.reply()).contains("Do you have a website?");
    interview.say("No website yet");
    assertThat(interview.reply()).contains("- What sets you apart: not given").contains("- Website: none");
    interview.say("correct");

    ProjectBrief brief = BriefInput.from(interview.brief(), NOW);
    assertThat(brief.businessDescription()).isEqualTo("Small yoga studio");
    assertThat(brief.product()).isEqualTo("Beginner yoga classes");
    assertThat(brief.targetAudience()).isEqualTo("Busy office workers aged 25 to 45");
    assertThat(brief.goal()).isEqualTo(Goal.LEADS);
    assertThat(brief.monthlyBudget()).isEqualTo(50_000L);
    assertThat(brief.currency()).isEqualTo("GBP");
    assertThat(brief.location()).isEqualTo("Manchester, UK");
    assertThat(brief.uniqueSellingPoint()).isNull();
    assertThat(brief.websiteUrl()).isNull();
    assertThat(interview.output().get("confirmed").asBoolean()).isTrue();
  }

  @Test
  void aCorrectionAfterTheSummaryUpdatesAndSummarisesAgain() {
    Interview interview = completeInterview();
    interview.say("Actually the budget is 2000");
    assertThat(interview.output().get("confirmed").asBoolean()).isFalse();
    assertThat(interview.output().get("readyToConfirm").asBoolean()).isTrue();
    assertThat(interview.reply()).startsWith("Thanks, I've updated that.").contains("EUR 2,000.00 per month");
    assertThat(interview.brief().get("monthlyBudget").asLong()).isEqualTo(200_000L);

    interview.say("confirm");
    assertThat(interview.output().get("confirmed").asBoolean()).isTrue();
  }

  @Test
  void aNoAfterTheSummaryAsksWhatToChange() {
    Interview interview = completeInterview();
    interview.say("No");
    assertThat(interview.output().get("confirmed").asBoolean()).isFalse();
    assertThat(interview.reply()).contains("Tell me what to change");
  }

  @Test
  void aRichFirstMessageIsGreetedAndOnlyTheRestIsAsked() {
    Interview interview = new Interview();
    interview.say("Hello! We're a dental clinic in Berlin. Our budget is 3000 euros monthly and we want more appointments.");
    assertThat(interview.reply()).startsWith("Hi!").contains("Thanks, I've noted").contains("Which product or service");
    JsonNode brief = interview.brief();
    assertThat(brief.get("businessDescription").asText()).isEqualTo("Dental clinic in Berlin");
    assertThat(brief.get("location").asText()).isEqualTo("Berlin");
    assertThat(brief.get("goal").asText()).isEqualTo("LEADS");
    assertThat(brief.get("monthlyBudget").asLong()).isEqualTo(300_000L);
    assertThat(brief.get("currency").asText()).isEqualTo("EUR");
  }

  @Test
  void aYesWithoutASummaryConfirmsNothing() {
    Interview interview = new Interview();
    interview.say("Hi");
    interview.say("yes");
    assertThat(interview.output().get("confirmed").asBoolean()).isFalse();
    assertThat(interview.reply()).contains("what does your business do?");
  }

  @Test
  void neverInventsABudget() {
    Interview interview = new Interview();
    interview.say("We're an online shop for handmade candles.");
    interview.say("Scented soy candles");
    interview.say("Women aged 30 to 50 who like home decor");
    interview.say("We want more sales, but I'm not sure about money yet.");

    JsonNode brief = interview.brief();
    assertThat(brief.get("monthlyBudget").isNull()).isTrue();
    assertThat(brief.get("currency").isNull()).isTrue();
    assertThat(brief.get("goal").asText()).isEqualTo("SALES");
    assertThat(brief.get("location").isNull()).isTrue();
    assertThat(interview.output().get("missingFields").toString()).contains("monthlyBudget", "currency", "location");
    assertThat(interview.reply()).contains("What's your monthly advertising budget, and in which currency?");
    assertThat(interview.output().get("readyToConfirm").asBoolean()).isFalse();
  }

  @Test
  void anAmountWithoutCurrencyAsksForTheCurrency() {
    Interview interview = new Interview();
    interview.say("We're a dog grooming salon.");
    interview.say("Full grooming packages");
    interview.say("Dog owners nearby");
    interview.say("Bookings. About 800 a month.");
    assertThat(interview.brief().get("monthlyBudget").isNull()).isTrue();
    assertThat(interview.reply()).contains("Which currency is that budget in");
    interview.say("Swiss francs");
    assertThat(interview.brief().get("monthlyBudget").asLong()).isEqualTo(80_000L);
    assertThat(interview.brief().get("currency").asText()).isEqualTo("CHF");
  }

  @Test
  void anUnclearAnswerIsAskedAgain() {
    Interview interview = new Interview();
    interview.say("We're a bike repair shop in Utrecht.");
    interview.say("Repairs and servicing");
    interview.say("Commuters");
    interview.say("hmm, good question?");
    assertThat(interview.reply()).startsWith("Sorry, I didn't quite catch that").contains("What should the ads achieve");
  }

  @Test
  void theSameRequestGivesTheSameReply() {
    Interview interview = completeInterview();
    ModelRequest request = interview.request();
    OfflineModel model = new OfflineModel();
    ModelReply first = model.complete(request);
    ModelReply second = new OfflineModel().complete(request);
    assertThat(second).isEqualTo(first);
    assertThat(first.inputTokens()).isPositive();
    assertThat(first.outputTokens()).isEqualTo(OfflineModel.estimateTokens(first.output().toString().length()));
  }

  @Test
  void aCompleteKnownBriefIsSummarisedAndCanBeChangedInAnyConversation() {
    String known =
        """
        Known brief: {"businessDescription":"Bakery","product":"Bread","targetAudience":"Locals","goal":"SALES",\
        "monthlyBudget":150000,"currency":"EUR","location":"Lisbon","uniqueSellingPoint":null,"websiteUrl":null,\
        "updatedAt":"2026-01-01T00:00:00Z"}""";
    ModelReply reply =
        new OfflineModel()
            .complete(Interview.request(List.of(ChatMessage.user(known), ChatMessage.user("Our customers are now mostly tourists."))));
    JsonNode output = reply.output();
    assertThat(output.get("brief").get("targetAudience").asText()).isEqualTo("Now mostly tourists");
    assertThat(output.get("brief").get("monthlyBudget").asLong()).isEqualTo(150_000L);
    assertThat(output.get("readyToConfirm").asBoolean()).isTrue();
    assertThat(output.get("reply").asText()).contains("Does this look right?");
  }

  @Test
  void theSchemaIsStrictModeCompatibleAndThePromptIsThere() throws IOException {
    assertThat(SchemaChecker.strictModeProblems(schema())).isEmpty();
    try (InputStream prompt = OnboardingInterviewerTest.class.getResourceAsStream(OnboardingInterviewer.PROMPT_RESOURCE)) {
      assertThat(new String(prompt.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("one or two questions at a time", "minor units", "Does this look right?", "Known brief: ");
    }
  }

  @Test
  void theCheckerCatchesABadOutput() throws IOException {
    JsonNode bad = new ObjectMapper().readTree("{\"reply\":1,\"brief\":{},\"missingFields\":[\"x\"],\"extra\":true}");
    assertThat(SchemaChecker.violations(schema(), bad)).hasSizeGreaterThan(3);
  }

  /** A finished interview sitting at its summary, awaiting the user's yes. */
  static Interview completeInterview() {
    Interview interview = new Interview();
    interview.say("We're a family-run sourdough bakery in Lisbon, Portugal.");
    interview.say("Weekend brunch boxes");
    interview.say("Young families");
    interview.say("Orders. €1.500 per month");
    interview.say("Nothing really");
    interview.say("https://cornerbakery.example.com");
    assertThat(interview.output().get("readyToConfirm").asBoolean()).isTrue();
    return interview;
  }
}
