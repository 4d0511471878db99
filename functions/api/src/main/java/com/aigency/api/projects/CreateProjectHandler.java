package com.aigency.api.projects;

import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import com.aigency.shared.projects.ProjectService;

/** POST /projects: creates a project in the caller's tenant. */
public final class CreateProjectHandler extends ProjectRoute {
  public CreateProjectHandler() {
    this(ProjectService.fromEnvironment());
  }

  public CreateProjectHandler(ProjectService projects) {
    super(projects);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.created(projects.create(request.tenantId(), request.jsonBody()));
  }
}
