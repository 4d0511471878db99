package com.aigency.shared.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Kill switch, budget and run log in memory, so the runtime's rules are tested without DynamoDB. */
final class InMemoryAgentPorts implements KillSwitch, BudgetLedger, RunLog {
  final Set<String> pausedAgents = new HashSet<>();
  final List<AgentRun> runs = new ArrayList<>();
  long limitMicros;
  long usedMicros;
  long reservedMicros;
  int reservations;

  InMemoryAgentPorts(long limitMicros) {
    this.limitMicros = limitMicros;
  }

  @Override
  public Optional<AgentPause> activePause(String tenantId, String agent) {
    return pausedAgents.contains(agent)
        ? Optional.of(new AgentPause(tenantId, agent, "maintenance", Instant.EPOCH))
        : Optional.empty();
  }

  @Override
  public synchronized BudgetDecision reserve(String tenantId, long micros) {
    return extend(new BudgetReservation(tenantId, "2026-11", 0), micros);
  }

  @Override
  public synchronized BudgetDecision extend(BudgetReservation reservation, long extraMicros) {
    if (usedMicros + reservedMicros + extraMicros > limitMicros) {
      return new BudgetDecision.Exceeded(reservation.month(), extraMicros, limitMicros, usedMicros, reservedMicros);
    }
    reservations++;
    reservedMicros += extraMicros;
    return new BudgetDecision.Reserved(
        new BudgetReservation(reservation.tenantId(), reservation.month(), reservation.micros() + extraMicros));
  }

  @Override
  public synchronized void settle(BudgetReservation reservation, long actualMicros) {
    reservedMicros -= reservation.micros();
    usedMicros += actualMicros;
  }

  @Override
  public synchronized void record(AgentRun run) {
    runs.add(run);
  }
}
