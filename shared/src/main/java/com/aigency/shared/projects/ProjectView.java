package com.aigency.shared.projects;

import com.aigency.shared.domain.Project;
import java.time.Instant;

/** A project as the API shows it. */
public record ProjectView(
    String id, String name, String description, boolean hasBrief, Instant createdAt, Instant updatedAt) {

  public static ProjectView of(Project p) {
    return new ProjectView(p.id(), p.name(), p.description(), p.hasBrief(), p.createdAt(), p.updatedAt());
  }
}
