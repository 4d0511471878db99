package com.aigency.local.stepfunctions.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One branch of control of an execution (its top level, a Parallel branch or a Map iteration) with
 * an explicit program counter: the current state, the {@link BranchPhase} inside it and everything
 * the phase needs (retry counters, task token, timers, collected results). Persisted as JSON with
 * its execution on every transition, so a restarted engine resumes it.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
final class BranchState {

  String id;

  /** The Parallel or Map state's branch; null for the top level. */
  String parentId;

  BranchKind kind;

  /** The branch index in Branches, or the item index of a Map iteration. */
  int index;

  /** JSON pointer to the object holding this branch's StartAt and States; "" at the top. */
  String statesPointer;

  String stateName;
  BranchPhase phase;

  /** The current state's raw input. */
  JsonNode stateInput;

  /** The input after InputPath (and Parameters where the state keeps it for later). */
  JsonNode effectiveInput;

  Instant enteredTime;

  /** Attempts made per retrier of the current state (reset when a state is entered). */
  List<Integer> retryCounts = new ArrayList<>();

  int retryTotal;

  /** The last event of this branch, the previousEventId of its next one. */
  long lastEventId;

  /** Bumped whenever the branch starts waiting anew, so stale timers and answers are ignored. */
  long generation;

  // A Task in flight
  JsonNode parameters;
  String taskTokenId;
  String taskToken;
  Instant timeoutAt;
  Instant heartbeatAt;
  Long heartbeatSeconds;
  String childExecutionArn;

  /** A token answer or child end that arrived while the resource was still being invoked. */
  Outcome earlyOutcome;

  // Wait and retry backoff
  Instant wakeAt;

  Outcome outcome;

  // Parallel and Map
  List<String> children = new ArrayList<>();
  ArrayNode results;
  ArrayNode items;
  int nextItem;
  int running;
  int finished;
  int failures;

  /** 0: no limit. */
  int maxConcurrency;

  Long toleratedFailureCount;
  Double toleratedFailurePercentage;

  // Once terminal
  JsonNode output;
  String error;
  String cause;

  BranchState() {}

  BranchState(String id, String parentId, BranchKind kind, int index, String statesPointer) {
    this.id = id;
    this.parentId = parentId;
    this.kind = kind;
    this.index = index;
    this.statesPointer = statesPointer;
  }

  void clearTask() {
    parameters = null;
    taskTokenId = null;
    taskToken = null;
    timeoutAt = null;
    heartbeatAt = null;
    heartbeatSeconds = null;
    childExecutionArn = null;
    earlyOutcome = null;
  }
}
