package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code Schedule} (EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler) event.
 *
 * @param expression {@code rate(...)}, {@code cron(...)} or {@code at(...)}
 * @param input the parsed JSON of Input, or null when the target gets the default payload
 * @param enabled false when {@code Enabled: false} or {@code State: DISABLED}
 */
public record ScheduleSource(String eventName, String expression, JsonNode input, boolean enabled)
    implements EventSourceDef {}
