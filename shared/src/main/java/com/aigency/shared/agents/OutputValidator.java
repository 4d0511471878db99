package com.aigency.shared.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a model's output against the request's JSON Schema (draft 2020-12). Compiled schemas are
 * cached, since every call of an agent sends the same one.
 */
public final class OutputValidator {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final Map<JsonNode, JsonSchema> compiled = new ConcurrentHashMap<>();

  /** The problems found, one line each; empty when the output is valid. */
  public List<String> problems(JsonNode schema, JsonNode output) {
    if (output == null || output.isMissingNode()) {
      return List.of("the reply was not a JSON document");
    }
    return compiled.computeIfAbsent(schema, FACTORY::getSchema).validate(output).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .toList();
  }
}
