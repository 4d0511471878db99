package com.aigency.local.runtime;

import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.aws.AwsJsonService;
import com.aigency.local.aws.events.LocalEventBridge;
import com.aigency.local.clock.LocalClock;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * Controls of the local stack itself, on the same JSON protocol ({@code X-Amz-Target:
 * AigencyLocal.AdvanceClock}): tests and the demo move the local clock so a 4-hour schedule or a
 * 7-day timeout passes in milliseconds.
 */
final class LocalAdmin implements AwsJsonService {
  static final String TARGET_PREFIX = "AigencyLocal";

  private final LocalClock clock;
  private final LocalEventBridge events;

  LocalAdmin(LocalClock clock, LocalEventBridge events) {
    this.clock = clock;
    this.events = events;
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
      default -> throw AwsJsonException.unknownOperation(operation);
    };
  }

  private ObjectNode state() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("Now", clock.instant().toString());
    out.put("OffsetSeconds", clock.offset().toSeconds());
    ObjectNode schedules = out.putObject("NextFireTimes");
    events.nextFireTimes().forEach((name, at) -> schedules.put(name, at.toString()));
    return out;
  }
}
