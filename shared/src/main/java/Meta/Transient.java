package Meta;

import com.aigency.shared.workflow.StepError;

/** {@code Meta.Transient}: Meta or the network failed; a later retry may succeed. */
public final class Transient extends StepError {
  public Transient(String message) {
    super(message);
  }
}
