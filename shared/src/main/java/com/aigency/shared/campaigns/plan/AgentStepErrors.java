package com.aigency.shared.campaigns.plan;

import com.aigency.shared.agents.AgentResult;
import com.aigency.shared.agents.AgentRuntime;
import com.aigency.shared.workflow.StepError;
import java.util.Optional;

/**
 * An agent run that did not succeed, as the named step error its state machine matches (decision
 * 0009):
 *
 * <ul>
 *   <li>KILLED (kill switch) -> {@code Agent.Paused}
 *   <li>SKIPPED (monthly AI budget), or FAILED with {@code Agent.BudgetExceeded} (a retry the budget
 *       could not cover) -> {@code Agent.BudgetExceeded}
 *   <li>FAILED with {@code Agent.InvalidOutput} (schema still broken after the runtime's retries,
 *       or a reply that was no JSON at all) -> {@code Agent.InvalidOutput}
 *   <li>any other FAILED ({@code Agent.RateLimited}, {@code Agent.Timeout}, {@code
 *       Agent.ModelUnavailable}, ...) -> {@code Agent.Failed}, naming the runtime's error
 * </ul>
 */
public final class AgentStepErrors {
  private AgentStepErrors() {}

  public static StepError of(String agent, AgentResult.NotSucceeded failed) {
    String reason = Optional.ofNullable(failed.reason()).orElse("no reason recorded");
    String run = " (run " + failed.runId() + ")";
    return switch (failed.status()) {
      case KILLED -> new Agent.Paused("The " + agent + " agent is paused: " + reason + run);
      case SKIPPED -> new Agent.BudgetExceeded("The " + agent + " agent was skipped: " + reason + run);
      case FAILED -> {
        String error = Optional.ofNullable(failed.error()).orElse("Agent.Unexpected");
        if (error.equals(AgentRuntime.BUDGET_EXCEEDED)) {
          yield new Agent.BudgetExceeded("The " + agent + " agent ran out of AI budget: " + reason + run);
        }
        if (error.equals(AgentRuntime.INVALID_OUTPUT)) {
          yield new Agent.InvalidOutput("The " + agent + " agent's output was invalid: " + reason + run);
        }
        yield new Agent.Failed("The " + agent + " agent failed (" + error + "): " + reason + run);
      }
      case SUCCESS -> throw new IllegalArgumentException("a successful run is not an error");
    };
  }
}
