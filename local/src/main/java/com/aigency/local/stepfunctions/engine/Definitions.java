package com.aigency.local.stepfunctions.engine;

import com.aigency.local.stepfunctions.asl.AslValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Checks of what CreateStateMachine and UpdateStateMachine are given. */
final class Definitions {

  /** AWS's longest standard execution, the timeout of a machine that declares none. */
  static final Duration MAX_EXECUTION_DURATION = Duration.ofDays(365);

  private Definitions() {}

  /**
   * Checks a definition with {@link AslValidator}: anything the engine cannot run (JSONata,
   * Distributed Map, an unknown resource) is refused here, loudly, rather than at run time.
   *
   * @param resourceSupported whether a Task's Resource can be run
   * @throws com.aigency.local.aws.AwsJsonException InvalidDefinition naming the problems
   */
  static void validate(String definition, Predicate<String> resourceSupported) {
    if (definition == null) {
      throw SfnErrors.validation(
          "1 validation error detected: Value null at 'definition' failed to satisfy constraint:"
              + " Member must not be null");
    }
    String problem = Json.problem(definition);
    if (problem != null) {
      throw SfnErrors.invalidDefinition("INVALID_JSON_DESCRIPTION: " + problem);
    }
    List<String> problems =
        AslValidator.problems(Json.parse(definition).orElseThrow(), resourceSupported);
    if (!problems.isEmpty()) {
      throw SfnErrors.invalidDefinition("SCHEMA_VALIDATION_FAILED: " + String.join("; ", problems));
    }
  }

  static void requireRoleArn(String roleArn) {
    if (roleArn == null) {
      throw SfnErrors.validation(
          "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint:"
              + " Member must not be null");
    }
    if (!roleArn.startsWith("arn:")) {
      throw SfnErrors.invalidArn("Invalid ARN prefix: " + roleArn);
    }
  }

  /** The machine-level TimeoutSeconds, else AWS's one-year limit of a standard execution. */
  static Duration executionTimeout(String definition) {
    JsonNode timeout = Json.parse(definition).orElseThrow().path("TimeoutSeconds");
    return timeout.isIntegralNumber() && timeout.asLong() > 0
        ? Duration.ofSeconds(timeout.asLong())
        : MAX_EXECUTION_DURATION;
  }
}
