package com.aigency.local.stepfunctions.engine;

/**
 * A Task's {@code Resource}, split the way the history shows it: {@code
 * arn:aws:states:::lambda:invoke.waitForTaskToken} has resource type {@code lambda} and resource
 * {@code invoke.waitForTaskToken}; a plain Lambda function ARN is a {@link #lambdaFunction()},
 * whose history uses the LambdaFunction* events.
 */
record ResourceRef(
    String arn, String resourceType, String resource, Pattern pattern, boolean lambdaFunction) {

  /** How the engine waits for the task, from the resource's suffix. */
  enum Pattern {
    REQUEST_RESPONSE,
    /** {@code .sync}: a child execution, output with Input/Output as JSON text. */
    RUN_JOB,
    /** {@code .sync:2}: a child execution, output with Input/Output as JSON. */
    RUN_JOB_JSON,
    /** {@code .waitForTaskToken}. */
    CALLBACK
  }

  private static final String INTEGRATION_PREFIX = "arn:aws:states:::";
  private static final String START_EXECUTION = "startExecution";

  static ResourceRef parse(String arn) {
    if (arn.startsWith(INTEGRATION_PREFIX)) {
      String rest = arn.substring(INTEGRATION_PREFIX.length());
      int colon = rest.indexOf(':');
      String type = colon < 0 ? rest : rest.substring(0, colon);
      String resource = colon < 0 ? "" : rest.substring(colon + 1);
      return new ResourceRef(arn, type, resource, patternOf(type, resource), false);
    }
    String[] parts = arn.split(":", -1);
    boolean function =
        parts.length >= 7 && "lambda".equals(parts[2]) && "function".equals(parts[5]);
    return new ResourceRef(arn, function ? "lambda" : "", arn, Pattern.REQUEST_RESPONSE, function);
  }

  /** {@code arn:aws:states:::states:startExecution} in any of its patterns: the engine runs it. */
  boolean childExecution() {
    return "states".equals(resourceType)
        && (resource.equals(START_EXECUTION) || resource.startsWith(START_EXECUTION + "."));
  }

  boolean callback() {
    return pattern == Pattern.CALLBACK;
  }

  /** Whether the engine waits for a child execution to end ({@code .sync} or {@code .sync:2}). */
  boolean waitsForChild() {
    return childExecution() && (pattern == Pattern.RUN_JOB || pattern == Pattern.RUN_JOB_JSON);
  }

  private static Pattern patternOf(String type, String resource) {
    if (resource.endsWith(".waitForTaskToken")) {
      return Pattern.CALLBACK;
    }
    // .sync on other services is the resource's own business: TaskResources blocks until done
    if ("states".equals(type) && resource.endsWith(".sync:2")) {
      return Pattern.RUN_JOB_JSON;
    }
    if ("states".equals(type) && resource.endsWith(".sync")) {
      return Pattern.RUN_JOB;
    }
    return Pattern.REQUEST_RESPONSE;
  }
}
