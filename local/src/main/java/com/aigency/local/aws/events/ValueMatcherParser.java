package com.aigency.local.aws.events;

import com.aigency.local.aws.events.ValueMatcher.AnythingBut;
import com.aigency.local.aws.events.ValueMatcher.Cidr;
import com.aigency.local.aws.events.ValueMatcher.Comparison;
import com.aigency.local.aws.events.ValueMatcher.EqualsIgnoreCase;
import com.aigency.local.aws.events.ValueMatcher.Exact;
import com.aigency.local.aws.events.ValueMatcher.Exists;
import com.aigency.local.aws.events.ValueMatcher.Numeric;
import com.aigency.local.aws.events.ValueMatcher.Prefix;
import com.aigency.local.aws.events.ValueMatcher.Suffix;
import com.aigency.local.aws.events.ValueMatcher.Wildcard;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one element of a pattern's value array, rejecting what EventBridge rejects. */
final class ValueMatcherParser {

  /** Field names that make an object a matcher rather than a nested pattern. */
  static final Set<String> MATCHER_NAMES =
      Set.of(
          "prefix",
          "suffix",
          "equals-ignore-case",
          "wildcard",
          "anything-but",
          "numeric",
          "exists",
          "cidr");

  private ValueMatcherParser() {}

  static ValueMatcher parse(JsonNode element, String field) {
    if (element.isTextual() || element.isNumber() || element.isBoolean() || element.isNull()) {
      return new Exact(element);
    }
    if (!element.isObject() || element.size() != 1) {
      throw invalid(
          field,
          "a match must be a string, number, true, false, null or an object with one matcher");
    }
    Map.Entry<String, JsonNode> matcher = element.properties().iterator().next();
    JsonNode argument = matcher.getValue();
    return switch (matcher.getKey()) {
      case "prefix" -> new Prefix(caseText(argument, field, "prefix"), ignoresCase(argument));
      case "suffix" -> new Suffix(caseText(argument, field, "suffix"), ignoresCase(argument));
      case "equals-ignore-case" ->
          new EqualsIgnoreCase(text(argument, field, "equals-ignore-case"));
      case "wildcard" -> wildcard(text(argument, field, "wildcard"), field);
      case "anything-but" -> anythingBut(argument, field);
      case "numeric" -> numeric(argument, field);
      case "exists" -> exists(argument, field);
      case "cidr" -> cidr(text(argument, field, "cidr"), field);
      default -> throw invalid(field, "unrecognized match type " + matcher.getKey());
    };
  }

  private static AnythingBut anythingBut(JsonNode argument, String field) {
    if (argument.isTextual() || argument.isNumber()) {
      return new AnythingBut(List.of(new Exact(argument)));
    }
    if (argument.isArray()) {
      boolean allText = argument.size() > 0;
      boolean allNumbers = argument.size() > 0;
      List<ValueMatcher> excluded = new ArrayList<>();
      for (JsonNode value : argument) {
        allText &= value.isTextual();
        allNumbers &= value.isNumber();
        excluded.add(new Exact(value));
      }
      if (!allText && !allNumbers) {
        throw invalid(field, "inside anything-but list, only strings or only numbers are allowed");
      }
      return new AnythingBut(excluded);
    }
    if (argument.isObject() && argument.size() == 1) {
      Map.Entry<String, JsonNode> inner = argument.properties().iterator().next();
      JsonNode value = inner.getValue();
      return switch (inner.getKey()) {
        case "prefix" -> new AnythingBut(List.of(new Prefix(text(value, field, "prefix"), false)));
        case "suffix" -> new AnythingBut(List.of(new Suffix(text(value, field, "suffix"), false)));
        case "equals-ignore-case" ->
            new AnythingBut(
                textOrTexts(value, field, "equals-ignore-case").stream()
                    .<ValueMatcher>map(EqualsIgnoreCase::new)
                    .toList());
        case "wildcard" ->
            new AnythingBut(
                textOrTexts(value, field, "wildcard").stream()
                    .<ValueMatcher>map(pattern -> wildcard(pattern, field))
                    .toList());
        default -> throw invalid(field, "unsupported anything-but pattern " + inner.getKey());
      };
    }
    throw invalid(
        field,
        "anything-but takes a string, a number, a list of either, or one of prefix, suffix,"
            + " equals-ignore-case, wildcard");
  }

