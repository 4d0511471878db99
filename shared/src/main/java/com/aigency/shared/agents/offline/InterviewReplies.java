package com.aigency.shared.agents.offline;

import com.aigency.shared.domain.Goal;
import java.util.List;

/** What the offline interviewer says: plain language, no marketing jargon, one or two questions at a time. */
final class InterviewReplies {
  /** Ends every summary; seeing it in the previous ASSISTANT message means "yes" confirms. */
  static final String CONFIRM_QUESTION = "Does this look right?";

  static final String GREETING =
      "Hi! I'm Aigency's onboarding assistant. I'll ask a few quick questions so we can plan your ads together. "
          + "(You're using offline mode without an AI model, so I follow a simple script.)";

  private static final List<String> THANKS = List.of("Thanks, got it.", "Great, noted.", "Perfect, thank you.", "Got it, thanks.");

  private InterviewReplies() {}

  /** A short thank-you, varied by how far the interview has come so consecutive turns differ. */
  static String thanks(int knownFields) {
    return THANKS.get(knownFields % THANKS.size());
  }

  static String notCaught(BriefField field) {
    return field.required
        ? "Sorry, I didn't quite catch that, and I need it to plan your ads."
        : "Sorry, I didn't quite catch that.";
  }

  static String questions(List<BriefField> fields) {
    if (fields.equals(List.of(BriefField.GOAL, BriefField.MONTHLY_BUDGET))) {
      return BriefField.GOAL.question + " And what's your monthly advertising budget, and in which currency?";
    }
    return String.join(" ", fields.stream().map(f -> f.question).toList());
  }

  static String summary(BriefDraft draft) {
    String usp = draft.text(BriefField.UNIQUE_SELLING_POINT);
    String website = draft.text(BriefField.WEBSITE_URL);
    return "Here's a summary of your brief:\n"
        + "- Business: " + draft.text(BriefField.BUSINESS_DESCRIPTION) + "\n"
        + "- Product or service to advertise: " + draft.text(BriefField.PRODUCT) + "\n"
        + "- Ideal customers: " + draft.text(BriefField.TARGET_AUDIENCE) + "\n"
        + "- Goal: " + goal(draft.goal()) + "\n"
        + "- Budget: " + Money.display(draft.monthlyBudgetMinor(), draft.currency()) + " per month\n"
        + "- Where: " + draft.text(BriefField.LOCATION) + "\n"
        + "- What sets you apart: " + (usp == null ? "not given" : usp) + "\n"
        + "- Website: " + (website == null ? "none" : website) + "\n\n"
        + CONFIRM_QUESTION + " Say \"yes\" to save it, or tell me what to change.";
  }

  static String whatToChange() {
    return "No problem. Tell me what to change, for example \"the budget is 2,000 EUR per month\" or "
        + "\"our customers are young parents\".";
  }

  static String closing() {
    return "Wonderful, your brief is confirmed and I'm saving it now. Next, connect your Facebook ad account "
        + "and we can plan your first campaign. You can change the brief any time by telling me what's different.";
  }

  static String goal(Goal goal) {
    return switch (goal) {
      case LEADS -> "more leads (enquiries and sign-ups)";
      case SALES -> "more sales";
      case TRAFFIC -> "more visits to your website";
      case APP_INSTALLS -> "more app installs";
    };
  }
}
