package com.aigency.shared.campaigns.plan;

import com.aigency.shared.agents.AgentPause;
import com.aigency.shared.agents.AgentRun;
import com.aigency.shared.agents.AgentRuntime;
import com.aigency.shared.agents.BudgetDecision;
import com.aigency.shared.agents.BudgetLedger;
import com.aigency.shared.agents.BudgetReservation;
import com.aigency.shared.agents.KillSwitch;
import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.agents.PriceTable;
import com.aigency.shared.agents.RunLog;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Kill switch, budget and run log in memory, and a runtime over them. */
final class AgentPorts implements KillSwitch, BudgetLedger, RunLog {
  final Set<String> paused = new HashSet<>();
  final List<AgentRun> runs = new ArrayList<>();
  long limitMicros = 1_000_000;
  long usedMicros;
  long reservedMicros;

  AgentRuntime runtime(ModelClient model) {
    return new AgentRuntime(model, this, this, this, PriceTable.defaults(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC),
        AgentRuntime.Settings.withDefaultModel("gpt-4o-mini"));
  }

  @Override
  public Optional<AgentPause> activePause(String tenantId, String agent) {
    return paused.contains(agent) ? Optional.of(new AgentPause(tenantId, agent, "operator review", Fixtures.NOW)) : Optional.empty();
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
    reservedMicros += extraMicros;
    return new BudgetDecision.Reserved(new BudgetReservation(reservation.tenantId(), reservation.month(), reservation.micros() + extraMicros));
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
