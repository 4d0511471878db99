package Deploy;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Deploy.CurrencyMismatch}: the plan budgets in another currency than the ad account spends
 * in; nothing is created. Not retried: re-plan in the account currency.
 */
public final class CurrencyMismatch extends StepError {
  public CurrencyMismatch(String message) {
    super(message);
  }
}
