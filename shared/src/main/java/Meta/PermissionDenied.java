package Meta;

import com.aigency.shared.workflow.StepError;

/** {@code Meta.PermissionDenied}: The token lacks a permission or cannot reach the object. */
public final class PermissionDenied extends StepError {
  public PermissionDenied(String message) {
    super(message);
  }
}
