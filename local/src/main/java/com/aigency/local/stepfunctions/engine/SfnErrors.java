package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.AwsJsonException;

/** The Step Functions API errors, with the codes the SDK maps and AWS's message style. */
final class SfnErrors {

  private SfnErrors() {}

  static AwsJsonException stateMachineDoesNotExist(String arn) {
    return error("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }

  static AwsJsonException stateMachineAlreadyExists(String arn) {
    return error("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
  }

  static AwsJsonException stateMachineDeleting(String arn) {
    return error("StateMachineDeleting", "State Machine is being deleted: '" + arn + "'");
  }

  static AwsJsonException executionDoesNotExist(String arn) {
    return error("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
  }

  static AwsJsonException executionAlreadyExists(String arn) {
    return error("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }

  static AwsJsonException invalidArn(String detail) {
    return error("InvalidArn", "Invalid Arn: '" + detail + "'");
  }

  static AwsJsonException invalidName(String name) {
    return error("InvalidName", "Invalid Name: '" + name + "'");
  }

  static AwsJsonException invalidDefinition(String detail) {
    return error("InvalidDefinition", "Invalid State Machine Definition: '" + detail + "'");
  }

  static AwsJsonException invalidExecutionInput(String detail) {
    return error(
        "InvalidExecutionInput", "Invalid State Machine Execution Input: '" + detail + "'");
  }

  static AwsJsonException invalidOutput(String detail) {
    return error("InvalidOutput", "Invalid Output: '" + detail + "'");
  }

  static AwsJsonException invalidToken(String detail) {
    return error("InvalidToken", "Invalid Token: '" + detail + "'");
  }

  static AwsJsonException taskDoesNotExist() {
    return error("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'");
  }

  /** What AWS answers for a token whose task was already closed (used, failed or timed out). */
  static AwsJsonException taskTimedOut() {
    return error("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  }

  static AwsJsonException missingRequiredParameter(String message) {
    return error("MissingRequiredParameter", message);
  }

  static AwsJsonException validation(String message) {
    return AwsJsonException.validation(message);
  }

  private static AwsJsonException error(String code, String message) {
    return AwsJsonException.badRequest(code, message);
  }
}
