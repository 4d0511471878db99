package com.aigency.local.stepfunctions.asl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The StringMatches pattern of a Choice rule: {@code *} matches zero or more characters, {@code \*}
 * is a literal star, {@code \\} a literal backslash; nothing else is special, and any other
 * backslash is an "open escape", which the spec makes a runtime error.
 */
final class StringMatches {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private StringMatches() {}

  /**
   * @throws StatesError {@code States.Runtime} for an open escape
   */
  static Pattern compile(String pattern) {
    Pattern cached = CACHE.get(pattern);
    if (cached != null) {
      return cached;
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 >= pattern.length() || "*\\".indexOf(pattern.charAt(i + 1)) < 0) {
          throw new StatesError(
              StatesError.RUNTIME,
              "StringMatches pattern '" + pattern + "' has an open escape at position " + i);
        }
        literal.append(pattern.charAt(++i));
      } else if (c == '*') {
        regex.append(quote(literal)).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(quote(literal));
    Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
    if (CACHE.size() < 10_000) {
      CACHE.put(pattern, compiled);
    }
    return compiled;
  }

  /** Why {@code pattern} is invalid, or empty. */
  static Optional<String> problem(String pattern) {
    try {
      compile(pattern);
      return Optional.empty();
    } catch (StatesError e) {
      return Optional.of(e.cause());
    }
  }

  private static String quote(StringBuilder literal) {
    return literal.isEmpty() ? "" : Pattern.quote(literal.toString());
  }
}
