package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} merged in as SAM merges it.
 *
 * @param handler the Handler as written, e.g. {@code com.x.FooHandler::handleRequest}
 * @param handlerClass the part before {@code ::}
 * @param handlerMethod the part after {@code ::}, or null when the Handler names only a class
 * @param environment merged Environment.Variables; intrinsics are left unresolved
 * @param events the function's event sources in template order
 * @param properties all merged properties
 */
public record FunctionDef(
    String logicalId,
    String handler,
    String handlerClass,
    String handlerMethod,
    String codeUri,
    Map<String, JsonNode> environment,
    List<EventSourceDef> events,
    JsonNode properties) {

  public FunctionDef {
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    events = List.copyOf(events);
  }

  /** The function's HTTP API routes, in template order. */
  public List<HttpApiRoute> httpApiRoutes() {
    return events.stream()
        .filter(HttpApiRoute.class::isInstance)
        .map(HttpApiRoute.class::cast)
        .toList();
  }
}
