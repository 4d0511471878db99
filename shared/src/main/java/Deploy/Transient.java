package Deploy;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Deploy.Transient}: an AWS dependency of the step (KMS opening the token) failed for a
 * reason that may pass; retry with backoff like {@code Meta.Transient}.
 */
public final class Transient extends StepError {
  public Transient(String message) {
    super(message);
  }
}
