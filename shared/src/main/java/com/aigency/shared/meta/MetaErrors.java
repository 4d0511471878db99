package com.aigency.shared.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meta's error envelope ({@code {"error": {"message", "type", "code", "error_subcode",
 * "is_transient", "error_user_title", "error_user_msg", "error_data", "fbtrace_id"}}}) and its
 * classification into {@link MetaErrorKind}. Pure functions: docs/meta-client.md has the table.
 */
public final class MetaErrors {
  private MetaErrors() {}

  /** Codes Meta uses for throttling: API, user, page, app and ad-account level limits. */
  static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 341, 613);

  /** Business Use Case rate limits: 80000-80014. */
  static final int BUC_FIRST = 80000;

  static final int BUC_LAST = 80014;

  /** "User request limit reached" / ad-account throttling subcodes. */
  static final Set<Integer> RATE_LIMIT_SUBCODES = Set.of(2446079, 1487742);

  /** 190 invalid/expired token, 102 session error, 2500 no active token. */
  static final Set<Integer> TOKEN_CODES = Set.of(190, 102, 2500);

  /** 458 app not installed, 459 checkpointed, 460 password changed, 463 expired, 464 unconfirmed, 467 invalid. */
  static final Set<Integer> TOKEN_SUBCODES = Set.of(458, 459, 460, 463, 464, 467);

  /** Ranges of Marketing API validation subcodes (ad set, budget, campaign, creative checks). */
  private static final int[][] VALIDATION_SUBCODE_RANGES = {
    {1487000, 1487999}, {1885000, 1885999}, {2490000, 2490999}, {1815000, 1815999}, {1870000, 1870999},
    {2446000, 2446999}, {3858000, 3858999}
  };

  /** The parsed {@code error} object of a Graph answer. */
  public record GraphErrorBody(
      String message,
      String type,
      Integer code,
      Integer subcode,
      Boolean isTransient,
      String userTitle,
      String userMessage,
      String fbtraceId,
      List<String> blameFields) {}

  /** The {@code error} object of a Graph answer body, if it has one. */
  public static Optional<GraphErrorBody> parse(JsonNode body) {
    if (body == null || !body.path("error").isObject()) {
      return Optional.empty();
    }
    JsonNode e = body.path("error");
    List<String> blame = new ArrayList<>();
    for (JsonNode spec : blameSpecs(e.path("error_data"))) {
      if (spec.isArray()) {
        List<String> parts = new ArrayList<>();
        spec.forEach(p -> parts.add(p.asText()));
        if (!parts.isEmpty()) {
          blame.add(String.join(".", parts));
        }
      } else if (spec.isTextual()) {
        blame.add(spec.asText());
      }
    }
    return Optional.of(
        new GraphErrorBody(
            text(e, "message"),
            text(e, "type"),
            integer(e, "code"),
            integer(e, "error_subcode"),
            e.has("is_transient") ? e.path("is_transient").asBoolean() : null,
            text(e, "error_user_title"),
            text(e, "error_user_msg"),
            text(e, "fbtrace_id"),
            List.copyOf(blame)));
  }

  /** {@code error_data} arrives as an object or as a JSON string holding one. */
  private static JsonNode blameSpecs(JsonNode errorData) {
    JsonNode data = errorData;
    if (data.isTextual() && data.asText().trim().startsWith("{")) {
      try {
        data = com.aigency.shared.json.Json.MAPPER.readTree(data.asText());
      } catch (Exception e) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
    }
    return data.path("blame_field_specs");
  }

  /**
   * The kind of a Meta error. Rate limits first (Meta marks some as transient too), then token,
   * permission, invalid parameter, transient; anything else is {@link MetaErrorKind#UNKNOWN}.
   *
   * @param httpStatus the HTTP status of the answer
   * @param code {@code error.code}, null when the answer had no envelope
   * @param subcode {@code error.error_subcode}
   * @param isTransient {@code error.is_transient}
   * @param message {@code error.message}, used only to tell a bad client secret (code 1) from an
   *     unknown server error (also code 1)
   */
  public static MetaErrorKind classify(
      int httpStatus, Integer code, Integer subcode, Boolean isTransient, String message) {
    int c = code == null ? -1 : code;
    int s = subcode == null ? -1 : subcode;
    if (RATE_LIMIT_CODES.contains(c) || (c >= BUC_FIRST && c <= BUC_LAST)
        || RATE_LIMIT_SUBCODES.contains(s) || httpStatus == 429) {
      return MetaErrorKind.RATE_LIMITED;
    }
    if (TOKEN_CODES.contains(c) || TOKEN_SUBCODES.contains(s)) {
      return MetaErrorKind.TOKEN_INVALID;
    }
    if (c == 10 || (c >= 200 && c <= 299) || c == 368 || c == 101
        || (c == 1 && message != null && message.toLowerCase(Locale.ROOT).contains("client secret"))) {
      // 101 invalid application id and code 1 "Error validating client secret" are
      // configuration problems of this deployment: retrying cannot help.
      return MetaErrorKind.PERMISSION;
    }
    if (c == 100 || isValidationSubcode(s)) {
      return MetaErrorKind.INVALID_PARAMETER;
    }
    if (c == 1 || c == 2 || httpStatus >= 500 || Boolean.TRUE.equals(isTransient)) {
      return MetaErrorKind.TRANSIENT;
    }
    return MetaErrorKind.UNKNOWN;
  }

  static boolean isValidationSubcode(int subcode) {
    if (subcode == 2446079) {
      return false;
    }
    for (int[] range : VALIDATION_SUBCODE_RANGES) {
      if (subcode >= range[0] && subcode <= range[1]) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern NAMED_PARAM =
      Pattern.compile(
          "(?i)\\b(?:parameter|param|field)s?\\s+[\"'`]?([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)*(?:\\[[0-9]*\\])?)");
  private static final Pattern SNAKE_OR_DOTTED =
      Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\\.[a-z][a-z0-9_]*)*|[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9_]*)+)\\b");
  private static final Pattern LEADING_WORD =
      Pattern.compile("^(?:the\\s+)?([a-z][a-z0-9_]*)\\s+(?:must|is|are|cannot|can't|should|has|was)\\b");
  private static final Set<String> NOT_FIELDS =
      Set.of("invalid", "unsupported", "this", "that", "there", "your", "you", "it", "error", "the", "a", "an",
          "request", "value", "param", "parameter");

  /**
   * The request field an invalid-parameter error is about: Meta's {@code
   * error_data.blame_field_specs} when present, else the field its user message or message names
   * ({@code "The parameter special_ad_categories is required"}, {@code "(#100) param daily_budget
   * must be ..."}, {@code "targeting.geo_locations is required"}, {@code "The daily_budget for this
   * ad set must be at least 150"}).
   */
  public static Optional<String> offendingField(GraphErrorBody error) {
    if (!error.blameFields().isEmpty()) {
      return Optional.of(error.blameFields().get(0));
    }
    for (String text : new String[] {error.userMessage(), error.message()}) {
      Optional<String> field = fieldIn(text);
      if (field.isPresent()) {
        return field;
      }
    }
    return Optional.empty();
  }

  static Optional<String> fieldIn(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.replaceFirst("^\\(#\\d+\\)\\s*", "").strip();
    Matcher named = NAMED_PARAM.matcher(t);
    while (named.find()) {
      String candidate = named.group(1);
      if (!NOT_FIELDS.contains(candidate.toLowerCase(Locale.ROOT))) {
        return Optional.of(candidate);
      }
    }
    Matcher snake = SNAKE_OR_DOTTED.matcher(t);
    while (snake.find()) {
      String candidate = snake.group(1);
      if (!looksLikeUrlOrHost(t, snake.start(1), candidate)) {
        return Optional.of(candidate);
      }
    }
    Matcher leading = LEADING_WORD.matcher(t);
    if (leading.find() && !NOT_FIELDS.contains(leading.group(1))) {
      return Optional.of(leading.group(1));
    }
    return Optional.empty();
  }

  private static boolean looksLikeUrlOrHost(String text, int start, String candidate) {
    if (candidate.contains("facebook") || candidate.startsWith("www.") || candidate.endsWith(".com")
        || candidate.equals("e.g") || candidate.equals("i.e")) {
      return true;
    }
    return start > 0 && (text.charAt(start - 1) == '/' || text.charAt(start - 1) == '@');
  }

  /** {@code text} with every non-blank secret replaced by {@code ***}. */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.canConvertToInt()) {
      return v.asInt();
    }
    try {
      return Integer.valueOf(v.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