  private static Numeric numeric(JsonNode argument, String field) {
    if (!argument.isArray() || (argument.size() != 2 && argument.size() != 4)) {
      throw invalid(
          field, "numeric takes one comparison or a range of two: [op, n] or [op, n, op, n]");
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (int i = 0; i < argument.size(); i += 2) {
      JsonNode operator = argument.get(i);
      JsonNode bound = argument.get(i + 1);
      if (!operator.isTextual()
          || !Set.of("=", "<", "<=", ">", ">=").contains(operator.textValue())) {
        throw invalid(field, "unrecognized numeric range operator " + operator);
      }
      if (!bound.isNumber()) {
        throw invalid(field, "value of " + operator.textValue() + " must be numeric");
      }
      comparisons.add(new Comparison(operator.textValue(), bound.decimalValue()));
    }
    if (comparisons.size() == 2) {
      Comparison lower = comparisons.get(0);
      Comparison upper = comparisons.get(1);
      if (!lower.operator().startsWith(">")
          || !upper.operator().startsWith("<")
          || lower.bound().compareTo(upper.bound()) >= 0) {
        throw invalid(
            field,
            "a numeric range must be a lower bound (> or >=) then a greater upper bound (< or <=)");
      }
    }
    return new Numeric(List.copyOf(comparisons));
  }

  private static Exists exists(JsonNode argument, String field) {
    if (!argument.isBoolean()) {
      throw invalid(field, "exists match pattern must be either true or false");
    }
    return new Exists(argument.booleanValue());
  }

  private static Cidr cidr(String text, String field) {
    String[] parts = text.split("/", -1);
    byte[] address =
        parts.length == 2 && parts[1].matches("\\d{1,3}")
            ? IpAddresses.parse(parts[0]).orElse(null)
            : null;
    if (address == null) {
      throw invalid(field, "nonstandard IP address: " + text);
    }
    int bits = address.length * 8;
    int prefixLength = Integer.parseInt(parts[1]);
    if (prefixLength > bits) {
      throw invalid(field, "nonstandard IP address: " + text);
    }
    BigInteger network = IpAddresses.networkOf(new BigInteger(1, address), prefixLength, bits);
    return new Cidr(network, prefixLength, bits);
  }

  /**
   * {@code *} is any run of characters, {@code \*} a literal star, {@code \\} a backslash. Two
   * stars in a row, or a backslash before anything else, are rejected as EventBridge does.
   */
  static Wildcard wildcard(String pattern, String field) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    boolean previousWasStar = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
        if (next != '*' && next != '\\') {
          throw invalid(field, "invalid escape in wildcard pattern " + pattern);
        }
        literal.append(next);
        i++;
        previousWasStar = false;
      } else if (c == '*') {
        if (previousWasStar) {
          throw invalid(field, "consecutive wildcard characters in " + pattern);
        }
        regex.append(Pattern.quote(literal.toString())).append(".*");
        literal.setLength(0);
        previousWasStar = true;
      } else {
        literal.append(c);
        previousWasStar = false;
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return new Wildcard(Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  // prefix and suffix take text or {"equals-ignore-case": text}
  private static String caseText(JsonNode argument, String field, String matcher) {
    if (ignoresCase(argument)) {
      return text(argument.get("equals-ignore-case"), field, matcher);
    }
    return text(argument, field, matcher);
  }

  private static boolean ignoresCase(JsonNode argument) {
    return argument.isObject() && argument.size() == 1 && argument.has("equals-ignore-case");
  }

  private static String text(JsonNode argument, String field, String matcher) {
    if (!argument.isTextual()) {
      throw invalid(field, matcher + " match pattern must be a string");
    }
    return argument.textValue();
  }

  private static List<String> textOrTexts(JsonNode argument, String field, String matcher) {
    if (argument.isTextual()) {
      return List.of(argument.textValue());
    }
    if (argument.isArray() && argument.size() > 0) {
      List<String> texts = new ArrayList<>();
      argument.forEach(value -> texts.add(text(value, field, matcher)));
      return texts;
    }
    throw invalid(field, matcher + " takes a string or a list of strings");
  }

  private static InvalidEventPatternException invalid(String field, String reason) {
    return new InvalidEventPatternException(reason + " (at " + field + ")");
  }
}
