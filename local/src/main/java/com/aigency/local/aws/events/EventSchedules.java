package com.aigency.local.aws.events;

import com.aigency.local.aws.JsonStateFile;
import com.aigency.local.clock.LocalClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules firing on a {@link LocalClock}. A ticker thread checks about every second and right
 * after every clock advance. When the clock has moved past several occurrences (an advance, or a
 * restart on a data directory), each missed occurrence fires once, oldest first, with its own
 * occurrence time; deliveries of one schedule run one at a time in that order.
 *
 * <p>With a data directory the instant up to which each schedule has fired is saved in {@code
 * eventbridge-schedules.json}; re-adding a schedule with the same name and expression after a
 * restart continues from there (so occurrences missed while stopped fire on start), a changed
 * expression starts afresh.
 */
final class EventSchedules implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventSchedules.class);

  private static final class Schedule {
    final String expressionText;
    final ScheduleExpression expression;
    final JsonNode input;
    final EventTarget target;
    final SerialExecutor deliveries;
    Instant next;

    Schedule(
        String expressionText,
        ScheduleExpression expression,
        JsonNode input,
        EventTarget target,
        SerialExecutor deliveries) {
      this.expressionText = expressionText;
      this.expression = expression;
      this.input = input;
      this.target = target;
      this.deliveries = deliveries;
    }
  }

  private final LocalClock clock;
  private final Executor deliveryPool;
  private final JsonStateFile<SchedulesState> stateFile;
  private final Map<String, ScheduleState> saved = new TreeMap<>();
  private final Map<String, Schedule> schedules = new LinkedHashMap<>();
  private final ScheduledExecutorService ticker;
  private final LocalClock.Subscription advanceSubscription;

  EventSchedules(LocalClock clock, Path dataDirectory, Executor deliveryPool) {
    this.clock = clock;
    this.deliveryPool = deliveryPool;
    this.stateFile =
        new JsonStateFile<>(dataDirectory, "eventbridge-schedules.json", SchedulesState.class);
    stateFile.load().ifPresent(state -> saved.putAll(state.schedules()));
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "local-eventbridge-schedules");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleWithFixedDelay(this::fireDue, 1, 1, TimeUnit.SECONDS);
    this.advanceSubscription = clock.onAdvance(this::checkSoon);
  }

  synchronized void add(
      String name, String expressionText, JsonNode input, Consumer<JsonNode> target) {
    ScheduleExpression expression = ScheduleExpression.parse(expressionText);
    ScheduleState previous = saved.get(name);
    Instant firedUpTo =
        previous != null && previous.expression().equals(expressionText)
            ? previous.firedUpTo()
            : clock.instant();
    Schedule schedule =
        new Schedule(
            expressionText,
            expression,
            input == null ? null : input.deepCopy(),
            new EventTarget("schedule " + name, target),
            new SerialExecutor(deliveryPool));
    schedule.next = expression.nextAfter(firedUpTo).orElse(null);
    schedules.put(name, schedule);
    saved.put(name, new ScheduleState(expressionText, firedUpTo));
    save();
    checkSoon();
  }

  synchronized boolean remove(String name) {
    boolean removed = schedules.remove(name) != null;
    saved.remove(name);
    save();
    return removed;
  }

  synchronized Optional<Instant> nextFireTime(String name) {
    Schedule schedule = schedules.get(name);
    return schedule == null ? Optional.empty() : Optional.ofNullable(schedule.next);
  }

  synchronized Map<String, Instant> nextFireTimes() {
    Map<String, Instant> next = new LinkedHashMap<>();
    schedules.forEach(
        (name, schedule) -> {
          if (schedule.next != null) {
            next.put(name, schedule.next);
          }
        });
    return next;
  }

  @Override
  public void close() {
    advanceSubscription.close();
    ticker.shutdownNow();
  }

  private void checkSoon() {
    try {
      ticker.execute(this::fireDue);
    } catch (RejectedExecutionException e) {
      // closed: nothing left to fire
    }
  }

  private synchronized void fireDue() {
    try {
      Instant now = clock.instant();
      boolean fired = false;
      for (Map.Entry<String, Schedule> entry : schedules.entrySet()) {
        Schedule schedule = entry.getValue();
        while (schedule.next != null && !schedule.next.isAfter(now)) {
          Instant occurrence = schedule.next;
          JsonNode event =
              schedule.input != null
                  ? schedule.input.deepCopy()
                  : EventEnvelope.scheduled(
                      UUID.randomUUID().toString(),
                      occurrence,
                      LocalEventBridge.ruleArn(LocalEventBridge.DEFAULT_BUS, entry.getKey()));
          EventTarget target = schedule.target;
          schedule.deliveries.execute(() -> target.deliver(event));
          schedule.next = schedule.expression.nextAfter(occurrence).orElse(null);
          saved.put(entry.getKey(), new ScheduleState(schedule.expressionText, occurrence));
          fired = true;
        }
      }
      if (fired) {
        save();
      }
    } catch (RuntimeException e) {
      // A throwing task would cancel the periodic check; log and keep ticking.
      LOG.error("local EventBridge schedule check failed", e);
    }
  }

  private void save() {
    stateFile.save(new SchedulesState(new TreeMap<>(saved)));
  }
}
