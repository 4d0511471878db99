package com.aigency.api.panel;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.panel.RightPanel;

/** GET /projects/{id}/artifacts[?type=]: grouped by type, newest first. */
public final class ListArtifactsHandler extends PanelRoute {
  public ListArtifactsHandler() {
    this(RightPanel.fromEnvironment());
  }

  public ListArtifactsHandler(RightPanel panel) {
    super(panel);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(panel.artifacts(request.tenantId(), request.pathParameter("id"), request.queryParameter("type"), request.page()));
  }
}
