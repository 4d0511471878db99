package Agent;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Agent.Paused}: The agent is paused for this tenant (kill switch): the run was KILLED and
 * no model request was made. Retrying does not help until an operator resumes it.
 */
public final class Paused extends StepError {
  public Paused(String message) {
    super(message);
  }
}
