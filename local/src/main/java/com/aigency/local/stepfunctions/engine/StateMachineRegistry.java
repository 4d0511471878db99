package com.aigency.local.stepfunctions.engine;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The registered state machines, saved to {@code state-machines.json} on every change. Reads need
 * no lock; changes are serialized on the registry.
 */
final class StateMachineRegistry {

  private static final String STANDARD = "STANDARD";

  private final Map<String, StateMachineDescription> machines = new ConcurrentHashMap<>();
  private final EngineStore store;
  private final Clock clock;
  private final Predicate<String> resourceSupported;
  private volatile boolean closed;

  StateMachineRegistry(EngineStore store, Clock clock, Predicate<String> resourceSupported) {
    this.store = store;
    this.clock = clock;
    this.resourceSupported = resourceSupported;
    store.loadStateMachines().forEach(m -> machines.put(m.stateMachineArn(), m));
  }

  synchronized StateMachineDescription create(
      String name, String definition, String roleArn, String type) {
    if (!SfnNames.validName(name)) {
      throw SfnErrors.invalidName(name);
    }
    String machineType = type == null ? STANDARD : type;
    if (!STANDARD.equals(machineType)) {
      throw SfnErrors.validation(
          "The local Step Functions engine runs STANDARD state machines only, not " + machineType);
    }
    Definitions.requireRoleArn(roleArn);
    Definitions.validate(definition, resourceSupported);
    String arn = SfnNames.stateMachineArn(name);
    StateMachineDescription existing = machines.get(arn);
    if (existing != null) {
      if (existing.deleting()) {
        throw SfnErrors.stateMachineDeleting(arn);
      }
      // AWS: the same name and definition again is idempotent
      if (existing.definition().equals(definition)) {
        return existing;
      }
      throw SfnErrors.stateMachineAlreadyExists(arn);
    }
    StateMachineDescription machine =
        new StateMachineDescription(
            arn,
            name,
            StateMachineDescription.ACTIVE,
            definition,
            roleArn,
            STANDARD,
            clock.instant(),
            null,
            null);
    machines.put(arn, machine);
    save();
    return machine;
  }

  synchronized StateMachineDescription update(String arn, String definition, String roleArn) {
    SfnNames.stateMachineName(arn);
    if (definition == null && roleArn == null) {
      throw SfnErrors.missingRequiredParameter(
          "Either the definition, the role ARN, the LoggingConfiguration, or the"
              + " TracingConfiguration must be specified");
    }
    if (roleArn != null) {
      Definitions.requireRoleArn(roleArn);
    }
    if (definition != null) {
      Definitions.validate(definition, resourceSupported);
    }
    StateMachineDescription old = active(arn);
    StateMachineDescription updated =
        new StateMachineDescription(
            old.stateMachineArn(),
            old.name(),
            old.status(),
            definition == null ? old.definition() : definition,
            roleArn == null ? old.roleArn() : roleArn,
            old.type(),
            old.creationDate(),
            clock.instant(),
            UUID.randomUUID().toString());
    machines.put(arn, updated);
    save();
    return updated;
  }

  StateMachineDescription describe(String arn) {
    SfnNames.stateMachineName(arn);
    StateMachineDescription machine = machines.get(arn);
    if (machine == null) {
      throw SfnErrors.stateMachineDoesNotExist(arn);
    }
    return machine;
  }

  /** A machine executions can be started on: it exists and is not being deleted. */
  StateMachineDescription active(String arn) {
    StateMachineDescription machine = describe(arn);
    if (machine.deleting()) {
      throw SfnErrors.stateMachineDeleting(arn);
    }
    return machine;
  }

  List<StateMachineDescription> list() {
    return machines.values().stream()
        .sorted(
            Comparator.comparing(StateMachineDescription::creationDate)
                .thenComparing(StateMachineDescription::name))
        .toList();
  }

  /** Marks a machine DELETING; false if it does not exist or already is. */
  synchronized boolean markDeleting(String arn) {
    SfnNames.stateMachineName(arn);
    StateMachineDescription machine = machines.get(arn);
    if (machine == null || machine.deleting()) {
      return false;
    }
    machines.put(arn, machine.withStatus(StateMachineDescription.DELETING));
    save();
    return true;
  }

  /** True for a machine being deleted, and for one that is gone. */
  boolean deleting(String arn) {
    StateMachineDescription machine = machines.get(arn);
    return machine == null || machine.deleting();
  }

  List<String> deletingArns() {
    return machines.values().stream()
        .filter(StateMachineDescription::deleting)
        .map(StateMachineDescription::stateMachineArn)
        .toList();
  }

  synchronized void remove(String arn) {
    machines.remove(arn);
    save();
  }

  /** Stops saving: the files now belong to whichever engine opens the folder next. */
  void close() {
    closed = true;
  }

  private void save() {
    if (!closed) {
      store.saveStateMachines(list());
    }
  }
}
