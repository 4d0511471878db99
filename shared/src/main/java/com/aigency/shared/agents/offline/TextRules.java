package com.aigency.shared.agents.offline;

import com.aigency.shared.domain.Goal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic extraction rules, one sentence at a time. Free-text fields come only from
 * explicit phrasings ("we sell X", "our customers are Y", "what makes us different is Z"), so a
 * value is never guessed from an unrelated sentence.
 */
final class TextRules {
  private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Ordered: a field's first pattern that matches wins. Captures run to the end of the clause. */
  private static final Map<BriefField, List<Pattern>> PHRASES =
      Map.of(
          BriefField.BUSINESS_DESCRIPTION,
          List.of(
              Pattern.compile("\\b(?:we are|we're|i am|i'm)\\s+(?:an?\\s+)(.+)", I),
              Pattern.compile("\\b(?:we|i)\\s+(?:run|own|operate|have|started)\\s+(?:an?\\s+)(.+)", I),
              Pattern.compile("\\b(?:my|our)\\s+(?:business|company|shop|store|startup|agency|brand)\\s+is\\s+(?:an?\\s+)?(.+)", I),
              Pattern.compile("\\b(?:the\\s+)?(?:business\\s+)?description\\s+(?:is|should be)\\s+(.+)", I)),
          BriefField.PRODUCT,
          List.of(
              Pattern.compile("\\bour\\s+(?:main\\s+|flagship\\s+|best-selling\\s+)?(?:product|service|offer|offering)s?\\s+(?:is|are)\\s+(.+)", I),
              Pattern.compile("\\b(?:the\\s+)?product\\s+(?:is|should be)\\s+(.+)", I),
              Pattern.compile("\\bwe\\s+(?:sell|offer|make|provide|produce|bake|build|design|create)\\s+(?!to\\b)(.+)", I),
              Pattern.compile("\\b(?:promote|advertise)\\s+(?:our\\s+|my\\s+)?(?!on\\b|in\\b|to\\b|it\\b|more\\b)(.+)", I)),
          BriefField.TARGET_AUDIENCE,
          List.of(
              Pattern.compile(
                  "\\bour\\s+(?:ideal\\s+|main\\s+|typical\\s+|target\\s+)?(?:customers|clients|buyers|users|audience|market)\\s+(?:are|is|would be)\\s+(?:mostly\\s+|mainly\\s+)?(.+)",
                  I),
              Pattern.compile("\\b(?:the\\s+)?(?:target\\s+)?audience\\s+(?:is|should be)\\s+(.+)", I),
              Pattern.compile("\\b(?:sell|cater|market)\\s+(?:mainly\\s+|mostly\\s+)?to\\s+(.+)", I),
              Pattern.compile("\\bwe\\s+(?:target|want to reach)\\s+(.+)", I)),
          BriefField.UNIQUE_SELLING_POINT,
          List.of(
              Pattern.compile("\\bwhat\\s+makes\\s+(?:us|me|it|our\\s+\\w+)\\s+(?:different|special|unique|stand out)\\s+is\\s+(?:that\\s+)?(.+)", I),
              Pattern.compile("\\b(?:usp|unique selling point|selling point)\\s+is\\s+(?:that\\s+)?(.+)", I),
              Pattern.compile("\\bwe(?:'re| are)\\s+different because\\s+(.+)", I),
              Pattern.compile("\\bunlike\\s+(?:other|most|our)\\s+[\\w\\s-]{1,40}?,\\s*(.+)", I),
              Pattern.compile("\\bwe(?:'re| are)\\s+(the only\\s+.+)", I)),
          BriefField.LOCATION,
          List.of(
              Pattern.compile("\\b(?:the\\s+)?location\\s+(?:is|should be)\\s+(.+)", I),
              Pattern.compile("\\b(?:based|located|headquartered)\\s+in\\s+(.+)", I),
              Pattern.compile("\\b(?:we're|we are|i'm|i am)\\s+in\\s+(.+)", I),
              Pattern.compile("\\b(?:operate|serve customers|deliver|ship)\\s+(?:in|to|across|throughout)\\s+(.+)", I)));

  /** Where a captured clause stops: the next clause about something else. */
  private static final Pattern CLAUSE_END =
      Pattern.compile("(?i),?\\s+(?:and|but|so|because)\\s+(?:we|our|i|my|they|their|it)\\b.*$|,\\s*(?:we|our|i)\\b.*$");
  private static final Pattern LOCATION_END =
      Pattern.compile("(?i)\\s+(?:who|where|with|for|to|and we|since|because)\\b.*$|,\\s*(?:we|our|and)\\b.*$");
  /** "in Lisbon", "in Lisbon, Portugal", "in New York and Boston": capitalised place names after "in". */
  private static final Pattern IN_PLACE =
      Pattern.compile("\\bin\\s+(\\p{Lu}[\\p{L}.'-]+(?:(?:,\\s*|\\s+and\\s+|\\s+)\\p{Lu}[\\p{L}.'-]+)*)");
  private static final Set<String> NOT_PLACES =
      Set.of("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
          "English", "Facebook", "Instagram", "Google", "TikTok", "Meta", "Q1", "Q2", "Q3", "Q4");
  private static final Pattern LOCATION_ANSWER_PREFIX =
      Pattern.compile("(?i)^(?:we're|we are|i'm|i am|mostly|mainly|only|just|all over|across|around|based)?\\s*(?:in|across|around|throughout)?\\s+");

