package Plan;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Plan.Invalid}: No valid plan: the brief cannot be planned (no goal, no website, a
 * currency Meta does not take, a budget below Meta's minimum), or the agents' output still broke
 * the planning rules after the retries with the violations. The message says which.
 */
public final class Invalid extends StepError {
  public Invalid(String message) {
    super(message);
  }
}
