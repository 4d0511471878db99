package Deploy;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Deploy.OutOfOrder}: a step ran before the step it builds on recorded its objects (e.g.
 * ADS before CREATIVES). A wiring error in the state machine, never retried.
 */
public final class OutOfOrder extends StepError {
  public OutOfOrder(String message) {
    super(message);
  }
}
