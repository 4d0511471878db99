package com.aigency.local.stepfunctions.asl;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the JSONPath dialect of Step Functions (Jayway syntax): {@code $}, {@code $$} (context
 * object), {@code .name}, {@code ['name']}, {@code ["a","b"]}, {@code [0]}, {@code [-1]}, {@code
 * [0,2]}, {@code [1:3]}, {@code .*}, {@code [*]}, {@code ..name}, {@code [?(filter)]}; backslash
 * escapes in dot names as the spec's Reference Path examples show ({@code $.store\.book}).
 * Functions such as {@code length()} are rejected, as AWS documents.
 */
final class PathParser {

  /** A parsed path; {@code referenceSyntax} is true when it is a spec Reference Path. */
  record ParsedPath(String text, boolean context, List<PathStep> steps, boolean referenceSyntax) {}

  private static final String FILTER_OPERAND_END = ")=!<>&|,";

  private final String text;
  private int pos;
  private boolean reference = true;

  private PathParser(String text) {
    this.text = text;
  }

  /**
   * @throws IllegalArgumentException with a message naming the path and the problem
   */
  static ParsedPath parse(String text) {
    return new PathParser(text).parsePath();
  }

  private ParsedPath parsePath() {
    if (text.isEmpty() || text.charAt(0) != '$') {
      throw error("a path must begin with '$'");
    }
    pos = 1;
    boolean context = false;
    if (!atEnd() && peek() == '$') {
      context = true;
      pos = 2;
    }
    List<PathStep> steps = readSteps(false);
    if (!atEnd()) {
      throw error("unexpected '" + peek() + "' at position " + pos);
    }
    return new ParsedPath(text, context, List.copyOf(steps), reference && !context);
  }

  /** Steps after {@code @} inside a filter; stops where the operand ends. */
  List<PathStep> readRelativeSteps() {
    return readSteps(true);
  }

  private List<PathStep> readSteps(boolean inFilter) {
    List<PathStep> steps = new ArrayList<>();
    while (!atEnd()) {
      char c = peek();
      if (c == '.') {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '.') {
          pos += 2;
          reference = false;
          steps.add(new PathStep.Scan(readMember(inFilter)));
        } else {
          pos++;
          steps.add(readMember(inFilter));
        }
      } else if (c == '[') {
        steps.add(readBracket());
      } else if (inFilter) {
        break;
      } else {
        throw error("unexpected '" + c + "' at position " + pos);
      }
    }
    return steps;
  }

  /** What follows a dot: a name, {@code *}, or a bracket ({@code $.abc.['def ghi']}). */
  private PathStep readMember(boolean inFilter) {
    if (atEnd()) {
      throw error("the path ends with '.'");
    }
    if (peek() == '[') {
      return readBracket();
    }
    if (peek() == '*') {
      pos++;
      reference = false;
      return new PathStep.Wildcard();
    }
    return new PathStep.Name(readDotName(inFilter));
  }

  private String readDotName(boolean inFilter) {
    StringBuilder name = new StringBuilder();
    while (!atEnd()) {
      char c = peek();
      if (c == '\\') {
        if (pos + 1 >= text.length()) {
          throw error("a backslash at the end escapes nothing");
        }
        name.append(text.charAt(pos + 1));
        pos += 2;
        continue;
      }
      if (c == '.' || c == '[') {
        break;
      }
      if (inFilter && (Character.isWhitespace(c) || FILTER_OPERAND_END.indexOf(c) >= 0)) {
        break;
      }
      if (c == '(') {
        throw error("functions such as '" + name + "()' are not supported");
      }
      if (Character.isWhitespace(c)) {
        throw error("use bracket notation ['...'] for a name with blanks");
      }
      if ("@,:?*".indexOf(c) >= 0) {
        reference = false;
      }
      name.append(c);
      pos++;
    }
    if (name.isEmpty()) {
      throw error("empty member name at position " + pos);
    }
    return name.toString();
  }

  private PathStep readBracket() {
    expect('[');
    skipBlanks();
    if (atEnd()) {
      throw error("unclosed '['");
    }
    char c = peek();
    PathStep step;
    if (c == '?') {
      pos++;
      skipBlanks();
      expect('(');
      FilterExpression expression = new FilterParser(this).parse();
      skipBlanks();
      expect(')');
      reference = false;
      step = new PathStep.Filter(expression);
    } else if (c == '*') {
      pos++;
      reference = false;
      step = new PathStep.Wildcard();
    } else if (c == '\'' || c == '"') {
      step = readNames();
    } else if (c == '-' || c == ':' || Character.isDigit(c)) {
      step = readIndexes();
    } else {
      throw error("unexpected '" + c + "' after '['");
    }
    skipBlanks();
    expect(']');
    return step;
  }

  private PathStep readNames() {
    List<String> names = new ArrayList<>();
    names.add(readQuoted());
    skipBlanks();
    while (!atEnd() && peek() == ',') {
      pos++;
      skipBlanks();
      names.add(readQuoted());
      skipBlanks();
    }
    if (names.size() == 1) {
      return new PathStep.Name(names.getFirst());
    }
    reference = false;
    return new PathStep.Names(List.copyOf(names));
  }

  private PathStep readIndexes() {
    Integer first = readOptionalInt();
    skipBlanks();
    if (!atEnd() && peek() == ':') {
      pos++;
      skipBlanks();
      Integer to = readOptionalInt();
      skipBlanks();
      if (!atEnd() && peek() == ':') {
        throw error("slice steps ([a:b:c]) are not supported");
      }
      reference = false;
      return new PathStep.Slice(first, to);
    }
    if (first == null) {
      throw error("expected an index at position " + pos);
    }
    List<Integer> indexes = new ArrayList<>(List.of(first));
    while (!atEnd() && peek() == ',') {
      pos++;
      skipBlanks();
      Integer next = readOptionalInt();
      if (next == null) {
        throw error("expected an index at position " + pos);
      }
      indexes.add(next);
      skipBlanks();
    }
    if (indexes.size() == 1) {
      if (first < 0) {
        reference = false;
      }
      return new PathStep.Index(first);
    }
    reference = false;
    return new PathStep.Indexes(List.copyOf(indexes));
  }

  String readQuoted() {
    char quote = peek();
    pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error("unterminated string");
      }
      char c = peek();
      if (c == '\\' && pos + 1 < text.length()) {
        value.append(text.charAt(pos + 1));
        pos += 2;
      } else if (c == quote) {
        pos++;
        return value.toString();
      } else {
        value.append(c);
        pos++;
      }
    }
  }

  private Integer readOptionalInt() {
    int start = pos;
    if (!atEnd() && peek() == '-') {
      pos++;
    }
    while (!atEnd() && Character.isDigit(peek())) {
      pos++;
    }
    String digits = text.substring(start, pos);
    if (digits.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw error("invalid index '" + digits + "'");
    }
  }

  // The cursor, shared with FilterParser.

  boolean atEnd() {
    return pos >= text.length();
  }

  char peek() {
    return text.charAt(pos);
  }

  boolean lookingAt(String s) {
    return text.startsWith(s, pos);
  }

  void advance(int n) {
    pos += n;
  }

  int position() {
    return pos;
  }

  String slice(int from) {
    return text.substring(from, pos);
  }

  void skipBlanks() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  void expect(char c) {
    if (atEnd() || peek() != c) {
      throw error("expected '" + c + "' at position " + pos);
    }
    pos++;
  }

  IllegalArgumentException error(String message) {
    return new IllegalArgumentException("Invalid JSONPath '" + text + "': " + message);
  }
}
