package com.aigency.local.store;

import static com.aigency.local.store.Refusals.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.domain.Ids;
import com.aigency.shared.projects.ProjectService;
import com.aigency.shared.projects.ProjectView;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.ProjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing projects page by page: newest first, complete, and confined to the caller's tenant. */
class ProjectPaginationTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();

  private final SteppingClock clock = new SteppingClock(Instant.parse("2025-11-18T09:00:00Z"), Duration.ofMinutes(1));
  private final String tenantA = Ids.newId("t", clock);
  private final String tenantB = Ids.newId("t", clock);
  private ProjectService service;



  @BeforeEach
  void emptyTable() {
    service = new ProjectService(new ProjectStore(dynamo.client, dynamo.freshTable()), clock);
  }

  private List<ProjectView> create(String tenant, int count) {
    List<ProjectView> created = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      created.add(service.create(tenant, Briefs.newProject("Project " + i)));
    }
    return created;
  }

  private Page<ProjectView> page(String tenant, int limit, String token) {
    return service.list(tenant, new PageRequest(limit, Optional.ofNullable(token)));
  }

  private static String token(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fortyFiveProjectsComeInPagesOf20And20And5NewestFirst() {
    List<ProjectView> created = create(tenantA, 45);
    create(tenantB, 3);

    Page<ProjectView> first = page(tenantA, 20, null);
    Page<ProjectView> second = page(tenantA, 20, first.nextToken());
    Page<ProjectView> third = page(tenantA, 20, second.nextToken());

    assertThat(first.items()).hasSize(20);
    assertThat(first.nextToken()).isNotNull();
    assertThat(second.items()).hasSize(20);
    assertThat(second.nextToken()).isNotNull();
    assertThat(third.items()).hasSize(5);
    assertThat(third.nextToken()).isNull();

    List<ProjectView> all = new ArrayList<>();
    all.addAll(first.items());
    all.addAll(second.items());
    all.addAll(third.items());
    List<ProjectView> newestFirst = new ArrayList<>(created);
    newestFirst.sort(Comparator.comparing(ProjectView::createdAt).reversed());
    assertThat(all).extracting(ProjectView::id).doesNotHaveDuplicates()
        .containsExactlyElementsOf(newestFirst.stream().map(ProjectView::id).toList());
    assertThat(all).extracting(ProjectView::createdAt).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void aListThatFillsItsLastPageExactlyEndsWithoutAToken() {
    create(tenantA, 40);

    Page<ProjectView> first = page(tenantA, 20, null);
    Page<ProjectView> second = page(tenantA, 20, first.nextToken());

    assertThat(second.items()).hasSize(20);
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void anEmptyListHasNoItemsAndNoToken() {
    create(tenantB, 2);

    Page<ProjectView> page = page(tenantA, 20, null);

    assertThat(page.items()).isEmpty();
    assertThat(page.nextToken()).isNull();
  }

  @Test
  void aTokenFromTenantAsListIsRefusedOnTenantBsList() {
    create(tenantA, 25);
    create(tenantB, 25);
    String tokenOfA = page(tenantA, 20, null).nextToken();

    invalid("nextToken", () -> page(tenantB, 20, tokenOfA));
  }

  @Test
  void aGarbageTokenIsRefused() {
    create(tenantA, 3);

    invalid("nextToken", () -> page(tenantA, 20, "not-a-token"));
    invalid("nextToken", () -> page(tenantA, 20, token("{}")));
  }

  @Test
  void aForgedTokenOfTheOwnPartitionWithoutSortKeyIsRefused() {
    create(tenantA, 3);

    invalid("nextToken", () -> page(tenantA, 20, token("{\"PK\":\"T#" + tenantA + "\"}")));
  }

  @Test
  void aForgedTokenOfTheOwnPartitionOutsideTheListedRangeIsRefused() {
    create(tenantA, 3);

    invalid("nextToken", () -> page(tenantA, 20, token("{\"PK\":\"T#" + tenantA + "\",\"SK\":\"TENANT\"}")));
  }
}
