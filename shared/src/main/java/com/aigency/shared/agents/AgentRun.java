package com.aigency.shared.agents;

import java.time.Instant;

/**
 * The record of one agent call, whatever its outcome. Costs are micro-dollars (1e-6 USD); tokens
 * and cost cover every attempt of the call (invalid-output retries included).
 *
 * @param projectId null for calls outside a project
 * @param error a named error ("Agent.InvalidOutput", ...) when FAILED, else null
 * @param reason a human-readable why for KILLED, SKIPPED and FAILED runs, else null
 */
public record AgentRun(
    String runId,
    String agent,
    String command,
    String tenantId,
    String projectId,
    AgentRunStatus status,
    String model,
    long inputTokens,
    long outputTokens,
    long costMicros,
    long durationMillis,
    String inputHash,
    String error,
    String reason,
    boolean offline,
    Instant createdAt) {}
