package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Input and output processing in the spec's order: InputPath, then Parameters (see {@link
 * PayloadTemplates}); after the work, ResultSelector (also a payload template), ResultPath, then
 * OutputPath. Field arguments are the raw definition values: Java {@code null} or a missing node
 * means the field is absent (default {@code "$"}), a JSON null has its own meaning per field.
 */
public final class InputOutput {
  private InputOutput() {}

  /**
   * InputPath: absent selects the whole raw input; JSON null discards it for {@code {}}. A path
   * that selects nothing fails with {@code States.Runtime}, as on AWS ("Invalid path ...").
   */
  public static JsonNode inputPath(JsonNode rawInput, JsonNode inputPathField) {
    return select(rawInput, inputPathField, "InputPath");
  }

  /** OutputPath, with InputPath's rules; JSON null makes the state output {@code {}}. */
  public static JsonNode outputPath(JsonNode output, JsonNode outputPathField) {
    return select(output, outputPathField, "OutputPath");
  }

  /**
   * ResultPath: absent (or {@code "$"}) makes the result the output; JSON null discards the result
   * and keeps the input; a Reference Path such as {@code $.a.b} places the result into a copy of
   * the input, creating intervening objects. When the input cannot hold it (a step through a
   * non-object, or an index beyond an array) it fails with {@code States.ResultPathMatchFailure}.
   */
  public static JsonNode resultPath(
      JsonNode stateInput, JsonNode resultPathField, JsonNode result) {
    if (JsonValues.absent(resultPathField)) {
      return result;
    }
    if (resultPathField.isNull()) {
      return stateInput;
    }
    String path = resultPathField.isTextual() ? resultPathField.textValue() : null;
    if (!JsonPaths.isReferencePath(path)) {
      throw new StatesError(
          StatesError.RUNTIME, "ResultPath " + resultPathField + " is not a reference path");
    }
    List<PathStep> steps = JsonPaths.parsed(path).steps();
    if (steps.isEmpty()) {
      return result;
    }
    JsonNode output = stateInput.deepCopy();
    JsonNode walked = output;
    for (int i = 0; i < steps.size() - 1; i++) {
      walked = descend(walked, steps.get(i), path, stateInput);
    }
    JsonNode parent = walked;
    switch (steps.getLast()) {
      case PathStep.Name name when parent.isObject() ->
          ((ObjectNode) parent).set(name.name(), result);
      case PathStep.Index index when parent.isArray() && index.index() < parent.size() ->
          ((ArrayNode) parent).set(index.index(), result);
      default -> throw matchFailure(path, stateInput);
    }
    return output;
  }

  private static JsonNode descend(JsonNode parent, PathStep step, String path, JsonNode input) {
    if (step instanceof PathStep.Name name && parent.isObject()) {
      JsonNode child = parent.get(name.name());
      if (child == null) {
        child = JsonNodeFactory.instance.objectNode();
        ((ObjectNode) parent).set(name.name(), child);
      }
      return child;
    }
    if (step instanceof PathStep.Index index && parent.isArray() && index.index() < parent.size()) {
      return parent.get(index.index());
    }
    throw matchFailure(path, input);
  }

  private static StatesError matchFailure(String path, JsonNode input) {
    return new StatesError(
        StatesError.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ResultPath '" + path + "' to input '" + JsonValues.compact(input) + "'");
  }

  private static JsonNode select(JsonNode data, JsonNode field, String fieldName) {
    if (JsonValues.absent(field)) {
      return data;
    }
    if (field.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!field.isTextual()) {
      throw new StatesError(StatesError.RUNTIME, fieldName + " must be a path or null: " + field);
    }
    return JsonPaths.read(data, field.textValue(), StatesError.RUNTIME);
  }
}
