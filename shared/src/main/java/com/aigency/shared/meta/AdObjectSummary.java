package com.aigency.shared.meta;

/**
 * A campaign, ad set or ad as listed under its ad account.
 *
 * @param status the configured status ({@code ACTIVE}, {@code PAUSED}, ...)
 * @param effectiveStatus what Meta delivers, e.g. {@code CAMPAIGN_PAUSED} for an active ad set of a
 *     paused campaign
 * @param dailyBudget null when the object has none (ads; ad sets under a campaign budget)
 * @param campaignId null for campaigns
 * @param adSetId set for ads only
 */
public record AdObjectSummary(
    AdObjectType type,
    String id,
    String name,
    String status,
    String effectiveStatus,
    Money dailyBudget,
    String campaignId,
    String adSetId) {}
