package com.aigency.api.projects;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.projects.ProjectService;

/** GET /projects: the caller's projects, newest first, paginated. */
public final class ListProjectsHandler extends ProjectRoute {
  public ListProjectsHandler() {
    this(ProjectService.fromEnvironment());
  }

  public ListProjectsHandler(ProjectService projects) {
    super(projects);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(
        projects.list(
            request.tenantId(),
            request.page()));
  }
}
