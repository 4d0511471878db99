package com.aigency.local.store;

import static com.aigency.local.store.Refusals.invalid;
import static com.aigency.local.store.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Project;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.projects.ProjectService;
import com.aigency.shared.projects.ProjectView;
import com.aigency.shared.store.ProjectStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** PUT and GET of a project's brief through ProjectService, against the real table. */
class ProjectBriefTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();

  private final SteppingClock clock = new SteppingClock(Instant.parse("2025-11-18T09:00:00Z"), Duration.ofSeconds(1));
  private final String tenant = Ids.newId("t", clock);
  private String table;
  private ProjectStore store;
  private ProjectService service;
  private ProjectView project;



  @BeforeEach
  void aProjectWithoutBrief() {
    table = dynamo.freshTable();
    store = new ProjectStore(dynamo.client, table);
    service = new ProjectService(store, clock);
    project = service.create(tenant, Briefs.newProject("Corner Bakery"));
  }

  private List<Map<String, AttributeValue>> table() {
    return TestTables.scanAll(dynamo.client, table);
  }

  @Test
  void aValidBriefIsStoredAndReadBack() {
    ProjectBrief saved = service.putBrief(tenant, project.id(), Briefs.body("Weekend brunch"));

    assertThat(saved.product()).isEqualTo("Weekend brunch");
    assertThat(saved.goal()).isEqualTo(Goal.SALES);
    assertThat(saved.monthlyBudget()).isEqualTo(90_000L);
    assertThat(saved.currency()).isEqualTo("JPY");
    assertThat(saved.uniqueSellingPoint()).isNull();
    assertThat(service.brief(tenant, project.id())).isEqualTo(saved);
  }

  @Test
  void savingABriefMarksTheProject() {
    ProjectBrief saved = service.putBrief(tenant, project.id(), Briefs.body("Weekend brunch"));

    ProjectView after = service.get(tenant, project.id());
    assertThat(after.hasBrief()).isTrue();
    assertThat(after.updatedAt()).isEqualTo(saved.updatedAt()).isAfter(project.createdAt());
    assertThat(after.createdAt()).isEqualTo(project.createdAt());
  }

  @Test
  void aSecondBriefReplacesTheFirstWhole() {
    ObjectNode withUsp = Briefs.body("Weekend brunch").put("uniqueSellingPoint", "Organic flour");
    service.putBrief(tenant, project.id(), withUsp);

    ProjectBrief second = service.putBrief(tenant, project.id(), Briefs.body("Sourdough boxes"));

    assertThat(service.brief(tenant, project.id())).isEqualTo(second);
    assertThat(service.brief(tenant, project.id()).uniqueSellingPoint()).isNull();
    assertThat(table()).filteredOn(i -> i.get("SK").s().equals("BRIEF")).hasSize(1);
  }

  @Test
  void aProjectWithoutBriefAnswers404() {
    var e = refused(404, () -> service.brief(tenant, project.id()));

    assertThat(e.getMessage()).contains("no brief");
  }

  @Test
  void aBriefForAMissingProjectIs404AndNothingIsWritten() {
    String missing = Ids.newId("p", Clock.systemUTC());
    var before = table();

    refused(404, () -> service.putBrief(tenant, missing, Briefs.body("Weekend brunch")));

    assertThat(table()).isEqualTo(before);
    assertThat(store.findBrief(tenant, missing)).isEmpty();
  }

  @Test
  void aStoreSaveForAMissingProjectReturnsFalseAndWritesNothing() {
    String missing = Ids.newId("p", Clock.systemUTC());
    var before = table();

    assertThat(store.saveBrief(tenant, missing, Briefs.brief("Weekend brunch", clock.instant()))).isFalse();

    assertThat(table()).isEqualTo(before);
  }

  @Test
  void aMalformedProjectIdIs404() {
    refused(404, () -> service.putBrief(tenant, "not-an-id", Briefs.body("Weekend brunch")));
    refused(404, () -> service.get(tenant, "../../etc"));
    refused(404, () -> service.brief(tenant, ""));
  }

  @Test
  void anInvalidBodyIs400AndTheStoredBriefIsUnchanged() {
    ProjectBrief stored = service.putBrief(tenant, project.id(), Briefs.body("Weekend brunch"));
    var before = table();
    ObjectNode invalid = Briefs.body("Sourdough boxes").put("monthlyBudget", 1.5);

    invalid("monthlyBudget", () -> service.putBrief(tenant, project.id(), invalid));

    assertThat(table()).isEqualTo(before);
    assertThat(service.brief(tenant, project.id())).isEqualTo(stored);
  }

  @Test
  void anInvalidFirstBriefLeavesTheProjectWithoutBrief() {
    var before = table();
    ObjectNode invalid = Briefs.body("Weekend brunch").put("goal", "AWARENESS");

    invalid("goal", () -> service.putBrief(tenant, project.id(), invalid));

    assertThat(table()).isEqualTo(before);
    assertThat(store.find(tenant, project.id())).map(Project::hasBrief).contains(false);
  }

  @Test
  void anUnknownFieldIs400NamingItAndNothingIsWritten() {
    var before = table();
    ObjectNode withTenant = Briefs.body("Weekend brunch").put("tenantId", "t_01JD3XEXAMPKETENANT0000002");

    invalid("tenantId", () -> service.putBrief(tenant, project.id(), withTenant));

    assertThat(table()).isEqualTo(before);
  }
}
