package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Payload templates: Parameters, ResultSelector, ItemSelector (and the deprecated Map Parameters).
 * A field whose name ends in {@code .$} is renamed without the suffix and its string value is
 * replaced: {@code $...} by the path applied to the template's input, {@code $$...} by the path
 * applied to the context object, anything else by the intrinsic function's result. Nested objects
 * and arrays are processed at any depth; everything else is copied as is.
 */
public final class PayloadTemplates {
  private PayloadTemplates() {}

  public static JsonNode resolve(JsonNode template, JsonNode input, JsonNode context) {
    return resolve(template, input, context, null);
  }

  /**
   * @param random the source for States.UUID and unseeded States.MathRandom, or {@code null}
   * @throws StatesError {@code States.Runtime} when a path selects nothing, as AWS reports it ("The
   *     JSONPath '$.x' specified for the field 'y.$' could not be found in the input ..."), {@code
   *     States.IntrinsicFailure} when an intrinsic function fails
   */
  public static JsonNode resolve(
      JsonNode template, JsonNode input, JsonNode context, RandomGenerator random) {
    if (template.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : template.properties()) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        if (name.endsWith(".$") && name.length() > 2) {
          if (!value.isTextual()) {
            throw new StatesError(
                StatesError.RUNTIME,
                "The value of the field '" + name + "' must be a path or an intrinsic function");
          }
          out.set(
              name.substring(0, name.length() - 2),
              evaluate(name, value.textValue(), input, context, random));
        } else {
          out.set(name, resolve(value, input, context, random));
        }
      }
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : template) {
        out.add(resolve(element, input, context, random));
      }
      return out;
    }
    return template.deepCopy();
  }

  /**
   * One dynamic value: a path on {@code input}, a {@code $$} path on {@code context}, or an
   * intrinsic function. Used for {@code .$} fields and for Fail's ErrorPath and CausePath.
   */
  public static JsonNode evaluate(String expression, JsonNode input, JsonNode context) {
    return evaluate(expression, expression, input, context, null);
  }

  private static JsonNode evaluate(
      String field, String expression, JsonNode input, JsonNode context, RandomGenerator random) {
    if (!expression.startsWith("$")) {
      return IntrinsicFunctions.evaluate(expression, input, context, random);
    }
    boolean onContext = expression.startsWith("$$");
    JsonNode data = onContext ? context : input;
    if (data == null) {
      data = JsonNodeFactory.instance.objectNode();
    }
    String path = onContext ? expression.substring(1) : expression;
    JsonNode source = data;
    return JsonPaths.find(source, path)
        .map(node -> node.<JsonNode>deepCopy())
        .orElseThrow(
            () ->
                new StatesError(
                    StatesError.RUNTIME,
                    "The JSONPath '"
                        + expression
                        + "' specified for the field '"
                        + field
                        + "' could not be found in the input '"
                        + JsonValues.compact(source)
                        + "'"));
  }
}
