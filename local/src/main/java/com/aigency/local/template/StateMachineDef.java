package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::StateMachine}.
 *
 * @param definitionPath DefinitionUri resolved against the template's directory
 * @param substitutions DefinitionSubstitutions as written; intrinsics are left unresolved
 * @param properties all properties (Globals.StateMachine merged)
 */
public record StateMachineDef(
    String logicalId,
    Path definitionPath,
    Map<String, JsonNode> substitutions,
    JsonNode properties) {

  public StateMachineDef {
    substitutions = Collections.unmodifiableMap(new LinkedHashMap<>(substitutions));
  }

  /** The state machine's event sources (Schedule, ScheduleV2, EventBridgeRule, CloudWatchEvent). */
  public List<EventSourceDef> events() {
    return EventSources.parse(logicalId, properties.path("Events"), EventSources.STATE_MACHINE);
  }
}
