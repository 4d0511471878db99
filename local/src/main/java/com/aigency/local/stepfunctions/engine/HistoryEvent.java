package com.aigency.local.stepfunctions.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution's history, as GetExecutionHistory shows it.
 *
 * @param id 1, 2, 3, ... in the order the events happened
 * @param previousEventId the event this one follows from in its own branch of control: the state
 *     entered for a task's events, the previous state's exit for a state entered, 0 for the first
 *     state and for aborts and timeouts of the whole execution, as AWS sets it
 * @param type e.g. {@code TaskStateEntered}
 * @param detailsMember the member holding the details, e.g. {@code stateEnteredEventDetails}, or
 *     null for events without details
 * @param details e.g. {@code {"name":"Approve","input":"{}","inputDetails":{"truncated":false}}}
 */
public record HistoryEvent(
    long id,
    long previousEventId,
    Instant timestamp,
    String type,
    String detailsMember,
    ObjectNode details) {}
