package com.aigency.shared.agents.offline;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Applies one user message to the draft. Rule-based fields (goal, budget, currency, website,
 * location) are read from every message; free-text fields from explicit phrasings, or, when the
 * message answers a question about one free-text field, from the whole answer. Later messages
 * overwrite earlier ones, which is how corrections ("actually the budget is 2000") work.
 */
final class BriefExtractor {
  private static final Set<BriefField> FREE_TEXT =
      EnumSet.of(
          BriefField.BUSINESS_DESCRIPTION,
          BriefField.PRODUCT,
          BriefField.TARGET_AUDIENCE,
          BriefField.UNIQUE_SELLING_POINT,
          BriefField.LOCATION);

  /** What one message did: the fields whose value changed, and optional fields the user declined. */
  record Outcome(Set<BriefField> changed, Set<BriefField> declined) {}

  private BriefExtractor() {}

  /**
   * @param asked the fields the previous ASSISTANT message asked for (empty if it asked nothing)
   */
  static Outcome apply(BriefDraft draft, String message, Set<BriefField> asked) {
    Set<BriefField> changed = EnumSet.noneOf(BriefField.class);
    Set<BriefField> declined = EnumSet.noneOf(BriefField.class);
    boolean budgetAsked = asked.contains(BriefField.MONTHLY_BUDGET) || asked.contains(BriefField.CURRENCY);
    Set<BriefField> stated = EnumSet.noneOf(BriefField.class);
    boolean sawPhrase = false;
    boolean sawMoneyOrUrl = false;
    for (String sentence : FreeText.sentences(message)) {
      Map<BriefField, String> phrases = TextRules.phrases(sentence);
      sawPhrase |= phrases.keySet().stream().anyMatch(f -> f != BriefField.LOCATION);
      stated.addAll(phrases.keySet());
      phrases.forEach((field, value) -> mark(changed, field, draft.setText(field, value)));
      // a passing "in Lisbon" fills an unknown location but never overrides a stated one
      if (!phrases.containsKey(BriefField.LOCATION) && !draft.known(BriefField.LOCATION)) {
        TextRules.placeAfterIn(sentence).ifPresent(place -> mark(changed, BriefField.LOCATION, draft.setText(BriefField.LOCATION, place)));
      }
      TextRules.goal(sentence, asked.contains(BriefField.GOAL)).ifPresent(goal -> mark(changed, BriefField.GOAL, draft.setGoal(goal)));
      var budget = BudgetPhrase.find(sentence, budgetAsked);
      if (budget.isPresent()) {
        sawMoneyOrUrl |= budget.get().amount() != null;
        // currency first, so the amount is checked against the right currency's limits
        if (budget.get().currency() != null) {
          mark(changed, BriefField.CURRENCY, draft.setCurrency(budget.get().currency()));
        }
        if (budget.get().amount() != null) {
          mark(changed, BriefField.MONTHLY_BUDGET, draft.setBudget(budget.get().amount()));
        }
      }
      var website = TextRules.website(sentence);
      if (website.isPresent()) {
        sawMoneyOrUrl = true;
        mark(changed, BriefField.WEBSITE_URL, draft.setText(BriefField.WEBSITE_URL, website.get()));
      } else if (TextRules.saysNoWebsite(sentence)) {
        declined.add(BriefField.WEBSITE_URL);
      }
    }
    // any statement about the business describes it, so only the narrower fields need a plain answer
    boolean plainAnswer = !sawMoneyOrUrl && (!sawPhrase || asked.equals(Set.of(BriefField.BUSINESS_DESCRIPTION)));
    answerAsked(draft, message, asked, plainAnswer && !stated.containsAll(asked), changed, declined);
    return new Outcome(changed, declined);
  }

  /** The whole message as the answer to the one free-text question asked, if it is an answer. */
  private static void answerAsked(
      BriefDraft draft, String message, Set<BriefField> asked, boolean plainAnswer, Set<BriefField> changed, Set<BriefField> declined) {
    for (BriefField field : asked) {
      if (!field.required && FreeText.declines(message) && !changed.contains(field)) {
        declined.add(field);
      }
    }
    if (asked.size() != 1 || !FREE_TEXT.contains(asked.iterator().next())) {
      return;
    }
    BriefField field = asked.iterator().next();
    String answer = FreeText.withoutGreeting(message);
    boolean usable =
        plainAnswer
            && !answer.isEmpty()
            && !FreeText.affirmative(answer)
            && !FreeText.declines(answer)
            && !FreeText.isQuestion(answer);
    if (!usable) {
      return;
    }
    String value = field == BriefField.LOCATION ? TextRules.locationAnswer(answer) : answer;
    mark(changed, field, draft.setText(field, value));
  }

  private static void mark(Set<BriefField> changed, BriefField field, boolean didChange) {
    if (didChange) {
      changed.add(field);
    }
  }
}
