package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.TestJson.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Shared helpers of the validator tests. */
final class ValidatorFixtures {
  private ValidatorFixtures() {}

  /** A Task state's Type and a Resource the test predicate supports. */
  static final String TASK = "\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\"";

  static List<String> problems(String definition) {
    return problems(json(definition));
  }

  /** Validates with a predicate that supports every resource not containing "unsupported". */
  static List<String> problems(JsonNode definition) {
    return AslValidator.problems(definition, resource -> !resource.contains("unsupported"));
  }

  /**
   * A machine starting at {@code state} (named "S") with a terminal "Done" it may go to; whether
   * "Done" is reachable is not the point of these cases, so that problem is left out.
   */
  static List<String> problemsOfState(String state) {
    return problems(
            "{\"StartAt\": \"S\", \"States\": {\"S\": "
                + state
                + ", \"Done\": {\"Type\": \"Succeed\"}}}")
        .stream()
        .filter(p -> !p.equals("State 'Done': is not reachable from StartAt 'S'"))
        .toList();
  }
}
