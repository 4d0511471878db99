package com.aigency.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions in a template value, the way CloudFormation would at
 * deploy time, with Ref and GetAtt answered by the caller's {@link Resolver} (the local runner
 * knows its queue URLs, table names and parameter values; CloudFormation's answers are not
 * available locally).
 *
 * <p>Supported: Ref (including AWS::NoValue), Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split,
 * Fn::If with the template's Conditions (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition),
 * Fn::Base64, Fn::FindInMap, Fn::Length and Fn::ToJsonString. Anything else fails with the function
 * and the template path named, so an unresolvable value never reaches a handler as a raw map.
 */
public final class Intrinsics {

  /** Answers what CloudFormation would answer for Ref and Fn::GetAtt. */
  public interface Resolver {
    /**
     * The value of {@code Ref} of a resource, a parameter or a pseudo parameter (AWS::Region...).
     */
    JsonNode ref(String logicalIdOrParameterOrPseudo);

    JsonNode getAtt(String logicalId, String attribute);
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_VALUE = "AWS::NoValue";
  private static final Set<String> NOT_SUPPORTED_LOCALLY =
      Set.of("Fn::GetAZs", "Fn::ImportValue", "Fn::Cidr", "Fn::Transform", "Fn::ForEach");

  private Intrinsics() {}

  /**
   * Resolves {@code value} recursively. Object keys and list items that resolve to AWS::NoValue are
   * removed; if {@code value} itself does, the result is {@link MissingNode}.
   */
  public static JsonNode resolve(JsonNode value, Resolver resolver, SamTemplate template) {
    return resolve(value, resolver, template, "$");
  }

  /** As {@link #resolve(JsonNode, Resolver, SamTemplate)}, naming {@code path} in errors. */
  public static JsonNode resolve(
      JsonNode value, Resolver resolver, SamTemplate template, String path) {
    return new Evaluation(resolver, template).resolve(value, path);
  }

  /** Evaluates the template condition {@code name}. */
  public static boolean condition(String name, Resolver resolver, SamTemplate template) {
    return new Evaluation(resolver, template).condition(name, "Conditions." + name);
  }

  /** One resolution; holds the condition results so each condition is evaluated once. */
  private static final class Evaluation {
    private final Resolver resolver;
    private final SamTemplate template;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();

    Evaluation(Resolver resolver, SamTemplate template) {
      this.resolver = resolver;
      this.template = template;
    }

    JsonNode resolve(JsonNode value, String path) {
      if (value.isObject()) {
        String function = functionName(value, path);
        if (function != null) {
          return call(function, value.get(function), path + "." + function);
        }
        ObjectNode resolved = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          JsonNode item = resolve(field.getValue(), path + "." + field.getKey());
          if (!item.isMissingNode()) {
            resolved.set(field.getKey(), item);
          }
        }
        return resolved;
      }
      if (value.isArray()) {
        ArrayNode resolved = NODES.arrayNode();
        for (int i = 0; i < value.size(); i++) {
          JsonNode item = resolve(value.get(i), path + "[" + i + "]");
          if (!item.isMissingNode()) {
            resolved.add(item);
          }
        }
        return resolved;
      }
      return value;
    }

    /** The intrinsic function an object calls, or null for a plain object. */
    private static String functionName(JsonNode object, String path) {
      for (String key : (Iterable<String>) object::fieldNames) {
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          if (object.size() != 1) {
            throw new TemplateException(
                "intrinsic function " + key + " must be the only key of its object at " + path);
          }
          return key;
        }
      }
      return null;
    }

    private JsonNode call(String function, JsonNode args, String path) {
      return switch (function) {
        case "Ref" -> ref(args, path);
        case "Fn::GetAtt" -> getAtt(args, path);
        case "Fn::Sub" -> NODES.textNode(sub(args, path));
        case "Fn::Join" -> NODES.textNode(join(args, path));
        case "Fn::Select" -> select(args, path);
        case "Fn::Split" -> split(args, path);
        case "Fn::If" -> ifThenElse(args, path);
        case "Fn::Base64" ->
            NODES.textNode(
                Base64.getEncoder()
                    .encodeToString(
                        text(resolve(args, path), path).getBytes(StandardCharsets.UTF_8)));
        case "Fn::FindInMap" -> findInMap(args, path);
        case "Fn::Length" -> NODES.numberNode(list(resolve(args, path), path).size());
        case "Fn::ToJsonString" -> toJsonString(resolve(args, path), path);
        case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" ->
            NODES.booleanNode(conditionFunction(function, args, path));
        default -> {
          if (NOT_SUPPORTED_LOCALLY.contains(function)) {
            throw new TemplateException(
                function + " is not supported by the local template resolver, at " + path);
          }
          throw new TemplateException("unknown intrinsic function " + function + " at " + path);
        }
      };
    }

