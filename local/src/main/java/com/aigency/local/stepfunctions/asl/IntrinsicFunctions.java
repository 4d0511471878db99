package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The {@code States.*} intrinsic functions: Format, StringToJson, JsonToString, Array,
 * ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique, Base64Encode,
 * Base64Decode, Hash, JsonMerge, MathRandom, MathAdd, StringSplit, UUID. Arguments are string
 * literals ({@code 'it\'s'}), numbers, booleans, null, paths on the input ({@code $.x}) or the
 * context object ({@code $$.x}), and nested calls. Any failure is {@code States.IntrinsicFailure}.
 */
public final class IntrinsicFunctions {
  private static final int CACHE_LIMIT = 10_000;
  private static final Map<String, IntrinsicExpression.Call> CACHE = new ConcurrentHashMap<>();

  private IntrinsicFunctions() {}

  /** True if {@code expression} is a well-formed call of a known function with a valid arity. */
  public static boolean isIntrinsic(String expression) {
    return syntaxProblem(expression).isEmpty();
  }

  /** Why {@code expression} is not a valid intrinsic call, or empty if it is. */
  public static Optional<String> syntaxProblem(String expression) {
    if (expression == null) {
      return Optional.of("an intrinsic function must be a string");
    }
    try {
      parse(expression);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Evaluates with fresh randomness for States.UUID and unseeded States.MathRandom. */
  public static JsonNode evaluate(String expression, JsonNode input, JsonNode context) {
    return evaluate(expression, input, context, null);
  }

  /**
   * Evaluates with {@code random} as the source for States.UUID and unseeded States.MathRandom, so
   * a test can make them repeatable; {@code null} means fresh randomness.
   *
   * @throws StatesError {@code States.IntrinsicFailure} with a message naming the function
   */
  public static JsonNode evaluate(
      String expression, JsonNode input, JsonNode context, RandomGenerator random) {
    IntrinsicExpression.Call call;
    try {
      call = parse(expression);
    } catch (IllegalArgumentException e) {
      throw new StatesError(StatesError.INTRINSIC_FAILURE, e.getMessage());
    }
    JsonNode ctx = context == null ? JsonNodeFactory.instance.objectNode() : context;
    return evaluate(call, input, ctx, random);
  }

  private static JsonNode evaluate(
      IntrinsicExpression expression, JsonNode input, JsonNode context, RandomGenerator random) {
    return switch (expression) {
      case IntrinsicExpression.Literal literal -> literal.value();
      case IntrinsicExpression.Path path -> {
        JsonNode data = path.context() ? context : input;
        String relative = path.context() ? path.path().substring(1) : path.path();
        yield JsonPaths.find(data, relative)
            .orElseThrow(
                () ->
                    new StatesError(
                        StatesError.INTRINSIC_FAILURE,
                        "The JsonPath argument for the field '"
                            + path.path()
                            + "' could not be found in the input '"
                            + JsonValues.compact(data)
                            + "'"));
      }
      case IntrinsicExpression.Call call -> {
        List<JsonNode> values = new ArrayList<>(call.arguments().size());
        for (IntrinsicExpression argument : call.arguments()) {
          values.add(evaluate(argument, input, context, random));
        }
        IntrinsicLibrary.Function function = IntrinsicLibrary.lookup(call.name()).orElseThrow();
        yield function
            .body()
            .apply(new IntrinsicArguments(call.name(), call.arguments(), values, random));
      }
    };
  }

  static IntrinsicExpression.Call parse(String expression) {
    IntrinsicExpression.Call cached = CACHE.get(expression);
    if (cached != null) {
      return cached;
    }
    IntrinsicExpression.Call call = IntrinsicParser.parse(expression);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(expression, call);
    return call;
  }
}
