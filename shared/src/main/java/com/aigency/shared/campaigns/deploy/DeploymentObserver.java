package com.aigency.shared.campaigns.deploy;

/**
 * Told about each object Meta created, after Meta answered with its id and before the id is
 * recorded. Production uses {@link #NONE}; tests throw from it to simulate the function dying in
 * exactly that window, which the next run must recover from by finding the object by its name.
 */
@FunctionalInterface
public interface DeploymentObserver {
  DeploymentObserver NONE = (step, key, metaId) -> {};

  /**
   * @param key the plan key ({@code campaign}, {@code s1}, {@code s1a1})
   * @param metaId the id (image hash for IMAGES) Meta answered
   */
  void created(DeployStep step, String key, String metaId);
}
