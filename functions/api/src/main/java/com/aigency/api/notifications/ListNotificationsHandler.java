package com.aigency.api.notifications;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.notifications.NotificationService;

/** GET /notifications: unread first, then read, newest first within each; paginated. */
public final class ListNotificationsHandler extends NotificationRoute {
  public ListNotificationsHandler() {
    this(NotificationService.fromEnvironment());
  }

  public ListNotificationsHandler(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(notifications.list(request.tenantId(), request.page()));
  }
}
