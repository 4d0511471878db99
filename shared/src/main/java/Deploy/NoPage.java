package Deploy;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Deploy.NoPage}: the ad account has no Facebook Page it may promote, and link ads run as a
 * Page; nothing is created. Not retried.
 */
public final class NoPage extends StepError {
  public NoPage(String message) {
    super(message);
  }
}
