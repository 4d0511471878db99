package com.aigency.shared.campaigns;

import com.aigency.shared.domain.Goal;

/** Meta's outcome-based campaign objectives that Aigency plans for. */
public enum Objective {
  OUTCOME_LEADS,
  OUTCOME_SALES,
  OUTCOME_TRAFFIC,
  OUTCOME_APP_PROMOTION;

  /** The objective a brief's goal calls for. */
  public static Objective forGoal(Goal goal) {
    return switch (goal) {
      case LEADS -> OUTCOME_LEADS;
      case SALES -> OUTCOME_SALES;
      case TRAFFIC -> OUTCOME_TRAFFIC;
      case APP_INSTALLS -> OUTCOME_APP_PROMOTION;
    };
  }
}
