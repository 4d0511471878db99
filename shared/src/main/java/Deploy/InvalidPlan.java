package Deploy;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Deploy.InvalidPlan}: the approved plan cannot be built at Meta as it is (missing link, no
 * countries, duplicate keys, an objective Aigency cannot deploy yet); nothing is created. Not
 * retried.
 */
public final class InvalidPlan extends StepError {
  public InvalidPlan(String message) {
    super(message);
  }
}
