package Meta;

import com.aigency.shared.workflow.StepError;

/** {@code Meta.Failed}: Meta failed in a way no retry is known to fix. */
public final class Failed extends StepError {
  public Failed(String message) {
    super(message);
  }
}
