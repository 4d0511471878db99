package Deploy;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Deploy.NotConnected}: the project has no usable Meta connection (none, INVALID, token
 * unreadable) or no ad account selected; the owner must connect Facebook and pick an ad account.
 * Not retried.
 */
public final class NotConnected extends StepError {
  public NotConnected(String message) {
    super(message);
  }
}
