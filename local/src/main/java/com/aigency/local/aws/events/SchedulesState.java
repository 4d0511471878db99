package com.aigency.local.aws.events;

import java.util.Map;

/** What the local EventBridge saves in its data directory. */
record SchedulesState(Map<String, ScheduleState> schedules) {}
