package com.aigency.shared.agents;

/** What the runtime needs of budgets; {@link BudgetStore} is the DynamoDB implementation. */
public interface BudgetLedger {
  /** Holds {@code micros} against this month's budget, or refuses without holding anything. */
  BudgetDecision reserve(String tenantId, long micros);

  /** Holds {@code extraMicros} more under an existing reservation (a retry's worst case). */
  BudgetDecision extend(BudgetReservation reservation, long extraMicros);

  /** Releases the reservation and charges {@code actualMicros} (0 when nothing was spent). */
  void settle(BudgetReservation reservation, long actualMicros);
}