    private JsonNode ref(JsonNode args, String path) {
      if (!args.isTextual()) {
        throw new TemplateException("Ref takes a literal name, found " + args + " at " + path);
      }
      String name = args.asText();
      if (name.equals(NO_VALUE)) {
        return MissingNode.getInstance();
      }
      return answered(resolver.ref(name), "Ref " + name, path);
    }

    private JsonNode getAtt(JsonNode args, String path) {
      String logicalId;
      String attribute;
      if (args.isTextual() && args.asText().indexOf('.') > 0) {
        String dotted = args.asText();
        logicalId = dotted.substring(0, dotted.indexOf('.'));
        attribute = dotted.substring(dotted.indexOf('.') + 1);
      } else if (args.isArray() && args.size() == 2 && args.get(0).isTextual()) {
        logicalId = args.get(0).asText();
        attribute = text(resolve(args.get(1), path + "[1]"), path + "[1]");
      } else {
        throw new TemplateException(
            "Fn::GetAtt takes [LogicalId, Attribute], found " + args + " at " + path);
      }
      return answered(
          resolver.getAtt(logicalId, attribute), "Fn::GetAtt " + logicalId + "." + attribute, path);
    }

    private static JsonNode answered(JsonNode answer, String what, String path) {
      if (answer == null || answer.isMissingNode()) {
        throw new TemplateException("the resolver has no value for " + what + " at " + path);
      }
      return answer;
    }

