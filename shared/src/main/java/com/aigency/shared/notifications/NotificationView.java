package com.aigency.shared.notifications;

import com.aigency.shared.domain.Notification;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A notification as the API shows it. */
public record NotificationView(
    String id,
    String projectId,
    Notification.Kind kind,
    String title,
    String body,
    JsonNode link,
    boolean read,
    Instant createdAt,
    Instant readAt) {

  public static NotificationView of(Notification n) {
    return new NotificationView(
        n.id(), n.projectId().orElse(null), n.kind(), n.title(), n.body(), n.link(), n.read(),
        n.createdAt(), n.readAt().orElse(null));
  }
}
