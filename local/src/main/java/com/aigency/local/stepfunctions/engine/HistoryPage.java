package com.aigency.local.stepfunctions.engine;

import java.util.List;

/** One page of GetExecutionHistory; {@code nextToken} is null on the last page. */
public record HistoryPage(List<HistoryEvent> events, String nextToken) {}
