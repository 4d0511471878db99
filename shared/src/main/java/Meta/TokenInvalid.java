package Meta;

import com.aigency.shared.workflow.StepError;

/** {@code Meta.TokenInvalid}: Meta no longer accepts the stored token; the owner must reconnect. */
public final class TokenInvalid extends StepError {
  public TokenInvalid(String message) {
    super(message);
  }
}
