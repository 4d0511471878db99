package com.aigency.shared.campaigns.plan;

/**
 * One broken planning rule, with where and how in words a model (or a person) can act on, e.g.
 * "s1a2: the headline has 47 characters; at most 40".
 */
public record Violation(PlanRule rule, String message) {
  @Override
  public String toString() {
    return rule + ": " + message;
  }
}
