package com.aigency.shared.agents.offline;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ChatMessage.Role;
import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The offline onboarding interviewer. Each call replays the visible conversation (see
 * {@link InterviewTranscript} for the message layout) over the known brief, so the same request
 * always gives the same reply. Fields are asked in {@link BriefField} order. Optional fields
 * (uniqueSellingPoint, websiteUrl) are asked once: an answer without a value ("skip", "no website")
 * settles them as null, as does a summary having been shown, or a known brief that already has
 * every required field while no interview question is in the visible history (a later change to an
 * existing brief). {@code readyToConfirm} is true when every required field is known, the optional
 * ones have been asked, and the user has not confirmed: the reply then shows the summary, or, after
 * a plain "no" to it, asks what to change. {@code confirmed} is true only for an affirmative answer
 * (see {@link FreeText#affirmative}) that changes nothing, given right after a summary. The history
 * window should hold at least the last six messages so an optional question the user skipped is
 * still visible when the next one is answered.
 */
public final class OnboardingInterviewer implements OfflineAgent {
  public static final String AGENT = "onboarding-interviewer";
  public static final String PROMPT_RESOURCE = "/agents/onboarding-interviewer/prompt.v1.md";
  public static final String SCHEMA_RESOURCE = "/agents/onboarding-interviewer/schema.v1.json";

  /**
   * Starts the USER message that carries the known brief, right after the system prompt and before
   * the chat history (see {@link InterviewTranscript}).
   */
  public static final String KNOWN_BRIEF_PREFIX = "Known brief: ";

  /** The known-brief message for a brief JSON object (ProjectBrief field names; {@code {}} if none). */
  public static ChatMessage knownBriefMessage(JsonNode brief) {
    return ChatMessage.user(KNOWN_BRIEF_PREFIX + brief);
  }

  @Override
  public String name() {
    return AGENT;
  }

  @Override
  public ObjectNode respond(ModelRequest request) {
    InterviewTranscript transcript = InterviewTranscript.of(request.messages());
    BriefDraft draft = BriefDraft.from(transcript.knownBrief());
    Set<BriefField> settled = EnumSet.noneOf(BriefField.class);
    if (draft.missingRequired().isEmpty() && !interviewing(transcript)) {
      // an existing brief being changed later: its optional fields were settled back then
      settled.addAll(EnumSet.of(BriefField.UNIQUE_SELLING_POINT, BriefField.WEBSITE_URL));
    }
    Turn last = null;
    String previousAssistant = null;
    boolean anyAssistant = false;
    for (ChatMessage message : transcript.turns()) {
      if (message.role() == Role.ASSISTANT) {
        previousAssistant = message.content();
        anyAssistant = true;
        continue;
      }
      last = replay(draft, settled, message.content(), previousAssistant, anyAssistant);
      previousAssistant = null; // a second user message in a row answers nothing new
    }
    return output(draft, settled, last, anyAssistant);
  }

  /** Whether the visible history holds the interview's own questions, i.e. onboarding is under way. */
  private static boolean interviewing(InterviewTranscript transcript) {
    for (ChatMessage message : transcript.turns()) {
      if (message.role() == Role.ASSISTANT) {
        for (BriefField field : BriefField.values()) {
          if (field.askedIn(message.content())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** What the newest user message did, and what it was answering. */
  private record Turn(String text, Set<BriefField> asked, boolean afterSummary, BriefExtractor.Outcome outcome) {}

  private static Turn replay(
      BriefDraft draft, Set<BriefField> settled, String text, String previousAssistant, boolean anyAssistant) {
    Set<BriefField> asked = EnumSet.noneOf(BriefField.class);
    boolean afterSummary = previousAssistant != null && previousAssistant.contains(InterviewReplies.CONFIRM_QUESTION);
    if (previousAssistant != null) {
      for (BriefField field : BriefField.values()) {
        if (field.askedIn(previousAssistant)) {
          asked.add(field);
        }
      }
    } else if (!anyAssistant && !draft.known(BriefField.BUSINESS_DESCRIPTION)) {
      // the opening message of a conversation answers the implicit first question
      asked.add(BriefField.BUSINESS_DESCRIPTION);
    }
    BriefExtractor.Outcome outcome = BriefExtractor.apply(draft, text, asked);
    settled.addAll(outcome.declined());
    for (BriefField field : asked) {
      if (!field.required && draft.known(field)) {
        settled.add(field);
      }
    }
    if (afterSummary) {
      settled.addAll(EnumSet.of(BriefField.UNIQUE_SELLING_POINT, BriefField.WEBSITE_URL));
    }
    return new Turn(text, asked, afterSummary, outcome);
  }

  private static ObjectNode output(BriefDraft draft, Set<BriefField> settled, Turn last, boolean anyAssistant) {
    List<BriefField> missing = draft.missingRequired();
    boolean confirmed =
        last != null
            && last.afterSummary()
            && missing.isEmpty()
            && last.outcome().changed().isEmpty()
            && FreeText.affirmative(last.text());
    List<BriefField> next = confirmed ? List.of() : nextQuestions(draft, missing, settled);
    boolean summary = !confirmed && next.isEmpty();
    String reply;
    if (confirmed) {
      reply = InterviewReplies.closing();
    } else if (summary) {
      boolean refused = last != null && last.afterSummary() && last.outcome().changed().isEmpty();
      reply = refused ? InterviewReplies.whatToChange() : opening(draft, last, anyAssistant) + InterviewReplies.summary(draft);
    } else {
      reply = opening(draft, last, anyAssistant) + InterviewReplies.questions(next);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("reply", reply);
    json.set("brief", draft.toJson());
    ArrayNode missingFields = json.putArray("missingFields");
    missing.forEach(field -> missingFields.add(field.json));
    json.put("readyToConfirm", summary);
    json.put("confirmed", confirmed);
    json.put("offline", true);
    return json;
  }

  /** The next one or two fields to ask about; goal and budget go together as both are quick answers. */
  private static List<BriefField> nextQuestions(BriefDraft draft, List<BriefField> missing, Set<BriefField> settled) {
    List<BriefField> open = new ArrayList<>(missing);
    if (draft.budget() != null && draft.currency() == null) {
      open.remove(BriefField.MONTHLY_BUDGET); // the amount is known; only its currency is not
    } else {
      open.remove(BriefField.CURRENCY); // asked together with the budget
    }
    if (open.isEmpty()) {
      for (BriefField field : List.of(BriefField.UNIQUE_SELLING_POINT, BriefField.WEBSITE_URL)) {
        if (!settled.contains(field) && !draft.known(field)) {
          return List.of(field);
        }
      }
      return List.of();
    }
    if (open.size() > 1 && open.get(0) == BriefField.GOAL && open.get(1) == BriefField.MONTHLY_BUDGET) {
      return List.of(BriefField.GOAL, BriefField.MONTHLY_BUDGET);
    }
    return List.of(open.get(0));
  }

  /** Greeting on the first reply, then thanks for new information or a note that nothing was caught. */
  private static String opening(BriefDraft draft, Turn last, boolean anyAssistant) {
    boolean learned = last != null && !last.outcome().changed().isEmpty();
    if (!anyAssistant) {
      return InterviewReplies.GREETING + "\n\n" + (learned ? "Thanks, I've noted what you told me. " : "");
    }
    if (last == null) {
      return "";
    }
    if (learned) {
      int known = BriefField.values().length - draft.missingRequired().size();
      return (last.afterSummary() ? "Thanks, I've updated that." : InterviewReplies.thanks(known)) + " ";
    }
    if (!last.outcome().declined().isEmpty()) {
      return "No problem. ";
    }
    boolean unanswered =
        !last.asked().isEmpty()
            && last.asked().stream().noneMatch(draft::known)
            && !last.outcome().declined().containsAll(last.asked());
    return unanswered ? InterviewReplies.notCaught(last.asked().iterator().next()) + " " : "";
  }
}
