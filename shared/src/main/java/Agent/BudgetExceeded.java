package Agent;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Agent.BudgetExceeded}: The tenant's monthly AI budget cannot cover the call or its retry:
 * the run was SKIPPED (or FAILED on a retry) and nothing was overspent. Retrying does not help
 * before the budget is raised or the month turns.
 */
public final class BudgetExceeded extends StepError {
  public BudgetExceeded(String message) {
    super(message);
  }
}
