package com.aigency.local.stepfunctions.asl;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic function call as the spec defines it: a name of {@code [A-Za-z0-9._]}
 * immediately followed by a parenthesised, comma-separated list of string literals in apostrophes
 * (escapes {@code \' \{ \} \\}; any other backslash is an "open escape" and an error), numbers,
 * {@code true}/{@code false}/{@code null}, paths ({@code $}, {@code $$}), and nested calls. Checks
 * the function name, its argument count, and AWS's limit of 10 calls in one field.
 */
final class IntrinsicParser {
  static final int MAX_CALLS = 10;
  private static final String RESERVED = "'{}\\";

  private final String text;
  private int pos;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  /**
   * @throws IllegalArgumentException naming the problem
   */
  static IntrinsicExpression.Call parse(String text) {
    IntrinsicParser parser = new IntrinsicParser(text.strip());
    IntrinsicExpression.Call call = parser.readCall();
    if (!parser.atEnd()) {
      throw parser.error("unexpected text after the closing ')'");
    }
    if (call.callCount() > MAX_CALLS) {
      throw parser.error("more than " + MAX_CALLS + " intrinsic functions in one field");
    }
    return call;
  }

  private IntrinsicExpression.Call readCall() {
    int start = pos;
    while (!atEnd() && isNameChar(peek())) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (name.isEmpty()) {
      throw error("expected an intrinsic function name at position " + start);
    }
    if (atEnd() || peek() != '(') {
      throw error("expected '(' right after " + name);
    }
    pos++;
    List<IntrinsicExpression> arguments = new ArrayList<>();
    skipBlanks();
    if (!atEnd() && peek() == ')') {
      pos++;
    } else {
      while (true) {
        arguments.add(readArgument());
        skipBlanks();
        if (atEnd()) {
          throw error("missing ')' after the arguments of " + name);
        }
        char c = peek();
        pos++;
        if (c == ')') {
          break;
        }
        if (c != ',') {
          throw error("expected ',' or ')' at position " + (pos - 1));
        }
      }
    }
    IntrinsicLibrary.Function function =
        IntrinsicLibrary.lookup(name)
            .orElseThrow(() -> error("unknown intrinsic function '" + name + "'"));
    function
        .checkArity(arguments.size())
        .ifPresent(
            problem -> {
              throw error(problem);
            });
    if (name.equals("States.JsonToString")
        && !(arguments.getFirst() instanceof IntrinsicExpression.Path)) {
      throw error("States.JsonToString takes a single argument which must be a path");
    }
    return new IntrinsicExpression.Call(name, List.copyOf(arguments));
  }

  private IntrinsicExpression readArgument() {
    skipBlanks();
    if (atEnd()) {
      throw error("missing argument at the end");
    }
    char c = peek();
    if (c == '\'') {
      return readString();
    }
    if (c == '$') {
      return readPath();
    }
    if (c == '-' || Character.isDigit(c)) {
      return readNumber();
    }
    for (String keyword : List.of("true", "false", "null")) {
      int end = pos + keyword.length();
      if (text.startsWith(keyword, pos)
          && (end >= text.length() || !isNameChar(text.charAt(end)))) {
        pos = end;
        JsonNode value =
            switch (keyword) {
              case "true" -> BooleanNode.TRUE;
              case "false" -> BooleanNode.FALSE;
              default -> NullNode.instance;
            };
        return new IntrinsicExpression.Literal(value, keyword);
      }
    }
    if (isNameChar(c)) {
      return readCall();
    }
    throw error("unexpected '" + c + "' at position " + pos);
  }

  private IntrinsicExpression readString() {
    pos++;
    StringBuilder raw = new StringBuilder();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error("unterminated string literal");
      }
      char c = peek();
      if (c == '\\') {
        if (pos + 1 >= text.length() || RESERVED.indexOf(text.charAt(pos + 1)) < 0) {
          throw error(
              "open escape '\\' at position " + pos + "; only \\' \\{ \\} \\\\ are allowed");
        }
        raw.append(c).append(text.charAt(pos + 1));
        value.append(text.charAt(pos + 1));
        pos += 2;
      } else if (c == '\'') {
        pos++;
        return new IntrinsicExpression.Literal(TextNode.valueOf(value.toString()), raw.toString());
      } else {
        raw.append(c);
        value.append(c);
        pos++;
      }
    }
  }

  /** A path runs to the next top-level ',' or ')', skipping those inside brackets and quotes. */
  private IntrinsicExpression readPath() {
    int start = pos;
    int depth = 0;
    char quote = 0;
    while (!atEnd()) {
      char c = peek();
      if (quote != 0) {
        if (c == '\\') {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
      pos++;
    }
    String path = text.substring(start, Math.min(pos, text.length())).strip();
    JsonPaths.syntaxProblem(path)
        .ifPresent(
            problem -> {
              throw error(problem);
            });
    if (!dotNamesAreShorthand(path)) {
      throw error(
          "use bracket notation (e.g. $['my-field']) for a name with characters other than"
              + " letters, digits and _ in the path argument "
              + path);
    }
    return new IntrinsicExpression.Path(path);
  }

  /**
   * AWS: in a path passed to an intrinsic function, a name with a character outside the JSONPath
   * ABNF {@code member-name-shorthand} (letters, digits, {@code _}, non-ASCII) must use bracket
   * notation. Checks every dot-notation name outside brackets and quotes.
   */
  static boolean dotNamesAreShorthand(String path) {
    int depth = 0;
    char quote = 0;
    boolean inDotName = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (depth > 0) {
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        }
      } else if (c == '[') {
        depth++;
        inDotName = false;
      } else if (c == '.') {
        inDotName = true;
      } else if (inDotName && c != '*' && !isShorthandChar(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isShorthandChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c >= 0x80;
  }

  private IntrinsicExpression readNumber() {
    int start = pos;
    pos++;
    while (!atEnd() && "0123456789.eE+-".indexOf(peek()) >= 0) {
      pos++;
    }
    String number = text.substring(start, pos);
    try {
      JsonNode value = Json.MAPPER.readTree(number);
      if (value != null && value.isNumber()) {
        return new IntrinsicExpression.Literal(value, number);
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw error("invalid number '" + number + "'");
  }

  private static boolean isNameChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_';
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private void skipBlanks() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("Invalid intrinsic function '" + text + "': " + message);
  }
}
