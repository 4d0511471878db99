package com.aigency.local.aws.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.Eventually;
import com.aigency.local.aws.SdkClients;
import com.aigency.local.clock.LocalClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class LocalEventBridgeTest {

  // A Monday; the base clock is fixed so that only advances move time.
  private static final Instant T0 = Instant.parse("2025-01-06T09:30:00Z");

  @TempDir Path dataDirectory;

  private LocalClock clock;
  private LocalEventBridge bridge;
  private AwsJsonServer server;
  private EventBridgeClient events;

  @BeforeEach
  void start() throws IOException {
    clock = new LocalClock(Clock.fixed(T0, ZoneOffset.UTC));
    bridge = new LocalEventBridge(clock, dataDirectory);
    server = AwsJsonServer.start(0).register(bridge);
    events = SdkClients.eventBridge(server);
  }

  @AfterEach
  void stop() {
    events.close();
    server.close();
    bridge.close();
  }

  @Test
  void putEventsReachesOnlyTheRulesWhosePatternsMatch() {
    Received orders = new Received();
    Received bigOrders = new Received();
    Received campaigns = new Received();
    Received audit = new Received();
    bridge.addRule("orders", json("{\"source\":[\"aigency.orders\"]}"), orders);
    bridge.addRule(
        "big-orders",
        json(
            "{\"source\":[\"aigency.orders\"],\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}"),
        bigOrders);
    bridge.addRule("campaigns", json("{\"source\":[\"aigency.campaigns\"]}"), campaigns);
    bridge.addRule("audit", "audit-all", json("{\"source\":[{\"prefix\":\"\"}]}"), audit);

    PutEventsResponse response =
        events.putEvents(
            r ->
                r.entries(
                    order(50),
                    order(500).toBuilder().resources("arn:aws:dynamodb:::table/orders").build()));

    assertThat(response.failedEntryCount()).isZero();
    assertThat(response.entries()).extracting(PutEventsResultEntry::eventId).doesNotContainNull();
    Eventually.await(
        "two orders and one big order", () -> orders.size() == 2 && bigOrders.size() == 1);
    bridge.close(); // waits for queued deliveries, so nothing else can still arrive
    assertThat(campaigns.events()).isEmpty();
    assertThat(audit.events()).isEmpty();

    JsonNode big = bigOrders.events().getFirst();
    assertThat(big.path("version").asText()).isEqualTo("0");
    assertThat(big.path("id").asText()).isEqualTo(response.entries().get(1).eventId());
    assertThat(big.path("detail-type").asText()).isEqualTo("Order Placed");
    assertThat(big.path("source").asText()).isEqualTo("aigency.orders");
    assertThat(big.path("account").asText()).isEqualTo("000000000000");
    assertThat(big.path("region").asText()).isEqualTo("us-east-1");
    assertThat(big.path("time").asText()).isEqualTo("2025-01-06T09:30:00Z");
    assertThat(big.path("resources").get(0).asText()).isEqualTo("arn:aws:dynamodb:::table/orders");
    assertThat(big.path("detail")).isEqualTo(json("{\"amount\":500,\"currency\":\"EUR\"}"));
  }

  @Test
  void eventBusNameAndTimeAreHonoured() {
    Received onDefault = new Received();
    Received onAudit = new Received();
    bridge.addRule("all-default", json("{\"detail-type\":[{\"exists\":true}]}"), onDefault);
    bridge.addRule("audit", "all-audit", json("{\"detail-type\":[{\"exists\":true}]}"), onAudit);

    events.putEvents(
        r ->
            r.entries(
                order(1).toBuilder()
                    .eventBusName("arn:aws:events:us-east-1:000000000000:event-bus/audit")
                    .time(Instant.parse("2024-12-31T23:59:59.750Z"))
                    .build()));

    Eventually.await("the audit event", () -> onAudit.size() == 1);
    bridge.close();
    assertThat(onDefault.events()).isEmpty();
    assertThat(onAudit.events().getFirst().path("time").asText()).isEqualTo("2024-12-31T23:59:59Z");
  }

  @Test
  void invalidEntriesFailOneByOneAsEventBridgeReportsThem() {
    PutEventsResponse response =
        events.putEvents(
            r ->
                r.entries(
                    order(1),
                    order(1).toBuilder().detail("not json").build(),
                    order(1).toBuilder().detail("[1,2]").build(),
                    order(1).toBuilder().detail("{\"a\":1} trailing").build(),
                    order(1).toBuilder().detailType(null).build(),
                    order(1).toBuilder().source("aws.ec2").build(),
                    order(1).toBuilder().eventBusName("no-such-bus").build()));

    assertThat(response.failedEntryCount()).isEqualTo(6);
    assertThat(response.entries())
        .extracting(PutEventsResultEntry::errorCode)
        .containsExactly(
            null,
            "MalformedDetail",
            "MalformedDetail",
            "MalformedDetail",
            "InvalidArgument",
            "NotAuthorizedForSourceException",
            "ResourceNotFoundException");
    assertThat(response.entries().get(1).errorMessage()).isEqualTo("Detail is malformed.");
    assertThat(response.entries().get(1).eventId()).isNull();
    assertThat(response.entries().get(0).eventId()).isNotBlank();
  }

  @Test
  void moreThanTenEntriesFailTheWholeCall() {
    List<PutEventsRequestEntry> eleven = Collections.nCopies(11, order(1));

    assertThatThrownBy(() -> events.putEvents(r -> r.entries(eleven)))
        .isInstanceOfSatisfying(
            EventBridgeException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            });
  }

  @Test
  void aFailingTargetIsLoggedNotReturnedAndOtherRulesStillReceive() {
    Received healthy = new Received();
    bridge.addRule(
        "broken",
        json("{\"source\":[\"aigency.orders\"]}"),
        event -> {
          throw new IllegalStateException("target down");
        });
    bridge.addRule("healthy", json("{\"source\":[\"aigency.orders\"]}"), healthy);

    PutEventsResponse response = events.putEvents(r -> r.entries(order(1)));

    assertThat(response.failedEntryCount()).isZero();
    Eventually.await("the healthy rule", () -> healthy.size() == 1);
  }

  @Test
  void testEventPatternUsesTheSameMatcher() {
    String event =
        "{\"id\":\"1\",\"source\":\"aigency.orders\",\"detail-type\":\"x\",\"account\":\"000000000000\","
            + "\"time\":\"2025-01-06T09:30:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"amount\":5}}";

    assertThat(
            events
                .testEventPattern(
                    r ->
                        r.event(event)
                            .eventPattern("{\"detail\":{\"amount\":[{\"numeric\":[\"<\",10]}]}}"))
                .result())
        .isTrue();
    assertThat(
            events
                .testEventPattern(r -> r.event(event).eventPattern("{\"source\":[\"other\"]}"))
                .result())
        .isFalse();
    assertThatThrownBy(
            () ->
                events.testEventPattern(r -> r.event(event).eventPattern("{\"source\":\"bare\"}")))
        .isInstanceOfSatisfying(
            EventBridgeException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidEventPatternException"));
  }

  @Test
  void invalidPatternsAndExpressionsFailWhenAdded() {
    assertThatThrownBy(
            () -> bridge.addRule("bad", json("{\"source\":\"not-an-array\"}"), event -> {}))
        .isInstanceOf(InvalidEventPatternException.class);
    assertThatThrownBy(() -> bridge.addSchedule("bad", "rate(5 minute)", null, event -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rateScheduleFiresEachMissedOccurrenceInOrderWithScheduledEvents() {
    Received fired = new Received();
    bridge.addSchedule("every-5-minutes", "rate(5 minutes)", null, fired);
    assertThat(bridge.nextFireTime("every-5-minutes")).contains(T0.plus(Duration.ofMinutes(5)));

    clock.advance(Duration.ofMinutes(12));

    Eventually.await("two occurrences", () -> fired.size() >= 2);
    assertThat(bridge.nextFireTime("every-5-minutes")).contains(T0.plus(Duration.ofMinutes(15)));
    bridge.close();
    assertThat(fired.events())
        .extracting(event -> event.path("time").asText())
        .containsExactly("2025-01-06T09:35:00Z", "2025-01-06T09:40:00Z");
    JsonNode first = fired.events().getFirst();
    assertThat(first.path("detail-type").asText()).isEqualTo("Scheduled Event");
    assertThat(first.path("source").asText()).isEqualTo("aws.events");
    assertThat(first.path("account").asText()).isEqualTo("000000000000");
    assertThat(first.path("resources").get(0).asText())
        .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/every-5-minutes");
    assertThat(first.path("detail")).isEqualTo(json("{}"));
    assertThat(first.path("id").asText()).isNotEqualTo(fired.events().get(1).path("id").asText());
  }

  @Test
  void cronScheduleFiresOnWeekdaysOnlyAcrossAWeekendJump() {
    Received fired = new Received();
    bridge.addSchedule("weekday-noon", "cron(0 12 ? * MON-FRI *)", null, fired);
    assertThat(bridge.nextFireTime("weekday-noon")).contains(Instant.parse("2025-01-06T12:00:00Z"));

    clock.advance(Duration.ofDays(3)); // Thursday 09:30: Monday, Tuesday, Wednesday have passed
    Eventually.await("three weekday occurrences", () -> fired.size() >= 3);
    clock.advanceTo(Instant.parse("2025-01-13T13:00:00Z")); // the next Monday, after noon
    Eventually.await("six weekday occurrences", () -> fired.size() >= 6);

    assertThat(bridge.nextFireTime("weekday-noon")).contains(Instant.parse("2025-01-14T12:00:00Z"));
    bridge.close();
    assertThat(fired.events())
        .extracting(event -> event.path("time").asText())
        .containsExactly(
            "2025-01-06T12:00:00Z",
            "2025-01-07T12:00:00Z",
            "2025-01-08T12:00:00Z",
            "2025-01-09T12:00:00Z",
            "2025-01-10T12:00:00Z",
            "2025-01-13T12:00:00Z");
  }

  @Test
  void aScheduleWithInputDeliversTheInput() {
    Received fired = new Received();
    bridge.addSchedule("with-input", "rate(1 hour)", json("{\"job\":\"refresh-insights\"}"), fired);

    clock.advance(Duration.ofHours(1));

    Eventually.await("the occurrence", () -> fired.size() == 1);
    assertThat(fired.events().getFirst()).isEqualTo(json("{\"job\":\"refresh-insights\"}"));
  }

  @Test
  void nextFireTimesListsLiveSchedulesAndRemovedOnesStop() {
    bridge.addSchedule("hourly", "rate(1 hour)", null, event -> {});
    bridge.addSchedule("once-past", "at(2020-01-01T00:00:00)", null, event -> {});
    bridge.addSchedule("removed", "rate(1 day)", null, event -> {});
    assertThat(bridge.removeSchedule("removed")).isTrue();

    assertThat(bridge.nextFireTimes()).containsOnlyKeys("hourly");
    assertThat(bridge.nextFireTime("removed")).isEmpty();
  }

  @Test
  void scheduleProgressSurvivesARestartAndMissedOccurrencesFireOnStart() throws IOException {
    Path directory = dataDirectory.resolve("restart");
    LocalEventBridge first = new LocalEventBridge(clock, directory);
    Received firstFired = new Received();
    first.addSchedule("hourly", "rate(1 hour)", null, firstFired);
    clock.advance(Duration.ofMinutes(90));
    Eventually.await("the first occurrence", () -> firstFired.size() == 1);
    assertThat(first.nextFireTime("hourly")).contains(T0.plus(Duration.ofHours(2)));
    first.close();
    assertThat(Files.exists(directory.resolve("eventbridge-schedules.json"))).isTrue();

    // Restarted two hours later: 11:30 and 12:30 were missed while stopped.
    LocalClock later =
        new LocalClock(Clock.fixed(T0.plus(Duration.ofMinutes(210)), ZoneOffset.UTC));
    LocalEventBridge restarted = new LocalEventBridge(later, directory);
    try {
      Received fired = new Received();
      restarted.addSchedule("hourly", "rate(1 hour)", null, fired);
      Eventually.await("the missed occurrences", () -> fired.size() >= 2);
      assertThat(restarted.nextFireTime("hourly")).contains(T0.plus(Duration.ofHours(4)));

      restarted.addSchedule("hourly", "rate(2 hours)", null, fired);
      assertThat(restarted.nextFireTime("hourly"))
          .as("a changed expression starts afresh")
          .contains(later.instant().plus(Duration.ofHours(2)));
      restarted.close();
      assertThat(fired.events())
          .extracting(event -> event.path("time").asText())
          .containsExactly("2025-01-06T11:30:00Z", "2025-01-06T12:30:00Z");
    } finally {
      restarted.close();
    }
  }

  private static PutEventsRequestEntry order(int amount) {
    return PutEventsRequestEntry.builder()
        .source("aigency.orders")
        .detailType("Order Placed")
        .detail("{\"amount\":" + amount + ",\"currency\":\"EUR\"}")
        .build();
  }

  private static JsonNode json(String text) {
    try {
      return AwsJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** A thread-safe target that records what it receives. */
  private static final class Received implements Consumer<JsonNode> {
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(JsonNode event) {
      events.add(event);
    }

    int size() {
      return events.size();
    }

    List<JsonNode> events() {
      synchronized (events) {
        return List.copyOf(events);
      }
    }
  }
}
