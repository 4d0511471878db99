package com.aigency.local.runtime;

import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.aws.AwsJsonService;
import com.aigency.local.aws.events.LocalEventBridge;
import com.aigency.local.clock.LocalClock;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.aigency.local.stepfunctions.engine.StepFunctionsEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Controls of the local stack itself, on the same JSON protocol ({@code X-Amz-Target:
 * AigencyLocal.AdvanceClock}): tests and the demo move the local clock so a 4-hour schedule or a
 * 7-day timeout passes in milliseconds. GetClock also tells when the next workflow timer (a Wait,
 * a retry interval, a timeout) is due, so a caller can step exactly to it.
 */
final class LocalAdmin implements AwsJsonService {
  static final String TARGET_PREFIX = "AigencyLocal";

  private final LocalClock clock;
  private final LocalEventBridge events;
  private final StepFunctionsEngine workflows;

  LocalAdmin(LocalClock clock, LocalEventBridge events, StepFunctionsEngine workflows) {
    this.clock = clock;
    this.events = events;
    this.workflows = workflows;
  }

  @Override
  public String targetPrefix() {
    return TARGET_PREFIX;
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    return switch (operation) {
      case "GetClock" -> state();
      case "AdvanceClock" -> {
        long seconds = request.path("Seconds").asLong(-1);
        if (seconds < 0) {
          throw AwsJsonException.validation("Seconds must be a whole number of seconds, 0 or more");
        }
        clock.advance(Duration.ofSeconds(seconds));
        yield state();
      }
      case "AdvanceClockTo" -> {
        Instant target;
        try {
          target = Instant.parse(request.path("Time").asText());
        } catch (DateTimeParseException e) {
          throw AwsJsonException.validation("Time must be an ISO-8601 instant such as 2026-11-23T12:00:00Z");
        }
        clock.advanceTo(target);
        yield state();
      }
      default -> throw AwsJsonException.unknownOperation(operation);
    };
  }

  private ObjectNode state() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("Now", clock.instant().toString());
    out.put("OffsetSeconds", clock.offset().toSeconds());
    ObjectNode schedules = out.putObject("NextFireTimes");
    events.nextFireTimes().forEach((name, at) -> schedules.put(name, at.toString()));
    workflows.nextTimer().ifPresent(at -> out.put("NextWorkflowTimer", at.toString()));
    out.put("WorkflowsQuiescent", workflows.quiescent());
    return out;
  }
}
