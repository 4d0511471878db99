package com.aigency.local.stepfunctions.engine;

import java.time.Instant;

/**
 * An execution as DescribeExecution shows it. JSON documents ({@code input}, {@code output}) are
 * JSON text, as on the wire.
 *
 * @param stopDate null while running
 * @param output null unless SUCCEEDED
 * @param error null unless FAILED, or ABORTED with an error given to StopExecution
 * @param cause as {@code error}
 */
public record ExecutionDescription(
    String executionArn,
    String stateMachineArn,
    String name,
    ExecutionStatus status,
    Instant startDate,
    Instant stopDate,
    String input,
    String output,
    String error,
    String cause) {}
