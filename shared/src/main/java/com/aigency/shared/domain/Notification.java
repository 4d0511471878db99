package com.aigency.shared.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the owner should see (SPEC section 3): an approval waiting, an agent's update, an
 * alert such as a Meta connection needing attention, or a report. Belongs to a tenant, and to a
 * project when it is about one.
 *
 * @param link where the app should take the reader, e.g. {@code {"type":"facebookConnection",
 *     "projectId":"p_..."}}; null when there is nowhere to go
 */
public record Notification(
    String id,
    String tenantId,
    Optional<String> projectId,
    Kind kind,
    String title,
    String body,
    JsonNode link,
    boolean read,
    Instant createdAt,
    Optional<Instant> readAt) {

  public enum Kind {
    APPROVAL_NEEDED,
    AGENT_UPDATE,
    ALERT,
    REPORT
  }

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    projectId = projectId == null ? Optional.empty() : projectId;
    readAt = readAt == null ? Optional.empty() : readAt;
  }
}
