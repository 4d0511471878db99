package com.aigency.api.panel;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.panel.RightPanel;

/** GET /projects/{id}/activity: what the agents did, newest first. */
public final class ListActivityHandler extends PanelRoute {
  public ListActivityHandler() {
    this(RightPanel.fromEnvironment());
  }

  public ListActivityHandler(RightPanel panel) {
    super(panel);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(panel.activity(request.tenantId(), request.pathParameter("id"), request.page()));
  }
}
