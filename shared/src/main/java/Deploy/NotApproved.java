package Deploy;

import com.aigency.shared.workflow.StepError;

/** {@code Deploy.NotApproved}: nothing is built at Meta without an approved approval (decision 0009). */
public final class NotApproved extends StepError {
  public NotApproved(String message) {
    super(message);
  }
}
