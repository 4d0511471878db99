package com.aigency.api.projects;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.projects.ProjectService;

/** PUT /projects/{id}/brief: replaces the project's brief after validating every field. */
public final class PutBriefHandler extends ProjectRoute {
  public PutBriefHandler() {
    this(ProjectService.fromEnvironment());
  }

  public PutBriefHandler(ProjectService projects) {
    super(projects);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(
        projects.putBrief(request.tenantId(), request.pathParameter("id"), request.jsonBody()));
  }
}
