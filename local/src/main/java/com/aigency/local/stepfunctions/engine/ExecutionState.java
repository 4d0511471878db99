package com.aigency.local.stepfunctions.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about one execution, persisted as one JSON file that is replaced atomically on every
 * transition: the definition it runs (the version current when it started), its history, every live
 * branch of control, and the task tokens it issued.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
final class ExecutionState {

  static final String ROOT = "root";

  String executionArn;
  String stateMachineArn;
  String stateMachineName;
  String name;
  String definition;
  String roleArn;
  String input;
  ExecutionStatus status;
  Instant startDate;
  Instant stopDate;
  String output;
  String error;
  String cause;

  /** When the execution times out: the machine's TimeoutSeconds, else AWS's one-year limit. */
  Instant deadline;

  ParentTask parentTask;
  List<HistoryEvent> history = new ArrayList<>();

  /** Live branches by id; a finished Parallel branch or Map iteration is dropped. */
  Map<String, BranchState> branches = new LinkedHashMap<>();

  /** Every token issued, by token id. */
  Map<String, TokenState> tokens = new LinkedHashMap<>();

  long branchCounter;

  ExecutionState() {}

  ExecutionDescription describe() {
    return new ExecutionDescription(
        executionArn,
        stateMachineArn,
        name,
        status,
        startDate,
        stopDate,
        input,
        output,
        error,
        cause);
  }

  String newBranchId() {
    return "b" + ++branchCounter;
  }
}
