package com.aigency.api.projects;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.projects.ProjectService;

/** GET /projects/{id}: one of the caller's projects. */
public final class GetProjectHandler extends ProjectRoute {
  public GetProjectHandler() {
    this(ProjectService.fromEnvironment());
  }

  public GetProjectHandler(ProjectService projects) {
    super(projects);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(projects.get(request.tenantId(), request.pathParameter("id")));
  }
}
