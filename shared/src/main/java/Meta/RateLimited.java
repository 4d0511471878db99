package Meta;

import com.aigency.shared.workflow.StepError;

/** {@code Meta.RateLimited}: Meta throttled the call; the state machine backs off and retries. */
public final class RateLimited extends StepError {
  public RateLimited(String message) {
    super(message);
  }
}
