package com.aigency.local.aws.events;

import java.time.Instant;

/**
 * What survives a restart for one schedule: its expression and the instant up to which its
 * occurrences have fired (the creation time before the first one).
 */
record ScheduleState(String expression, Instant firedUpTo) {}
