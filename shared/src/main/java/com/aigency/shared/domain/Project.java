package com.aigency.shared.domain;

import java.time.Instant;

/** A tenant's marketing project; its brief is stored beside it. */
public record Project(
    String id,
    String tenantId,
    String name,
    String description,
    boolean hasBrief,
    Instant createdAt,
    Instant updatedAt) {}
