package com.aigency.shared.agents;

/** One tenant's AI budget for one UTC month ({@code yyyy-MM}), in micro-dollars. */
public record MonthlyBudget(String tenantId, String month, long limitMicros, long usedMicros, long reservedMicros) {
  public long remainingMicros() {
    return limitMicros - usedMicros - reservedMicros;
  }
}
