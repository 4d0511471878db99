package com.aigency.local.stepfunctions.engine;

import java.time.Instant;

/** What StartExecution answers. */
public record StartedExecution(String executionArn, Instant startDate) {}
