package com.aigency.shared.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AgentRuntimeTest {
  static final JsonNode SCHEMA =
      Json.read(
          """
          {"type":"object","additionalProperties":false,"required":["headline"],
           "properties":{"headline":{"type":"string","minLength":3}}}""");
  static final String VALID = "{\"headline\":\"Fresh bread daily\"}";
  static final String INVALID = "{\"title\":\"x\"}";

  private final InMemoryAgentPorts ports = new InMemoryAgentPorts(1_000_000);
  private final ScriptedModel model = new ScriptedModel();

  private AgentRuntime runtime() {
    return new AgentRuntime(
        model, ports, ports, ports, PriceTable.defaults(), new StepClock(), AgentRuntime.Settings.withDefaultModel("gpt-4o-mini"));
  }

  static AgentCall call(String agent) {
    var request =
        new ModelRequest(agent, null, "You write ads.", List.of(ChatMessage.user("A bakery in Lyon")), SCHEMA, "ad", 200);
    return new AgentCall("t_1", "p_1", agent, "write-ad", request);
  }

  @Test
  void aPausedAgentMakesNoModelRequestAndIsRecordedKilled() {
    ports.pausedAgents.add("copywriter");

    AgentResult result = runtime().run(call("copywriter"));

    assertThat(model.requests).isEmpty();
    assertThat(ports.reservations).isZero();
    assertThat(result).isInstanceOf(AgentResult.NotSucceeded.class);
    assertThat(result.status()).isEqualTo(AgentRunStatus.KILLED);
    assertThat(((AgentResult.NotSucceeded) result).reason()).contains("'copywriter' is paused", "maintenance");
    assertThat(ports.runs).singleElement().satisfies(run -> {
      assertThat(run.status()).isEqualTo(AgentRunStatus.KILLED);
      assertThat(run.costMicros()).isZero();
      assertThat(run.runId()).isEqualTo(result.runId());
    });
  }

  @Test
  void aCallTheBudgetCannotCoverIsSkippedWithoutAModelRequest() {
    ports.limitMicros = 10;

    AgentResult result = runtime().run(call("copywriter"));

    assertThat(model.requests).isEmpty();
    assertThat(result.status()).isEqualTo(AgentRunStatus.SKIPPED);
    assertThat(result.run().reason()).contains("Monthly AI budget for 2026-11 would be exceeded", "only 10 of 10");
    assertThat(ports.usedMicros + ports.reservedMicros).isZero();
  }

  @Test
  void anInvalidReplyIsRetriedWithTheValidationErrorsAndTheTokensOfBothAttemptsAreCharged() {
    model.replies(INVALID, 1_000, 100).replies(VALID, 1_200, 50);

    AgentResult result = runtime().run(call("copywriter"));

    assertThat(result).isInstanceOf(AgentResult.Succeeded.class);
    assertThat(((AgentResult.Succeeded) result).output().get("headline").asText()).isEqualTo("Fresh bread daily");
    assertThat(model.requests).hasSize(2);
    ModelRequest retry = model.requests.get(1);
    assertThat(retry.messages()).hasSize(3);
    assertThat(retry.messages().get(1)).isEqualTo(ChatMessage.assistant(INVALID));
    ChatMessage feedback = retry.messages().get(2);
    assertThat(feedback.role()).isEqualTo(ChatMessage.Role.USER);
    assertThat(feedback.content()).contains("did not match the JSON schema 'ad'", "headline", "title");
    // 2,200 in x 0.15 + 150 out x 0.60 = 330 + 90 micro-dollars
    AgentRun run = result.run();
    assertThat(run.inputTokens()).isEqualTo(2_200);
    assertThat(run.outputTokens()).isEqualTo(150);
    assertThat(run.costMicros()).isEqualTo(420);
    assertThat(ports.usedMicros).isEqualTo(420);
    assertThat(ports.reservedMicros).isZero();
    assertThat(ports.reservations).isEqualTo(2);
  }

  @Test
  void anOutputStillInvalidAfterTheRetriesFailsAsInvalidOutputWithNothingToSave() {
    model.replies(INVALID, 100, 10).replies(INVALID, 100, 10).replies("{\"headline\":\"ab\"}", 100, 10);

    AgentResult result = runtime().run(call("copywriter"));

    assertThat(model.requests).hasSize(3);
    assertThat(result).isInstanceOf(AgentResult.NotSucceeded.class);
    var failed = (AgentResult.NotSucceeded) result;
    assertThat(failed.status()).isEqualTo(AgentRunStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Agent.InvalidOutput");
    assertThat(failed.reason()).contains("after 3 attempts");
    // 300 in x 0.15 = 45, 30 out x 0.60 = 18
    assertThat(failed.run().costMicros()).isEqualTo(63);
    assertThat(ports.usedMicros).isEqualTo(63);
    assertThat(ports.reservedMicros).isZero();
    assertThat(ports.runs).singleElement().extracting(AgentRun::status).isEqualTo(AgentRunStatus.FAILED);
  }

  @Test
  void aModelErrorFailsTheRunWithItsNameAndReleasesTheReservation() {
    model.fails(new ModelException("Agent.RateLimited", "429 from the model", null));

    AgentResult result = runtime().run(call("copywriter"));

    assertThat(result.status()).isEqualTo(AgentRunStatus.FAILED);
    assertThat(((AgentResult.NotSucceeded) result).error()).isEqualTo("Agent.RateLimited");
    assertThat(ports.usedMicros).isZero();
    assertThat(ports.reservedMicros).isZero();
  }

  @Test
  void theRecordedRunNamesTheDefaultModelTimesTheCallAndHashesItsInput() {
    model.replies(VALID, 10, 10).replies(VALID, 10, 10);

    AgentRun first = runtime().run(call("copywriter")).run();
    AgentRun second = runtime().run(call("copywriter")).run();

    assertThat(model.requests.get(0).model()).isEqualTo("gpt-4o-mini");
    assertThat(first.model()).isEqualTo("gpt-4o-mini");
    assertThat(first.durationMillis()).isPositive();
    assertThat(first.inputHash()).hasSize(64).isEqualTo(second.inputHash());
    assertThat(first.runId()).startsWith("ar_").isNotEqualTo(second.runId());
    assertThat(first.tenantId()).isEqualTo("t_1");
    assertThat(first.projectId()).isEqualTo("p_1");
    assertThat(first.command()).isEqualTo("write-ad");
  }

  @Test
  void theInputHashIgnoresKeyOrderButNotContent() {
    JsonNode reordered =
        Json.read(
            """
            {"properties":{"headline":{"minLength":3,"type":"string"}},"required":["headline"],
             "additionalProperties":false,"type":"object"}""");
    ModelRequest base = call("copywriter").request().withModel("gpt-4o-mini");
    ModelRequest sameSchema =
        new ModelRequest("copywriter", "gpt-4o-mini", base.systemPrompt(), base.messages(), reordered, "ad", 200);

    assertThat(RequestFingerprint.of(sameSchema)).isEqualTo(RequestFingerprint.of(base));
    assertThat(RequestFingerprint.of(base.withMessages(List.of(ChatMessage.user("A bakery in Paris")))))
        .isNotEqualTo(RequestFingerprint.of(base));
  }

  @Test
  void aRetryTheBudgetCannotCoverEndsTheRunWithoutAnotherRequest() {
    long firstWorstCase =
        PriceTable.defaults()
            .worstCaseMicros("gpt-4o-mini", InputTokenCeiling.of(call("x").request()), 200);
    ports.limitMicros = firstWorstCase;
    model.replies(INVALID, 10, 10);

    AgentResult result = runtime().run(call("copywriter"));

    assertThat(model.requests).hasSize(1);
    assertThat(((AgentResult.NotSucceeded) result).error()).isEqualTo("Agent.BudgetExceeded");
    assertThat(ports.reservedMicros).isZero();
    assertThat(ports.usedMicros).isEqualTo(PriceTable.defaults().costMicros("gpt-4o-mini", 10, 10));
  }

  @Test
  void anUnexpectedErrorStillReleasesTheBudgetAndIsRecordedBeforeItSurfaces() {
    model.fails(new ModelException("ignored", "x", null) {
      @Override
      public String errorName() {
        throw new IllegalStateException("a bug in the model client");
      }
    });

    assertThatThrownBy(() -> runtime().run(call("copywriter"))).hasMessage("a bug in the model client");
    assertThat(ports.reservedMicros).isZero();
    assertThat(ports.runs).singleElement().satisfies(run -> {
      assertThat(run.status()).isEqualTo(AgentRunStatus.FAILED);
      assertThat(run.error()).isEqualTo("Agent.Unexpected");
    });
  }

  /** Moves forward 5 ms every read. */
  static final class StepClock extends Clock {
    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli());

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.getAndAdd(Duration.ofMillis(5).toMillis()));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
