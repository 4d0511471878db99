package com.aigency.shared.facebook;

import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.domain.Notification;
import com.aigency.shared.json.Json;
import com.aigency.shared.notifications.NewNotification;
import com.aigency.shared.notifications.NotificationService;
import com.aigency.shared.store.FacebookConnectionStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a Meta connection goes bad: its status changes and the owner is told once
 * (dedupe key per connection and state), however many steps notice it.
 */
public final class ConnectionAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionAlerts.class);

  private final FacebookConnectionStore connections;
  private final NotificationService notifications;
  private final Clock clock;

  public ConnectionAlerts(FacebookConnectionStore connections, NotificationService notifications, Clock clock) {
    this.connections = connections;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Meta said the token is invalid (error 190) or it has expired: reconnection is needed. */
  public void invalid(FacebookConnection c, String reason) {
    if (!connections.setStatus(c.tenantId(), c.projectId(), FacebookConnection.Status.INVALID, reason, clock.instant())) {
      return;
    }
    LOG.warn("Meta connection of project {} is INVALID: {}", c.projectId(), reason);
    notifications.notify(c.tenantId(), NewNotification.about(
            c.projectId(), Notification.Kind.ALERT, "Reconnect your Facebook account",
            "Meta no longer accepts Aigency's access to your ad account (" + reason + "). Campaign changes and"
                + " performance updates are paused until you connect Facebook again.",
            link(c))
        .once("fb-invalid:" + c.projectId() + ":" + c.connectedAt().toEpochMilli()));
  }

  /** The token expires soon and could not be extended: the owner should reconnect before then. */
  public void expiring(FacebookConnection c, String reason) {
    if (!connections.setStatus(c.tenantId(), c.projectId(), FacebookConnection.Status.EXPIRING, reason, clock.instant())) {
      return;
    }
    LocalDate expires = c.tokenExpiresAt().map(t -> t.atZone(ZoneOffset.UTC).toLocalDate()).orElse(null);
    LOG.info("Meta connection of project {} is EXPIRING on {}", c.projectId(), expires);
    notifications.notify(c.tenantId(), NewNotification.about(
            c.projectId(), Notification.Kind.ALERT, "Your Facebook connection expires soon",
            "Meta's access for Aigency expires on " + expires + " (UTC) and could not be extended automatically."
                + " Reconnect Facebook before then to keep campaigns managed.",
            link(c))
        .once("fb-expiring:" + c.projectId() + ":" + expires));
  }

  private static com.fasterxml.jackson.databind.JsonNode link(FacebookConnection c) {
    return Json.MAPPER.createObjectNode().put("type", "facebookConnection").put("projectId", c.projectId());
  }
}
