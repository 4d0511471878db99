package com.aigency.local.runtime;

/** The fixed account, region and credentials of the local stack. */
public final class LocalAccount {
  public static final String ACCOUNT_ID = "000000000000";
  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY = "local";
  public static final String SECRET_KEY = "local";
  public static final String STACK_NAME = "aigency-local";

  private LocalAccount() {}
}
