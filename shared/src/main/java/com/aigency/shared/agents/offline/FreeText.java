package com.aigency.shared.agents.offline;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tidying and classifying what users type, shared by the extraction rules. */
final class FreeText {
  private static final Pattern FILLER =
      Pattern.compile("(?i)^(?:well|so|sure|ok|okay|um+|uh+|hmm+|yes|yeah|yep|right)\\b[,!.]*\\s*");
  private static final Pattern GREETING =
      Pattern.compile("(?i)^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening))(?: there)?\\b[!,.\\s]*");
  private static final Pattern AFFIRMATIVE =
      Pattern.compile(
          "(?i)^(?:yes|yep|yeah|yup|sure|correct|that's correct|that is correct|that's right|right|looks good|look good|"
              + "looks great|looks right|sounds great|all good|perfect|confirm|confirmed|i confirm|ok|okay|great|sounds good|exactly|"
              + "good|fine|go ahead|save it)\\b.*");
  private static final Pattern DOUBT = Pattern.compile("(?i)\\b(?:but|except|actually|change|wrong|not|no)\\b");
  private static final Pattern DECLINE =
      Pattern.compile(
          "(?i)^(?:no|nope|none|nothing|not really|not sure|not yet|skip|pass|n/?a|don't know|dunno|i don't|we don't|"
              + "do not|don't have|no idea)\\b.*");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;])\\s+|\\n+");

  private FreeText() {}

  static String[] sentences(String text) {
    return SENTENCE_BREAK.split(text.strip());
  }

  /** Greetings and fillers removed, trailing punctuation dropped, first letter capitalised, length capped. */
  static String tidy(String raw, int maxLength, boolean capitalise) {
    if (raw == null) {
      return null;
    }
    String text = raw.strip().replaceAll("\\s+", " ");
    text = GREETING.matcher(text).replaceFirst("");
    text = FILLER.matcher(text).replaceFirst("");
    text = text.replaceAll("[\\s.,;:!]+$", "").strip();
    if (text.codePoints().filter(Character::isLetterOrDigit).count() < 2) {
      return null;
    }
    if (capitalise) {
      text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
    if (maxLength > 0 && text.length() > maxLength) {
      int cut = text.lastIndexOf(' ', maxLength);
      text = text.substring(0, cut > 0 ? cut : maxLength);
    }
    return text;
  }

  /** What is left of a message once a greeting is taken off; empty for "Hi!". */
  static String withoutGreeting(String text) {
    return GREETING.matcher(text.strip()).replaceFirst("").strip();
  }

  /** "Yes", "Looks good!", "correct" — but not "yes but the budget is wrong". */
  static boolean affirmative(String text) {
    String plain = text.strip();
    return AFFIRMATIVE.matcher(plain).matches() && !DOUBT.matcher(plain).find();
  }

  /** "No", "skip", "nothing really": the user has no answer to give. */
  static boolean declines(String text) {
    return DECLINE.matcher(text.strip()).matches();
  }

  static boolean isQuestion(String text) {
    return text.strip().endsWith("?");
  }
}
