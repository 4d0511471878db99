package Meta;

import com.aigency.shared.workflow.StepError;

/** {@code Meta.InvalidParameter}: Meta refused the request as invalid; retrying the same request cannot help. */
public final class InvalidParameter extends StepError {
  public InvalidParameter(String message) {
    super(message);
  }
}
