package com.aigency.shared.meta;

/**
 * The Meta client is missing configuration a call needs (app id, app secret), or the
 * configuration is malformed. Not retryable: the deployment has to be fixed.
 */
public final class MetaConfigurationException extends IllegalStateException {
  /** The name ASL can match. */
  public static final String ERROR_NAME = "Meta.NotConfigured";

  public MetaConfigurationException(String message) {
    super(message);
  }

  public String errorName() {
    return ERROR_NAME;
  }
}
