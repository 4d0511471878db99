package com.aigency.local.stepfunctions.engine;

import com.aigency.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything a Task state can call that the engine does not handle itself: the local runner
 * implements it to reach in-process Lambdas, SQS, EventBridge and DynamoDB.
 *
 * <p>The engine handles {@code arn:aws:states:::states:startExecution} (with {@code .sync}, {@code
 * .sync:2} and {@code .waitForTaskToken}) itself and asks this interface for every other resource.
 * For a {@code .waitForTaskToken} resource the engine records what {@link #invoke} returns as the
 * submission and then waits for SendTaskSuccess/SendTaskFailure, heartbeats or timeouts.
 */
public interface TaskResources {

  /**
   * Whether {@code resource} (a Task's {@code Resource} as written) can be invoked. Definitions
   * naming an unsupported resource are rejected when they are registered.
   */
  boolean supports(String resource);

  /**
   * Invokes the resource. Runs on a virtual thread of the engine and may block.
   *
   * @param resource the Task's {@code Resource} as written, e.g. {@code
   *     arn:aws:states:::lambda:invoke.waitForTaskToken} or a plain Lambda function ARN
   * @param parameters the effective input after {@code InputPath} and {@code Parameters}
   * @param context the context object ({@code $$}), with {@code Task.Token} for callback tasks
   * @return the result (the submission for callback tasks)
   * @throws StatesError the failure with the name Retry and Catch match, e.g. the Lambda function's
   *     error type
   */
  JsonNode invoke(String resource, JsonNode parameters, JsonNode context) throws StatesError;
}
