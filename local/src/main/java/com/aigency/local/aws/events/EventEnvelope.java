package com.aigency.local.aws.events;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.aws.LocalAwsAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The event as EventBridge delivers it to targets. */
final class EventEnvelope {

  private EventEnvelope() {}

  static ObjectNode of(
      String id,
      String detailType,
      String source,
      Instant time,
      List<String> resources,
      JsonNode detail) {
    ObjectNode event =
        AwsJson.object()
            .put("version", "0")
            .put("id", id)
            .put("detail-type", detailType)
            .put("source", source)
            .put("account", LocalAwsAccount.ACCOUNT_ID)
            .put("time", format(time))
            .put("region", LocalAwsAccount.REGION);
    ArrayNode resourceArray = event.putArray("resources");
    resources.forEach(resourceArray::add);
    event.set("detail", detail);
    return event;
  }

  /** What a schedule without a constant input delivers. */
  static ObjectNode scheduled(String id, Instant occurrence, String ruleArn) {
    return of(id, "Scheduled Event", "aws.events", occurrence, List.of(ruleArn), AwsJson.object());
  }

  /** EventBridge writes event times to the second: {@code 2025-01-06T12:00:00Z}. */
  static String format(Instant time) {
    return time.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
