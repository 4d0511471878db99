package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * JSONPath as Step Functions evaluates it (Jayway JsonPath semantics, within the limits AWS
 * documents): {@code $}, {@code $.a.b}, {@code $['a b']}, {@code $.a[0]}, {@code $.a[-1]}, {@code
 * $.a[*].b}, {@code $.a[1:3]}, {@code $..b}, {@code $['a','b']}, filters {@code [?(@.x > 1 && @.y
 * == 'z')]}. A definite path selects one node; any other path selects an array of every match.
 */
public final class JsonPaths {
  private static final int CACHE_LIMIT = 10_000;
  private static final Map<String, PathParser.ParsedPath> CACHE = new ConcurrentHashMap<>();

  private JsonPaths() {}

  /**
   * Evaluates {@code path} against {@code data}. A {@code $$} path is evaluated against {@code
   * data} too: pass the context object for those.
   *
   * @throws StatesError named {@code errorName} when the path selects nothing (a definite path that
   *     is missing, or whose definite prefix is missing or of the wrong type); {@code
   *     States.Runtime} when the path is not valid JSONPath
   */
  public static JsonNode read(JsonNode data, String path, String errorName) {
    PathParser.ParsedPath parsed = parsed(path);
    return PathEvaluator.select(orNull(data), parsed.steps())
        .orElseThrow(
            () ->
                new StatesError(
                    errorName,
                    "Invalid path '" + path + "' : No results for path: " + canonical(parsed)));
  }

  /** Like {@link #read} but empty instead of an error when nothing is selected. */
  public static Optional<JsonNode> find(JsonNode data, String path) {
    return PathEvaluator.select(orNull(data), parsed(path).steps());
  }

  /**
   * True if {@code path} is a Reference Path: {@code $} then only member ({@code .a}, {@code
   * ['a']}) and non-negative index ({@code [0]}) steps, so it names a single node. The spec
   * requires it for ResultPath, ItemsPath and the Path fields of Wait, Fail, Task and Map.
   */
  public static boolean isReferencePath(String path) {
    return path != null && tryParse(path).map(PathParser.ParsedPath::referenceSyntax).orElse(false);
  }

  /**
   * True if {@code path} is a JSONPath this engine (and Step Functions) accepts, {@code $$} too.
   */
  public static boolean isValidPath(String path) {
    return path != null && tryParse(path).isPresent();
  }

  /** True if {@code path} selects at most one node, so its result is not wrapped in an array. */
  public static boolean isDefinite(String path) {
    return PathEvaluator.isDefinite(parsed(path).steps());
  }

  /** The reason {@code path} is not valid, or empty if it is. */
  public static Optional<String> syntaxProblem(String path) {
    if (path == null) {
      return Optional.of("a path must be a string");
    }
    try {
      parsed(path);
      return Optional.empty();
    } catch (StatesError e) {
      return Optional.of(e.cause());
    }
  }

  static PathParser.ParsedPath parsed(String path) {
    PathParser.ParsedPath cached = CACHE.get(path);
    if (cached != null) {
      return cached;
    }
    PathParser.ParsedPath parsed;
    try {
      parsed = PathParser.parse(path);
    } catch (IllegalArgumentException e) {
      throw new StatesError(StatesError.RUNTIME, e.getMessage());
    }
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(path, parsed);
    return parsed;
  }

  private static Optional<PathParser.ParsedPath> tryParse(String path) {
    try {
      return Optional.of(parsed(path));
    } catch (StatesError e) {
      return Optional.empty();
    }
  }

  private static JsonNode orNull(JsonNode data) {
    return data == null ? NullNode.instance : data;
  }

  private static String canonical(PathParser.ParsedPath parsed) {
    return parsed.steps().stream()
        .map(PathStep::toString)
        .collect(Collectors.joining("", parsed.context() ? "$$" : "$", ""));
  }
}
