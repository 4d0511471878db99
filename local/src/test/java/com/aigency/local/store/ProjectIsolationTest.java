package com.aigency.local.store;

import static com.aigency.local.store.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Project;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.projects.ProjectService;
import com.aigency.shared.projects.ProjectView;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.ProjectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tenant B can never reach tenant A's projects or briefs, whatever id it presents. */
class ProjectIsolationTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();

  private final SteppingClock clock = new SteppingClock(Instant.parse("2025-11-18T09:00:00Z"), Duration.ofSeconds(1));
  private final String tenantA = Ids.newId("t", clock);
  private final String tenantB = Ids.newId("t", clock);
  private String table;
  private ProjectStore store;
  private ProjectService service;
  private ProjectView projectOfA;
  private ProjectBrief briefOfA;



  @BeforeEach
  void tenantAHasAProjectWithABrief() {
    table = dynamo.freshTable();
    store = new ProjectStore(dynamo.client, table);
    service = new ProjectService(store, clock);
    projectOfA = service.create(tenantA, Briefs.newProject("Corner Bakery"));
    briefOfA = Briefs.brief("Weekend brunch", clock.instant());
    assertThat(store.saveBrief(tenantA, projectOfA.id(), briefOfA)).isTrue();
  }

  private List<Map<String, AttributeValue>> table() {
    return TestTables.scanAll(dynamo.client, table);
  }

  @Test
  void theOwnerFindsItsProjectAndBrief() {
    assertThat(store.find(tenantA, projectOfA.id())).map(Project::hasBrief).contains(true);
    assertThat(store.findBrief(tenantA, projectOfA.id())).contains(briefOfA);
    assertThat(service.get(tenantA, projectOfA.id()).id()).isEqualTo(projectOfA.id());
  }

  @Test
  void anotherTenantCannotFindTheProject() {
    assertThat(store.find(tenantB, projectOfA.id())).isEmpty();
    refused(404, () -> service.get(tenantB, projectOfA.id()));
  }

  @Test
  void anotherTenantDoesNotSeeTheProjectInItsList() {
    assertThat(store.list(tenantB, PageRequest.first(100)).items()).isEmpty();
    assertThat(service.list(tenantB, PageRequest.first(100)).items()).isEmpty();
    assertThat(service.list(tenantA, PageRequest.first(100)).items()).extracting(ProjectView::id).containsExactly(projectOfA.id());
  }

  @Test
  void anotherTenantCannotReadTheBrief() {
    assertThat(store.findBrief(tenantB, projectOfA.id())).isEmpty();
    refused(404, () -> service.brief(tenantB, projectOfA.id()));
  }

  @Test
  void anotherTenantCannotSaveABriefOnTheProjectAndNothingIsWritten() {
    var before = table();

    boolean saved = store.saveBrief(tenantB, projectOfA.id(), Briefs.brief("Hijacked", clock.instant()));

    assertThat(saved).isFalse();
    assertThat(table()).isEqualTo(before);
    assertThat(table()).noneMatch(item -> item.get("PK").s().startsWith("T#" + tenantB));
    assertThat(store.findBrief(tenantA, projectOfA.id())).contains(briefOfA);
  }

  @Test
  void anotherTenantPuttingABriefThroughTheServiceGets404AndNothingIsWritten() {
    var before = table();

    refused(404, () -> service.putBrief(tenantB, projectOfA.id(), Briefs.body("Hijacked")));

    assertThat(table()).isEqualTo(before);
    assertThat(store.findBrief(tenantA, projectOfA.id())).contains(briefOfA);
  }

  @Test
  void isolationHoldsTheOtherWayRound() {
    ProjectView projectOfB = service.create(tenantB, Briefs.newProject("B's shop"));

    assertThat(store.find(tenantA, projectOfB.id())).isEmpty();
    assertThat(store.saveBrief(tenantA, projectOfB.id(), Briefs.brief("Hijacked", clock.instant()))).isFalse();
    assertThat(store.find(tenantB, projectOfB.id())).map(Project::hasBrief).contains(false);
  }
}
