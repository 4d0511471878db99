package com.aigency.api.projects;

import com.aigency.shared.domain.Scope;
import com.aigency.shared.http.ApiHandler;
import com.aigency.shared.projects.ProjectService;

/** What the project routes share: the {@code app} scope and one ProjectService per container. */
abstract class ProjectRoute extends ApiHandler {
  protected final ProjectService projects;

  ProjectRoute(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  protected final Scope requiredScope() {
    return Scope.APP;
  }
}
