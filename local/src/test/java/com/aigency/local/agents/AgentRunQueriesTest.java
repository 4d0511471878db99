package com.aigency.local.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.agents.AgentRun;
import com.aigency.shared.agents.AgentRunStatus;
import com.aigency.shared.agents.InputTokenCeiling;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs as the operator API will read them: per tenant, per agent, newest first, page by page. */
class AgentRunQueriesTest {
  private final AgentFixtures fixtures = new AgentFixtures();
  private final FixedUsageModel model = new FixedUsageModel(r -> 100, ModelRequest::maxOutputTokens);

  @Test
  void runsAreListedPerTenantNewestFirstAcrossPages() {
    List<String> ids = new ArrayList<>();
    for (String agent : List.of("copywriter", "seo", "copywriter", "seo", "copywriter")) {
      ids.add(fixtures.runtime(model).run(AgentFixtures.call("t_a", agent)).runId());
    }

    Page<AgentRun> first = fixtures.runs.list("t_a", PageRequest.first(3));
    Page<AgentRun> second = fixtures.runs.list("t_a", new PageRequest(3, Optional.of(first.nextToken())));

    assertThat(first.items()).extracting(AgentRun::runId).containsExactly(ids.get(4), ids.get(3), ids.get(2));
    assertThat(second.items()).extracting(AgentRun::runId).containsExactly(ids.get(1), ids.get(0));
    assertThat(second.nextToken()).isNull();
    AgentRun newest = first.items().get(0);
    assertThat(newest.status()).isEqualTo(AgentRunStatus.SUCCESS);
    assertThat(newest.tenantId()).isEqualTo("t_a");
    assertThat(newest.projectId()).isEqualTo("p_1");
    assertThat(newest.command()).isEqualTo("write-headline");
    assertThat(newest.model()).isEqualTo("gpt-4o-mini");
    assertThat(newest.inputTokens()).isEqualTo(100);
    assertThat(newest.outputTokens()).isEqualTo(AgentFixtures.MAX_OUTPUT_TOKENS);
    assertThat(newest.costMicros()).isEqualTo(fixtures.prices.costMicros("gpt-4o-mini", 100, 300));
    assertThat(newest.inputHash()).hasSize(64);
    assertThat(newest.durationMillis()).isPositive();
  }

  @Test
  void runsAreListedPerAgent() {
    List<String> copywriterIds = new ArrayList<>();
    for (String agent : List.of("copywriter", "seo", "copywriter", "seo", "copywriter")) {
      String id = fixtures.runtime(model).run(AgentFixtures.call("t_a", agent)).runId();
      if (agent.equals("copywriter")) {
        copywriterIds.add(0, id);
      }
    }

    Page<AgentRun> first = fixtures.runs.listByAgent("t_a", "copywriter", PageRequest.first(2));
    Page<AgentRun> rest = fixtures.runs.listByAgent("t_a", "copywriter", new PageRequest(2, Optional.of(first.nextToken())));

    assertThat(first.items()).extracting(AgentRun::runId).containsExactlyElementsOf(copywriterIds.subList(0, 2));
    assertThat(rest.items()).extracting(AgentRun::runId).containsExactly(copywriterIds.get(2));
    assertThat(fixtures.runs.listByAgent("t_a", "seo", PageRequest.first(10)).items()).hasSize(2);
  }

  @Test
  void oneTenantNeverSeesAnotherTenantsRunsNorResumesFromItsPageToken() {
    fixtures.runtime(model).run(AgentFixtures.call("t_a", "copywriter"));
    fixtures.runtime(model).run(AgentFixtures.call("t_a", "copywriter"));
    fixtures.runtime(model).run(AgentFixtures.call("t_b", "copywriter"));

    assertThat(fixtures.runs.list("t_b", PageRequest.first(10)).items())
        .singleElement()
        .extracting(AgentRun::tenantId)
        .isEqualTo("t_b");
    assertThat(fixtures.runs.listByAgent("t_b", "copywriter", PageRequest.first(10)).items()).hasSize(1);
    String tokenOfA = fixtures.runs.list("t_a", PageRequest.first(1)).nextToken();
    assertThatThrownBy(() -> fixtures.runs.list("t_b", new PageRequest(1, Optional.of(tokenOfA))))
        .isInstanceOf(ApiException.class);
    String agentTokenOfA = fixtures.runs.listByAgent("t_a", "copywriter", PageRequest.first(1)).nextToken();
    assertThatThrownBy(() -> fixtures.runs.listByAgent("t_b", "copywriter", new PageRequest(1, Optional.of(agentTokenOfA))))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void theReservationIsTheInputCeilingPlusTheFullOutputAllowance() {
    var request = AgentFixtures.call("t_a", "copywriter").request().withModel("gpt-4o-mini");
    assertThat(fixtures.worstCaseOfOneCall())
        .isEqualTo(fixtures.prices.costMicros("gpt-4o-mini", InputTokenCeiling.of(request), AgentFixtures.MAX_OUTPUT_TOKENS));
  }
}
