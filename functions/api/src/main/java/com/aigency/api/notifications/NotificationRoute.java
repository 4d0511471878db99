package com.aigency.api.notifications;

import com.aigency.shared.domain.Scope;
import com.aigency.shared.http.ApiHandler;
import com.aigency.shared.notifications.NotificationService;

/** What the notification routes share: the {@code app} scope and one service per container. */
abstract class NotificationRoute extends ApiHandler {
  protected final NotificationService notifications;

  NotificationRoute(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  protected final Scope requiredScope() {
    return Scope.APP;
  }
}
