package com.aigency.shared.aws;

import com.aigency.shared.json.Json;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starting workflows and answering their task tokens, over the Step Functions API. The same code
 * drives AWS Step Functions and the local engine; only {@code AWS_ENDPOINT_URL_SFN} differs.
 */
public final class Workflows {
  private final SfnClient sfn;

  public Workflows(SfnClient sfn) {
    this.sfn = sfn;
  }

  public static Workflows fromEnvironment() {
    return new Workflows(SfnClient.builder().httpClient(AwsClients.http()).build());
  }

  /**
   * Starts an execution named {@code executionName}. Step Functions makes this idempotent: the same
   * name with the same input returns the existing execution, so a retried caller starts it once.
   *
   * @throws ExecutionAlreadyExistsException when the name was used with a different input
   */
  public String start(String stateMachineArn, String executionName, Object input) {
    return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(executionName).input(Json.write(input)))
        .executionArn();
  }

  /** Resumes the execution waiting on {@code taskToken} with {@code output} as the task's result. */
  public void completeTask(String taskToken, Object output) {
    sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(Json.write(output)));
  }

  /** Fails the task waiting on {@code taskToken} with a named error its Catch can route on. */
  public void failTask(String taskToken, String error, String cause) {
    sfn.sendTaskFailure(b -> b.taskToken(taskToken).error(error).cause(cause));
  }
}
