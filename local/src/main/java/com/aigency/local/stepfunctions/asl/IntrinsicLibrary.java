package com.aigency.local.stepfunctions.asl;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code States.*} intrinsic functions of the spec's Appendix B and the AWS documentation, with
 * their documented limits: 10,000 characters for Base64 and Hash input, 1,000 items from
 * ArrayRange, a positive chunk size, shallow-only JsonMerge, integers rounded to the nearest one.
 */
final class IntrinsicLibrary {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int UNBOUNDED = Integer.MAX_VALUE;
  private static final int MAX_CHARS = 10_000;
  private static final int MAX_RANGE_ITEMS = 1000;
  private static final Set<String> HASHES = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\r\\n]*");

  @FunctionalInterface
  interface Body {
    JsonNode apply(IntrinsicArguments args);
  }

  record Function(String name, int minArgs, int maxArgs, Body body) {
    Optional<String> checkArity(int count) {
      if (count >= minArgs && count <= maxArgs) {
        return Optional.empty();
      }
      String expected =
          minArgs == maxArgs
              ? String.valueOf(minArgs)
              : maxArgs == UNBOUNDED ? "at least " + minArgs : minArgs + " to " + maxArgs;
      return Optional.of(name + " takes " + expected + " argument(s), got " + count);
    }
  }

  private static final Map<String, Function> FUNCTIONS =
      Stream.of(
              new Function("States.Format", 1, UNBOUNDED, IntrinsicLibrary::format),
              new Function("States.StringToJson", 1, 1, IntrinsicLibrary::stringToJson),
              new Function("States.JsonToString", 1, 1, a -> TextNode.valueOf(compact(a.get(0)))),
              new Function("States.Array", 0, UNBOUNDED, IntrinsicLibrary::array),
              new Function("States.ArrayPartition", 2, 2, IntrinsicLibrary::arrayPartition),
              new Function("States.ArrayContains", 2, 2, IntrinsicLibrary::arrayContains),
              new Function("States.ArrayRange", 3, 3, IntrinsicLibrary::arrayRange),
              new Function("States.ArrayGetItem", 2, 2, IntrinsicLibrary::arrayGetItem),
              new Function("States.ArrayLength", 1, 1, a -> NODES.numberNode(a.array(0).size())),
              new Function("States.ArrayUnique", 1, 1, IntrinsicLibrary::arrayUnique),
              new Function("States.Base64Encode", 1, 1, IntrinsicLibrary::base64Encode),
              new Function("States.Base64Decode", 1, 1, IntrinsicLibrary::base64Decode),
              new Function("States.Hash", 2, 2, IntrinsicLibrary::hash),
              new Function("States.JsonMerge", 3, 3, IntrinsicLibrary::jsonMerge),
              new Function("States.MathRandom", 2, 3, IntrinsicLibrary::mathRandom),
              new Function("States.MathAdd", 2, 2, IntrinsicLibrary::mathAdd),
              new Function("States.StringSplit", 2, 2, IntrinsicLibrary::stringSplit),
              new Function("States.UUID", 0, 0, IntrinsicLibrary::uuid))
          .collect(Collectors.toUnmodifiableMap(Function::name, f -> f));

  private IntrinsicLibrary() {}

  static Optional<Function> lookup(String name) {
    return Optional.ofNullable(FUNCTIONS.get(name));
  }

  static Set<String> names() {
    return FUNCTIONS.keySet();
  }

  /**
   * States.Format: each {@code {}} of the template takes the next argument's natural string form.
   * In a literal template {@code \{ \}} are literal braces. Values must be strings, numbers,
   * booleans or null; the spec says the value "MUST NOT be a JSON array or object".
   */
  private static JsonNode format(IntrinsicArguments args) {
    String template =
        args.expression(0) instanceof IntrinsicExpression.Literal literal
                && literal.value().isTextual()
            ? literal.raw()
            : args.string(0);
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length() && "'{}\\".indexOf(template.charAt(i + 1)) >= 0) {
        out.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (next >= args.size()) {
          throw args.fail("the template has more {} placeholders than values");
        }
        out.append(natural(args, next++));
        i++;
      } else {
        out.append(c);
      }
    }
    if (next != args.size()) {
      throw args.fail("the template has fewer {} placeholders than values");
    }
    return TextNode.valueOf(out.toString());
  }

  private static String natural(IntrinsicArguments args, int i) {
    JsonNode value = args.get(i);
    if (value.isContainerNode()) {
      throw args.fail(
          "argument " + (i + 1) + " must be a string, number, boolean or null, got " + value);
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }

  private static JsonNode stringToJson(IntrinsicArguments args) {
    String text = args.string(0);
    try {
      JsonNode parsed =
          Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
      if (parsed == null || parsed.isMissingNode()) {
        throw args.fail("the string is empty, not JSON");
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw args.fail("the string is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static JsonNode array(IntrinsicArguments args) {
    ArrayNode array = NODES.arrayNode();
    args.values().forEach(v -> array.add(v.deepCopy()));
    return array;
  }

  private static JsonNode arrayPartition(IntrinsicArguments args) {
    ArrayNode input = args.array(0);
    int chunk = args.roundedInt(1);
    if (chunk <= 0) {
      throw args.fail("the chunk size must be a positive integer, got " + args.get(1));
    }
    ArrayNode chunks = NODES.arrayNode();
    for (int start = 0; start < input.size(); start += chunk) {
      ArrayNode part = chunks.addArray();
      for (int i = start; i < Math.min(input.size(), start + chunk); i++) {
        part.add(input.get(i).deepCopy());
      }
    }
    return chunks;
  }

  private static JsonNode arrayContains(IntrinsicArguments args) {
    ArrayNode input = args.array(0);
    JsonNode wanted = args.get(1);
    for (JsonNode element : input) {
      if (JsonValues.same(element, wanted)) {
        return BooleanNode.TRUE;
      }
    }
    return BooleanNode.FALSE;
  }

  private static JsonNode arrayRange(IntrinsicArguments args) {
    long start = args.roundedInt(0);
    long end = args.roundedInt(1);
    long step = args.roundedInt(2);
    if (step == 0) {
      throw args.fail("the step (third argument) must not be zero");
    }
    boolean empty = step > 0 ? end < start : end > start;
    long count = empty ? 0 : (end - start) / step + 1;
    if (count > MAX_RANGE_ITEMS) {
      throw args.fail("the range has " + count + " items; the maximum is " + MAX_RANGE_ITEMS);
    }
    ArrayNode range = NODES.arrayNode();
    for (long i = 0; i < count; i++) {
      range.add(number(start + i * step));
    }
    return range;
  }

  private static JsonNode arrayGetItem(IntrinsicArguments args) {
    ArrayNode input = args.array(0);
    int index = args.exactInt(1);
    if (index < 0 || index >= input.size()) {
      throw args.fail("index " + index + " is out of bounds for an array of " + input.size());
    }
    return input.get(index).deepCopy();
  }

  private static JsonNode arrayUnique(IntrinsicArguments args) {
    ArrayNode unique = NODES.arrayNode();
    for (JsonNode element : args.array(0)) {
      boolean seen = false;
      for (JsonNode kept : unique) {
        seen |= JsonValues.same(kept, element);
      }
      if (!seen) {
        unique.add(element.deepCopy());
      }
    }
    return unique;
  }

  private static JsonNode base64Encode(IntrinsicArguments args) {
    String data = limited(args, args.string(0));
    return TextNode.valueOf(
        Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode base64Decode(IntrinsicArguments args) {
    String data = limited(args, args.string(0));
    if (!BASE64.matcher(data).matches()) {
      throw args.fail("the string is not Base64");
    }
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(data);
      return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw args.fail("the string is not Base64: " + e.getMessage());
    }
  }

  /** The spec: "The length of the stringified version of the first argument" is limited. */
  private static JsonNode hash(IntrinsicArguments args) {
    JsonNode value = args.get(0);
    String data = limited(args, value.isTextual() ? value.textValue() : compact(value));
    String algorithm = args.string(1);
    if (!HASHES.contains(algorithm)) {
      throw args.fail(
          "unsupported algorithm '"
              + algorithm
              + "'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return TextNode.valueOf(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** AWS: "Step Functions only supports the shallow merging mode", so the flag must be false. */
  private static JsonNode jsonMerge(IntrinsicArguments args) {
    ObjectNode first = args.object(0);
    ObjectNode second = args.object(1);
    if (args.bool(2)) {
      throw args.fail("only the shallow merge is supported; the third argument must be false");
    }
    ObjectNode merged = first.deepCopy();
    merged.setAll(second.deepCopy());
    return merged;
  }

  /**
   * AWS: "a random number between the specified start number (inclusive) and end number
   * (exclusive)"; the same seed gives the same number.
   */
  private static JsonNode mathRandom(IntrinsicArguments args) {
    long start = args.roundedInt(0);
    long end = args.roundedInt(1);
    if (start >= end) {
      throw args.fail("the end " + end + " must be greater than the start " + start);
    }
    RandomGenerator random =
        args.size() == 3
            ? new Random(args.roundedInt(2))
            : Optional.ofNullable(args.random()).orElseGet(ThreadLocalRandom::current);
    return number(start + random.nextLong(end - start));
  }

  private static JsonNode mathAdd(IntrinsicArguments args) {
    return number((long) args.roundedInt(0) + args.roundedInt(1));
  }

  /** Every character of the second argument is a delimiter; empty pieces are dropped. */
  private static JsonNode stringSplit(IntrinsicArguments args) {
    StringTokenizer tokens = new StringTokenizer(args.string(0), args.string(1));
    ArrayNode parts = NODES.arrayNode();
    while (tokens.hasMoreTokens()) {
      parts.add(tokens.nextToken());
    }
    return parts;
  }

  private static JsonNode uuid(IntrinsicArguments args) {
    if (args.random() == null) {
      return TextNode.valueOf(UUID.randomUUID().toString());
    }
    byte[] bytes = new byte[16];
    args.random().nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return TextNode.valueOf(new UUID(buffer.getLong(), buffer.getLong()).toString());
  }

  private static String limited(IntrinsicArguments args, String data) {
    if (data.length() > MAX_CHARS) {
      throw args.fail(
          "the input has " + data.length() + " characters; the maximum is " + MAX_CHARS);
    }
    return data;
  }

  private static JsonNode number(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
        ? NODES.numberNode((int) value)
        : NODES.numberNode(value);
  }

  private static String compact(JsonNode value) {
    return JsonValues.compact(value);
  }
}
