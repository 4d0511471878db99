package com.aigency.local.testfunctions;

/** A named failure a state machine retries on. */
public final class ServiceBusyException extends RuntimeException {
  public ServiceBusyException(String message) {
    super(message);
  }
}
