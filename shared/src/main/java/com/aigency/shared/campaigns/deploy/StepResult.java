package com.aigency.shared.campaigns.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one step did, small enough for the execution history: no token, no copy, just counts and
 * Meta ids.
 *
 * @param created objects Meta created in this call (IMAGES: uploads, which Meta dedups by content)
 * @param reused objects already recorded, left alone
 * @param found objects not recorded but found at Meta by their deterministic name, and recorded
 * @param updated status changes made (ACTIVATE)
 * @param ids plan key -> Meta id (image hash for IMAGES) of every object of the step
 */
public record StepResult(DeployStep step, int created, int reused, int found, int updated, Map<String, String> ids) {
  public StepResult {
    ids = Map.copyOf(ids);
  }

  /** The handler's output: {@code {"step", "created", "reused", "found", "updated", "ids"}}. */
  public Map<String, Object> toOutput() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("step", step.name());
    out.put("created", created);
    out.put("reused", reused);
    out.put("found", found);
    out.put("updated", updated);
    out.put("ids", new java.util.TreeMap<>(ids));
    return out;
  }
}
