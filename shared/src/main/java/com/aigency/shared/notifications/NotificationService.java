package com.aigency.shared.notifications;

import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Notification;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.store.NotificationStore;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import java.time.Clock;
import java.util.Optional;

/** Raising and reading a tenant's notifications. */
public final class NotificationService {
  private final NotificationStore store;
  private final Clock clock;

  public NotificationService(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public static NotificationService fromEnvironment() {
    return new NotificationService(
        new NotificationStore(AwsClients.dynamoDb(), AppConfig.fromEnvironment().tableName()), AppClock.system());
  }

  /** Raises it; empty when its dedupe key was used before (nothing raised). */
  public Optional<Notification> notify(String tenantId, NewNotification n) {
    Notification notification = new Notification(
        Ids.newId("n", clock), tenantId, n.projectId(), n.kind(), n.title(), n.body() == null ? "" : n.body(),
        n.link(), false, clock.instant(), Optional.empty());
    return store.add(notification, n.dedupeKey()) ? Optional.of(notification) : Optional.empty();
  }

  public Page<NotificationView> list(String tenantId, PageRequest page) {
    return store.list(tenantId, page).map(NotificationView::of);
  }

  /** Idempotent; 404 for an id this tenant does not have. */
  public NotificationView markRead(String tenantId, String id) {
    if (!Ids.looksLike("n", id)) {
      throw ApiException.notFound("Notification");
    }
    return store.markRead(tenantId, id, clock.instant()).map(NotificationView::of)
        .orElseThrow(() -> ApiException.notFound("Notification"));
  }
}
