package com.aigency.shared.agents;

/** The answer to a reservation: held, or refused because the month's budget cannot cover it. */
public sealed interface BudgetDecision {
  record Reserved(BudgetReservation reservation) implements BudgetDecision {}

  /** Nothing was reserved; the figures are the budget as read just after the refusal. */
  record Exceeded(String month, long requestedMicros, long limitMicros, long usedMicros, long reservedMicros)
      implements BudgetDecision {
    public String reason() {
      return "Monthly AI budget for "
          + month
          + " would be exceeded: this call may cost up to "
          + requestedMicros
          + " micro-USD but only "
          + Math.max(0, limitMicros - usedMicros - reservedMicros)
          + " of "
          + limitMicros
          + " are left ("
          + usedMicros
          + " spent, "
          + reservedMicros
          + " held by calls in flight)";
    }
  }
}
