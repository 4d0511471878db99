package com.aigency.local.stepfunctions.engine;

import java.time.Instant;

/**
 * A registered state machine, as DescribeStateMachine shows it.
 *
 * @param status {@code ACTIVE}, or {@code DELETING} until its last running execution ends
 * @param type always {@code STANDARD}: the engine runs standard workflows only
 * @param updateDate null until the first update
 * @param revisionId null until the first update, as in AWS
 */
public record StateMachineDescription(
    String stateMachineArn,
    String name,
    String status,
    String definition,
    String roleArn,
    String type,
    Instant creationDate,
    Instant updateDate,
    String revisionId) {

  static final String ACTIVE = "ACTIVE";
  static final String DELETING = "DELETING";

  boolean deleting() {
    return DELETING.equals(status);
  }

  StateMachineDescription withStatus(String newStatus) {
    return new StateMachineDescription(
        stateMachineArn,
        name,
        newStatus,
        definition,
        roleArn,
        type,
        creationDate,
        updateDate,
        revisionId);
  }
}
