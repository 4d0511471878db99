package com.aigency.local.template;

/**
 * An entry of a function's (or state machine's) Events section. Only the event types the local
 * runner can deliver are modelled; any other type makes the template fail to load, so nothing is
 * silently left unwired.
 */
public sealed interface EventSourceDef
    permits HttpApiRoute, SqsSource, ScheduleSource, EventRuleSource {

  /** The key of the event under Events. */
  String eventName();
}
