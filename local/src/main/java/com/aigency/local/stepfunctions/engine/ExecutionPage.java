package com.aigency.local.stepfunctions.engine;

import java.util.List;

/** One page of ListExecutions, newest first; {@code nextToken} is null on the last page. */
public record ExecutionPage(List<ExecutionDescription> executions, String nextToken) {}
