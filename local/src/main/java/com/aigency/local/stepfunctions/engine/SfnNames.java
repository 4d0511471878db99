package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.LocalAwsAccount;

/**
 * State machine and execution names and ARNs: {@code
 * arn:aws:states:us-east-1:000000000000:stateMachine:<name>} and {@code ...:execution:<machine
 * name>:<execution name>}.
 */
final class SfnNames {

  static final int MAX_NAME_LENGTH = 80;
  private static final String STATE_MACHINE_PREFIX = LocalAwsAccount.arn("states", "stateMachine:");
  private static final String EXECUTION_PREFIX = LocalAwsAccount.arn("states", "execution:");
  // AWS's rule for state machine, execution and activity names.
  private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  private SfnNames() {}

  static String stateMachineArn(String name) {
    return STATE_MACHINE_PREFIX + name;
  }

  static String executionArn(String stateMachineName, String executionName) {
    return EXECUTION_PREFIX + stateMachineName + ":" + executionName;
  }

  /**
   * Checks a name against AWS's rules: 1 to 80 characters, no whitespace, brackets, wildcards,
   * special characters {@code " # % \ ^ | ~ ` $ & , ; : /} or control characters.
   */
  static boolean validName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return false;
    }
    return name.codePoints()
        .noneMatch(
            c ->
                Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || FORBIDDEN.indexOf(c) >= 0
                    || c <= 0x1F
                    || (c >= 0x7F && c <= 0x9F));
  }

  /**
   * The name in a state machine ARN.
   *
   * @throws com.aigency.local.aws.AwsJsonException InvalidArn when it is not a state machine ARN
   */
  static String stateMachineName(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
    }
    String[] parts = arn.split(":", -1);
    if (parts.length < 7 || !"states".equals(parts[2]) || !"stateMachine".equals(parts[5])) {
      throw SfnErrors.invalidArn("Resource type not valid in this context: " + resourceType(parts));
    }
    if (parts.length > 7) {
      // stateMachine:name:version or an alias: this engine has neither
      throw SfnErrors.stateMachineDoesNotExist(arn);
    }
    return parts[6];
  }

  /**
   * Checks that {@code arn} has the shape of an execution ARN.
   *
   * @throws com.aigency.local.aws.AwsJsonException InvalidArn otherwise
   */
  static void requireExecutionArn(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
    }
    String[] parts = arn.split(":", -1);
    if (parts.length != 8 || !"states".equals(parts[2]) || !"execution".equals(parts[5])) {
      throw SfnErrors.invalidArn("Resource type not valid in this context: " + resourceType(parts));
    }
  }

  private static String resourceType(String[] parts) {
    return parts.length > 5 ? parts[5] : "";
  }
}
