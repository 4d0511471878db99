package com.aigency.api.notifications;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.notifications.NotificationService;

/** POST /notifications/{id}/read: marks one read (idempotent) and returns it. */
public final class MarkNotificationReadHandler extends NotificationRoute {
  public MarkNotificationReadHandler() {
    this(NotificationService.fromEnvironment());
  }

  public MarkNotificationReadHandler(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(notifications.markRead(request.tenantId(), request.pathParameter("id")));
  }
}