    private String sub(JsonNode args, String path) {
      String text;
      Map<String, String> variables = new LinkedHashMap<>();
      if (args.isTextual()) {
        text = args.asText();
      } else if (args.isArray()
          && args.size() == 2
          && args.get(0).isTextual()
          && args.get(1).isObject()) {
        text = args.get(0).asText();
        for (Map.Entry<String, JsonNode> var : args.get(1).properties()) {
          String varPath = path + "[1]." + var.getKey();
          variables.put(var.getKey(), text(resolve(var.getValue(), varPath), varPath));
        }
      } else {
        throw new TemplateException(
            "Fn::Sub takes a string or [string, {variables}], found " + args + " at " + path);
      }
      StringBuilder out = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        int start = text.indexOf("${", i);
        if (start < 0) {
          out.append(text, i, text.length());
          break;
        }
        out.append(text, i, start);
        if (start + 2 < text.length() && text.charAt(start + 2) == '!') {
          // "${!Literal}" is how a template writes a literal "${Literal}".
          out.append("${");
          i = start + 3;
          continue;
        }
        int end = text.indexOf('}', start);
        if (end < 0) {
          throw new TemplateException("unterminated ${ in Fn::Sub '" + text + "' at " + path);
        }
        out.append(subVariable(text.substring(start + 2, end), variables, path));
        i = end + 1;
      }
      return out.toString();
    }

    private String subVariable(String name, Map<String, String> variables, String path) {
      if (variables.containsKey(name)) {
        return variables.get(name);
      }
      if (name.isEmpty() || name.equals(NO_VALUE)) {
        throw new TemplateException("invalid Fn::Sub variable ${" + name + "} at " + path);
      }
      int dot = name.indexOf('.');
      JsonNode value =
          dot > 0
              ? answered(
                  resolver.getAtt(name.substring(0, dot), name.substring(dot + 1)),
                  "${" + name + "}",
                  path)
              : answered(resolver.ref(name), "${" + name + "}", path);
      return text(value, path + " ${" + name + "}");
    }

    private String join(JsonNode args, String path) {
      JsonNode[] pair = pair(args, "Fn::Join", "[delimiter, [values]]", path);
      String delimiter = text(pair[0], path + "[0]");
      List<String> parts = new ArrayList<>();
      JsonNode values = list(resolve(pair[1], path + "[1]"), path + "[1]");
      for (int i = 0; i < values.size(); i++) {
        parts.add(text(values.get(i), path + "[1][" + i + "]"));
      }
      return String.join(delimiter, parts);
    }

    private JsonNode select(JsonNode args, String path) {
      JsonNode[] pair = pair(args, "Fn::Select", "[index, [values]]", path);
      String indexText = text(resolve(pair[0], path + "[0]"), path + "[0]");
      JsonNode values = list(resolve(pair[1], path + "[1]"), path + "[1]");
      int index;
      try {
        index = Integer.parseInt(indexText);
      } catch (NumberFormatException e) {
        throw new TemplateException(
            "Fn::Select index must be an integer, found " + indexText + " at " + path, e);
      }
      if (index < 0 || index >= values.size()) {
        throw new TemplateException(
            "Fn::Select index " + index + " is outside a list of " + values.size() + " at " + path);
      }
      return values.get(index);
    }

    private JsonNode split(JsonNode args, String path) {
      JsonNode[] pair = pair(args, "Fn::Split", "[delimiter, string]", path);
      String delimiter = text(pair[0], path + "[0]");
      String source = text(resolve(pair[1], path + "[1]"), path + "[1]");
      ArrayNode parts = NODES.arrayNode();
      for (String part : source.split(Pattern.quote(delimiter), -1)) {
        parts.add(part);
      }
      return parts;
    }

    private JsonNode ifThenElse(JsonNode args, String path) {
      if (!args.isArray() || args.size() != 3 || !args.get(0).isTextual()) {
        throw new TemplateException(
            "Fn::If takes [ConditionName, ifTrue, ifFalse], found " + args + " at " + path);
      }
      boolean chosen = condition(args.get(0).asText(), path + "[0]");
      int branch = chosen ? 1 : 2;
      return resolve(args.get(branch), path + "[" + branch + "]");
    }

    private JsonNode findInMap(JsonNode args, String path) {
      if (!args.isArray() || args.size() != 3) {
        throw new TemplateException(
            "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey], found "
                + args
                + " at "
                + path);
      }
      String map = text(resolve(args.get(0), path + "[0]"), path + "[0]");
      String top = text(resolve(args.get(1), path + "[1]"), path + "[1]");
      String second = text(resolve(args.get(2), path + "[2]"), path + "[2]");
      JsonNode value = template.mappings().path(map).path(top).path(second);
      if (value.isMissingNode()) {
        throw new TemplateException(
            "Fn::FindInMap finds no Mappings." + map + "." + top + "." + second + " at " + path);
      }
      return resolve(value, "Mappings." + map + "." + top + "." + second);
    }

    private static JsonNode toJsonString(JsonNode value, String path) {
      try {
        return NODES.textNode(JSON.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new TemplateException("Fn::ToJsonString failed at " + path, e);
      }
    }

    boolean condition(String name, String path) {
      Boolean known = conditions.get(name);
      if (known != null) {
        return known;
      }
      JsonNode definition = template.conditions().get(name);
      if (definition == null) {
        throw new TemplateException(
            "condition " + name + " is not declared in Conditions, at " + path);
      }
      if (!evaluating.add(name)) {
        throw new TemplateException("conditions refer to each other in a cycle: " + evaluating);
      }
      boolean value = conditionExpression(definition, "Conditions." + name);
      evaluating.remove(name);
      conditions.put(name, value);
      return value;
    }

    private boolean conditionExpression(JsonNode expression, String path) {
      if (expression.isObject() && expression.size() == 1) {
        String key = expression.fieldNames().next();
        JsonNode args = expression.get(key);
        if (key.equals("Condition")) {
          if (!args.isTextual()) {
            throw new TemplateException("Condition takes a condition name at " + path);
          }
          return condition(args.asText(), path + ".Condition");
        }
        if (key.equals("Fn::Equals")
            || key.equals("Fn::Not")
            || key.equals("Fn::And")
            || key.equals("Fn::Or")) {
          return conditionFunction(key, args, path + "." + key);
        }
      }
      throw new TemplateException(
          "a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition, found "
              + expression
              + " at "
              + path);
    }

    private boolean conditionFunction(String function, JsonNode args, String path) {
      if (!args.isArray()) {
        throw new TemplateException(function + " takes a list, found " + args + " at " + path);
      }
      switch (function) {
        case "Fn::Equals" -> {
          JsonNode[] pair = pair(args, function, "[value1, value2]", path);
          return same(resolve(pair[0], path + "[0]"), resolve(pair[1], path + "[1]"));
        }
        case "Fn::Not" -> {
          if (args.size() != 1) {
            throw new TemplateException("Fn::Not takes [condition] at " + path);
          }
          return !conditionExpression(args.get(0), path + "[0]");
        }
        default -> {
          if (args.size() < 2 || args.size() > 10) {
            throw new TemplateException(function + " takes 2 to 10 conditions at " + path);
          }
          boolean and = function.equals("Fn::And");
          for (int i = 0; i < args.size(); i++) {
            boolean value = conditionExpression(args.get(i), path + "[" + i + "]");
            if (and != value) {
              return value;
            }
          }
          return and;
        }
      }
    }

    /** CloudFormation compares condition operands as strings; 'true' equals true. */
    private static boolean same(JsonNode a, JsonNode b) {
      if (a.isValueNode() && b.isValueNode()) {
        return a.asText().equals(b.asText());
      }
      return a.equals(b);
    }

    private static JsonNode[] pair(JsonNode args, String function, String shape, String path) {
      if (!args.isArray() || args.size() != 2) {
        throw new TemplateException(
            function + " takes " + shape + ", found " + args + " at " + path);
      }
      return new JsonNode[] {args.get(0), args.get(1)};
    }

    private static JsonNode list(JsonNode value, String path) {
      if (!value.isArray()) {
        throw new TemplateException("expected a list, found " + value + " at " + path);
      }
      return value;
    }

    private static String text(JsonNode value, String path) {
      if (value.isMissingNode()) {
        throw new TemplateException("AWS::NoValue cannot be used as a string at " + path);
      }
      if (!value.isValueNode() || value.isNull()) {
        throw new TemplateException("expected a string, found " + value + " at " + path);
      }
      return value.asText();
    }
  }
}
