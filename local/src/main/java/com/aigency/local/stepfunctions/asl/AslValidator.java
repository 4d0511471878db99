package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * Registration-time validation of a JSONPath state machine definition against the Amazon States
 * Language spec, recursively into Parallel branches and Map ItemProcessors, plus the local engine's
 * loud limits: JSONata, variables (Assign), Distributed Map features (ProcessorConfig DISTRIBUTED,
 * ItemReader, ResultWriter, ItemBatcher, Label), Task Credentials, and Task resources the engine
 * cannot run. Each problem names where it is ({@code Definition}, {@code State 'X'}, {@code
 * Branches[0] of state 'P'}) and what is wrong.
 */
public final class AslValidator {
  private AslValidator() {}

  /**
   * @param resourceSupported whether the engine can run a Task's Resource ARN
   * @return the problems, empty when the definition is valid
   */
  public static List<String> problems(JsonNode definition, Predicate<String> resourceSupported) {
    Validation validation = new Validation(definition, resourceSupported);
    validation.machine(definition);
    return validation.problems();
  }
}
