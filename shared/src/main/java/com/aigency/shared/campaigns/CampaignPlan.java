package com.aigency.shared.campaigns;

/** A campaign as proposed to the owner: the structure, why it looks like this, and what to expect. */
public record CampaignPlan(CampaignStructure structure, String explanation, ProjectedResults projection) {}
