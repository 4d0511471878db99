package com.aigency.api.projects;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.projects.ProjectService;

/** GET /projects/{id}/brief: the project's brief. */
public final class GetBriefHandler extends ProjectRoute {
  public GetBriefHandler() {
    this(ProjectService.fromEnvironment());
  }

  public GetBriefHandler(ProjectService projects) {
    super(projects);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(projects.brief(request.tenantId(), request.pathParameter("id")));
  }
}
