package com.aigency.shared.agents.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tiny checker for the JSON Schema subset OpenAI strict mode uses (type, type unions, enum,
 * properties, required, additionalProperties false, items), so outputs can be validated before a
 * schema library is on the classpath. Returns the violations, empty when valid.
 */
final class SchemaChecker {
  private SchemaChecker() {}

  static List<String> violations(JsonNode schema, JsonNode value) {
    List<String> errors = new ArrayList<>();
    check(schema, value, "$", errors);
    return errors;
  }

  /** Strict mode's own rules: every object lists all its properties as required and forbids others. */
  static List<String> strictModeProblems(JsonNode schema) {
    List<String> problems = new ArrayList<>();
    strict(schema, "$", problems);
    return problems;
  }

  private static void strict(JsonNode schema, String path, List<String> problems) {
    if (schema.has("properties")) {
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      schema.get("properties").fieldNames().forEachRemaining(
          name -> {
            if (!required.contains(name)) {
              problems.add(path + "." + name + " is not required");
            }
            strict(schema.get("properties").get(name), path + "." + name, problems);
          });
      if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean()) {
        problems.add(path + " allows additional properties");
      }
    }
    if (schema.has("items")) {
      strict(schema.get("items"), path + "[]", problems);
    }
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      errors.add(path + " has type " + value.getNodeType() + ", expected " + schema.get("type"));
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode option : schema.get("enum")) {
        listed |= option.equals(value);
      }
      if (!listed) {
        errors.add(path + " = " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isObject()) {
      schema.path("required").forEach(
          name -> {
            if (!value.has(name.asText())) {
              errors.add(path + "." + name.asText() + " is missing");
            }
          });
      value.fieldNames().forEachRemaining(
          name -> {
            JsonNode property = schema.path("properties").get(name);
            if (property == null) {
              if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                errors.add(path + "." + name + " is not allowed");
              }
            } else {
              check(property, value.get(name), path + "." + name, errors);
            }
          });
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode option : type) {
        if (typeMatches(option, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }
}
