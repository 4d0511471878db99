package com.aigency.local.aws.events;

/** An event pattern EventBridge would reject; thrown when the pattern is loaded, never later. */
public final class InvalidEventPatternException extends IllegalArgumentException {

  public InvalidEventPatternException(String reason) {
    super("Event pattern is not valid. Reason: " + reason);
  }
}
