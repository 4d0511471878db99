package com.aigency.shared.agents;

/**
 * Micro-dollars held against one tenant's budget for one month while a call runs. It names its
 * month, so a call that crosses midnight of the last day settles where it reserved.
 */
public record BudgetReservation(String tenantId, String month, long micros) {}
