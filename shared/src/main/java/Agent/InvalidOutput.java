package Agent;

import com.aigency.shared.workflow.StepError;

/**
 * {@code Agent.InvalidOutput}: The model's output still did not match the agent's JSON schema
 * after the runtime's retries with the validation errors, or was no JSON at all.
 */
public final class InvalidOutput extends StepError {
  public InvalidOutput(String message) {
    super(message);
  }
}
