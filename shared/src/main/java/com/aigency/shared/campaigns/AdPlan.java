package com.aigency.shared.campaigns;

/**
 * One ad: its copy, its button, and the prompt its image is made from.
 *
 * @param key stable within the plan ({@code s1a1}): names Meta objects and keys deployment progress
 */
public record AdPlan(
    String key,
    String name,
    String headline,
    String primaryText,
    String description,
    CallToAction callToAction,
    String imagePrompt,
    String linkUrl) {}
