package com.aigency.shared.panel;

import com.aigency.shared.domain.Artifact;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.store.ArtifactStore;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The app's right panel: a project's artifacts grouped by type, and its activity timeline. */
public final class RightPanel {
  /** How many of each type the grouped view shows; a group's nextToken pages the rest by type. */
  static final int PER_GROUP = 10;

  private final ProjectStore projects;
  private final ArtifactStore artifacts;

  public RightPanel(ProjectStore projects, ArtifactStore artifacts) {
    this.projects = projects;
    this.artifacts = artifacts;
  }

  /** One type's artifacts, newest first, with the token of the next page of that type. */
  public record Group(Artifact.Type type, List<ArtifactView> items, String nextToken) {}

  public record ArtifactView(String id, Artifact.Type type, String title, Object content, java.time.Instant createdAt) {
    static ArtifactView of(Artifact a) {
      return new ArtifactView(a.id(), a.type(), a.title(), a.content(), a.createdAt());
    }
  }

  /** Every type that has artifacts, each newest first; or, with {@code type}, one page of it. */
  public Object artifacts(String tenantId, String projectId, Optional<String> type, PageRequest page) {
    requireProject(tenantId, projectId);
    if (type.isPresent()) {
      Artifact.Type t = parse(type.get());
      return artifacts.list(tenantId, projectId, t, page).map(ArtifactView::of);
    }
    List<Group> groups = new ArrayList<>();
    for (Artifact.Type t : Artifact.Type.values()) {
      Page<Artifact> first = artifacts.list(tenantId, projectId, t, PageRequest.first(PER_GROUP));
      if (!first.items().isEmpty()) {
        groups.add(new Group(t, first.items().stream().map(ArtifactView::of).toList(), first.nextToken()));
      }
    }
    return java.util.Map.of("groups", groups);
  }

  /** What the agents did (ACTION artifacts), newest first. */
  public Page<ArtifactView> activity(String tenantId, String projectId, PageRequest page) {
    requireProject(tenantId, projectId);
    return artifacts.list(tenantId, projectId, Artifact.Type.ACTION, page).map(ArtifactView::of);
  }

  private void requireProject(String tenantId, String projectId) {
    if (!Ids.looksLike("p", projectId) || projects.find(tenantId, projectId).isEmpty()) {
      throw ApiException.notFound("Project");
    }
  }

  private static Artifact.Type parse(String type) {
    try {
      return Artifact.Type.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("type", "'type' must be one of " + java.util.Arrays.toString(Artifact.Type.values()));
    }
  }

  public static RightPanel fromEnvironment() {
    var dynamo = com.aigency.shared.aws.AwsClients.dynamoDb();
    String table = com.aigency.shared.config.AppConfig.fromEnvironment().tableName();
    return new RightPanel(new ProjectStore(dynamo, table), new ArtifactStore(dynamo, table, com.aigency.shared.aws.Blobs.fromEnvironment()));
  }
}
