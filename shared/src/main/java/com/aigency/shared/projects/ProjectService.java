package com.aigency.shared.projects;

import com.aigency.shared.config.AppClock;
import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Project;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.ProjectStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;

/** The project and brief use cases of the HTTP API, always within one tenant. */
public final class ProjectService {
  private final ProjectStore store;
  private final Clock clock;

  public ProjectService(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Built once per Lambda container, from the environment template.yaml sets. */
  public static ProjectService fromEnvironment() {
    AppConfig config = AppConfig.fromEnvironment();
    return new ProjectService(
        new ProjectStore(AwsClients.dynamoDb(), config.tableName()), AppClock.system());
  }

  public ProjectView create(String tenantId, JsonNode body) {
    NewProject input = NewProject.from(body);
    var now = clock.instant();
    Project project =
        new Project(
            Ids.newId("p", clock), tenantId, input.name(), input.description().orElse(null), false, now, now);
    store.create(project);
    return ProjectView.of(project);
  }

  public Page<ProjectView> list(String tenantId, PageRequest page) {
    return store.list(tenantId, page).map(ProjectView::of);
  }

  public ProjectView get(String tenantId, String projectId) {
    return ProjectView.of(project(tenantId, projectId));
  }

  public ProjectBrief brief(String tenantId, String projectId) {
    project(tenantId, projectId);
    return store
        .findBrief(tenantId, projectId)
        .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "This project has no brief yet", null));
  }

  /** Validates the whole body before writing anything; a bad body leaves the stored brief as it was. */
  public ProjectBrief putBrief(String tenantId, String projectId, JsonNode body) {
    requireProjectIdShape(projectId);
    ProjectBrief brief = BriefInput.from(body, clock.instant());
    if (!store.saveBrief(tenantId, projectId, brief)) {
      throw ApiException.notFound("Project");
    }
    return brief;
  }

  private Project project(String tenantId, String projectId) {
    requireProjectIdShape(projectId);
    return store.find(tenantId, projectId).orElseThrow(() -> ApiException.notFound("Project"));
  }

  /** A malformed id cannot name a project: answer as for any unknown one. */
  private static void requireProjectIdShape(String projectId) {
    if (!Ids.looksLike("p", projectId)) {
      throw ApiException.notFound("Project");
    }
  }
}
