package com.aigency.shared.notifications;

import com.aigency.shared.domain.Notification;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification about to be raised.
 *
 * @param dedupeKey when present, a second notification with the same key for the same tenant is
 *     not raised (e.g. one "token expiring" alert per connection and expiry date), so a step that
 *     runs twice does not notify twice
 */
public record NewNotification(
    Optional<String> projectId,
    Notification.Kind kind,
    String title,
    String body,
    JsonNode link,
    Optional<String> dedupeKey) {

  public NewNotification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    projectId = projectId == null ? Optional.empty() : projectId;
    dedupeKey = dedupeKey == null ? Optional.empty() : dedupeKey;
  }

  public static NewNotification about(String projectId, Notification.Kind kind, String title, String body, JsonNode link) {
    return new NewNotification(Optional.ofNullable(projectId), kind, title, body, link, Optional.empty());
  }

  public NewNotification once(String key) {
    return new NewNotification(projectId, kind, title, body, link, Optional.of(key));
  }
}