  private static final List<GoalWord> GOAL_WORDS =
      List.of(
          new GoalWord(Goal.APP_INSTALLS, Pattern.compile("(?i)\\b(?:app installs?|installs?|downloads?|app)\\b")),
          new GoalWord(
              Goal.LEADS,
              Pattern.compile("(?i)\\b(?:leads?|sign[- ]?ups?|enquir(?:y|ies)|inquir(?:y|ies)|bookings?|appointments?|subscribers?)\\b")),
          new GoalWord(Goal.SALES, Pattern.compile("(?i)\\b(?:sales|sell|selling|orders|revenue|purchases)\\b")),
          new GoalWord(Goal.TRAFFIC, Pattern.compile("(?i)\\b(?:traffic|visits|visitors|clicks)\\b")),
          new GoalWord(null, Pattern.compile("\\b(LEADS|SALES|TRAFFIC|APP_INSTALLS)\\b")));
  /** Unless the goal was asked for, a goal word counts only after words of wanting ("we want more sales"). */
  private static final Pattern GOAL_TRIGGER =
      Pattern.compile(
          "(?i)\\b(?:want|wants|need|needs|looking for|get|getting|more|increase|drive|boost|grow|generate|goal|aim|focus|hoping|hope)\\b");

  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"']+");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?i)(?<![@\\w.-])((?:www\\.)?[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|io|co|pt|de|uk|fr|es|it|nl|eu|app|shop|store|ai|dev|me|us|ca|au|jp|ch|at|be|ie|se|no|dk|fi|pl|br|mx|in|biz|info|online|site|xyz)(?:\\.[a-z]{2})?(?:/[^\\s]*)?)(?![\\w-])");
  private static final Pattern NO_WEBSITE =
      Pattern.compile("(?i)\\bno (?:web\\s?site|site)\\b|\\b(?:don't|do not|dont|doesn't) have (?:a |an |any )?(?:web\\s?site|site)\\b");

  private record GoalWord(Goal goal, Pattern pattern) {}

  private TextRules() {}

  /** The free-text fields stated explicitly in this sentence, with the value stated. */
  static Map<BriefField, String> phrases(String sentence) {
    Map<BriefField, String> found = new EnumMap<>(BriefField.class);
    for (BriefField field : BriefField.values()) {
      for (Pattern pattern : PHRASES.getOrDefault(field, List.of())) {
        Matcher m = pattern.matcher(sentence);
        if (m.find()) {
          String value = CLAUSE_END.matcher(m.group(1)).replaceFirst("");
          if (field == BriefField.LOCATION) {
            value = LOCATION_END.matcher(value).replaceFirst("");
          }
          found.put(field, value);
          break;
        }
      }
    }
    return found;
  }

  /** A place named as "in Lisbon" anywhere in the sentence, for when nobody said "based in". */
  static Optional<String> placeAfterIn(String sentence) {
    Matcher m = IN_PLACE.matcher(sentence);
    while (m.find()) {
      String place = m.group(1).replaceAll("[.,]+$", "");
      if (!NOT_PLACES.contains(place.split("[\\s,]+")[0])) {
        return Optional.of(place);
      }
    }
    return Optional.empty();
  }

  /** A whole answer to "where are your customers?": "Mostly in Lisbon" -> "Lisbon". */
  static String locationAnswer(String answer) {
    return LOCATION_ANSWER_PREFIX.matcher(answer.strip()).replaceFirst("");
  }

  /** The first goal mentioned; outside an answer to the goal question only after a word of wanting. */
  static Optional<Goal> goal(String sentence, boolean asked) {
    Goal best = null;
    int bestAt = Integer.MAX_VALUE;
    for (GoalWord word : GOAL_WORDS) {
      Matcher m = word.pattern().matcher(sentence);
      while (m.find()) {
        String before = sentence.substring(Math.max(0, m.start() - 40), m.start());
        boolean counts = asked || word.goal() == null || GOAL_TRIGGER.matcher(before).find();
        if (counts && m.start() < bestAt) {
          best = word.goal() == null ? Goal.valueOf(m.group(1)) : word.goal();
          bestAt = m.start();
        }
        if (counts) {
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** An absolute http(s) URL, or a bare domain such as "www.bakery.pt" given https://. */
  static Optional<String> website(String sentence) {
    Matcher url = URL.matcher(sentence);
    String candidate = null;
    if (url.find()) {
      candidate = url.group();
    } else {
      Matcher domain = DOMAIN.matcher(sentence);
      if (domain.find()) {
        candidate = "https://" + domain.group(1);
      }
    }
    if (candidate == null) {
      return Optional.empty();
    }
    candidate = candidate.replaceAll("[.,;:!?)\\]]+$", "");
    try {
      URI uri = new URI(candidate);
      return uri.getHost() == null ? Optional.empty() : Optional.of(candidate);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static boolean saysNoWebsite(String sentence) {
    return NO_WEBSITE.matcher(sentence).find();
  }
}
