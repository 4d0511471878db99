package com.aigency.shared.domain;

import java.time.Instant;

/**
 * What the business is and what it wants from advertising (SPEC section 3). Money is in minor units
 * of {@code currency} (cents for EUR, yen for JPY).
 */
public record ProjectBrief(
    String businessDescription,
    String product,
    String targetAudience,
    Goal goal,
    long monthlyBudget,
    String currency,
    String location,
    String uniqueSellingPoint,
    String websiteUrl,
    Instant updatedAt) {}
