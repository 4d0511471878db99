package Launch;

import com.aigency.shared.workflow.StepError;

/** {@code Launch.Conflict}: the campaign is not in the state this step needs (decision 0009). */
public final class Conflict extends StepError {
  public Conflict(String message) {
    super(message);
  }
}
