package com.aigency.local.runtime;

import com.aigency.local.aws.events.LocalEventBridge;
import com.aigency.local.template.EventRuleSource;
import com.aigency.local.template.FunctionDef;
import com.aigency.local.template.ScheduleSource;
import com.aigency.shared.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's Schedule and EventBridgeRule events, registered with the local EventBridge: a
 * schedule fires its function on the local clock, a rule delivers matching PutEvents to it.
 */
final class EventSources {
  private static final Logger LOG = LoggerFactory.getLogger(EventSources.class);

  private EventSources() {}

  /** @return how many schedules and rules were registered */
  static int register(LocalNames names, LocalEventBridge events, FunctionHost functions) {
    int count = 0;
    for (FunctionDef function : names.template().functions()) {
      for (var source : function.events()) {
        String id = function.logicalId() + "-" + source.eventName();
        if (source instanceof ScheduleSource schedule && schedule.enabled()) {
          events.addSchedule(id, schedule.expression(), schedule.input(), event -> invoke(functions, function.logicalId(), event));
          count++;
        } else if (source instanceof EventRuleSource rule) {
          events.addRule(id, rule.pattern(), event -> invoke(functions, function.logicalId(), event));
          count++;
        }
      }
    }
    return count;
  }

  /** EventBridge invokes asynchronously: a failure is logged, never returned to the sender. */
  private static void invoke(FunctionHost functions, String logicalId, com.fasterxml.jackson.databind.JsonNode event) {
    try {
      functions.invoke(logicalId, Json.write(event));
    } catch (FunctionError e) {
      LOG.warn("{} failed on an EventBridge event: {}", logicalId, e.getMessage());
    }
  }
}
