package com.aigency.local.aws;

/** The one account and region the local services pretend to live in. */
public final class LocalAwsAccount {

  public static final String ACCOUNT_ID = "000000000000";
  public static final String REGION = "us-east-1";

  private LocalAwsAccount() {}

  /** {@code arn:aws:<service>:us-east-1:000000000000:<resource>}. */
  public static String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT_ID + ":" + resource;
  }
}
