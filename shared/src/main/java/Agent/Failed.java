package Agent;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Agent.Failed}: The agent's model call failed for another reason (rate limit, timeout,
 * outage, rejected key) after the client's own retries; the message names the runtime's error,
 * e.g. Agent.RateLimited. A later retry may succeed.
 */
public final class Failed extends StepError {
  public Failed(String message) {
    super(message);
  }
}
