package com.aigency.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses an Events section into {@link EventSourceDef}s. Anything the model cannot represent
 * faithfully (an unsupported type, a value given as an intrinsic where the runner needs a literal)
 * is rejected with the owner and event named, rather than dropped.
 */
final class EventSources {

  static final Set<String> FUNCTION =
      Set.of("HttpApi", "SQS", "Schedule", "ScheduleV2", "EventBridgeRule", "CloudWatchEvent");
  static final Set<String> STATE_MACHINE =
      Set.of("Schedule", "ScheduleV2", "EventBridgeRule", "CloudWatchEvent");

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventSources() {}

  static List<EventSourceDef> parse(String ownerId, JsonNode events, Set<String> supported) {
    List<EventSourceDef> parsed = new ArrayList<>();
    if (events == null || events.isMissingNode() || events.isNull()) {
      return parsed;
    }
    if (!events.isObject()) {
      throw new TemplateException(ownerId + ": Events must be a mapping");
    }
    for (Map.Entry<String, JsonNode> entry : events.properties()) {
      String where = ownerId + " event " + entry.getKey();
      JsonNode event = entry.getValue();
      String type = Nodes.literal(event.path("Type"), where + " Type");
      if (type == null || !supported.contains(type)) {
        throw new TemplateException(
            where
                + " has Type "
                + type
                + ", which the local runner cannot deliver; supported: "
                + supported.stream().sorted().toList());
      }
      JsonNode props = event.path("Properties");
      parsed.add(
          switch (type) {
            case "HttpApi" -> httpApi(entry.getKey(), props, where);
            case "SQS" -> sqs(entry.getKey(), props, where);
            case "Schedule" -> schedule(entry.getKey(), props, "Schedule", where);
            case "ScheduleV2" -> schedule(entry.getKey(), props, "ScheduleExpression", where);
            default -> rule(entry.getKey(), props, where);
          });
    }
    return parsed;
  }

  private static HttpApiRoute httpApi(String name, JsonNode props, String where) {
    String apiId = null;
    JsonNode apiNode = props.path("ApiId");
    if (!apiNode.isMissingNode()) {
      apiId = Nodes.refTarget(apiNode);
      if (apiId == null) {
        throw new TemplateException(where + ": ApiId must be !Ref <HttpApi>, found " + apiNode);
      }
    }
    String path = Nodes.literal(props.path("Path"), where + " Path");
    String method = Nodes.literal(props.path("Method"), where + " Method");
    if (path == null && method == null) {
      // SAM's catch-all: the $default route of the API.
      path = "$default";
      method = "ANY";
    } else if (path == null || method == null) {
      throw new TemplateException(where + ": give both Path and Method, or neither ($default)");
    } else if (!path.startsWith("/")) {
      throw new TemplateException(where + ": Path must start with '/', found " + path);
    }
    method = method.toUpperCase(Locale.ROOT);
    if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) {
      method = "ANY";
    }
    String format =
        Nodes.literal(props.path("PayloadFormatVersion"), where + " PayloadFormatVersion");
    if (format != null && !format.equals("2.0")) {
      throw new TemplateException(
          where + ": PayloadFormatVersion " + format + " is not supported; routes use 2.0");
    }
    String authorizer = Nodes.literal(props.path("Auth").path("Authorizer"), where + " Authorizer");
    return new HttpApiRoute(name, method, path, apiId, "NONE".equals(authorizer));
  }

  private static SqsSource sqs(String name, JsonNode props, String where) {
    List<String> queue = Nodes.getAttTarget(props.path("Queue"));
    if (queue == null || !queue.get(1).equals("Arn")) {
      throw new TemplateException(
          where
              + ": Queue must be !GetAtt <Queue>.Arn of a queue in this template, found "
              + props.path("Queue"));
    }
    String batch = Nodes.literal(props.path("BatchSize"), where + " BatchSize");
    int batchSize;
    try {
      batchSize = batch == null ? 10 : Integer.parseInt(batch);
    } catch (NumberFormatException e) {
      throw new TemplateException(where + ": BatchSize must be an integer, found " + batch, e);
    }
    boolean report =
        Nodes.stringList(props.path("FunctionResponseTypes"), where + " FunctionResponseTypes")
            .contains("ReportBatchItemFailures");
    return new SqsSource(name, queue.get(0), batchSize, report);
  }

  private static ScheduleSource schedule(
      String name, JsonNode props, String expressionKey, String where) {
    String expression = Nodes.literal(props.path(expressionKey), where + " " + expressionKey);
    if (expression == null) {
      throw new TemplateException(where + ": " + expressionKey + " is required");
    }
    JsonNode input = null;
    JsonNode inputNode = props.path("Input");
    if (!inputNode.isMissingNode()) {
      if (!inputNode.isTextual()) {
        throw new TemplateException(where + ": Input must be a literal JSON string");
      }
      try {
        input = JSON.readTree(inputNode.asText());
      } catch (JsonProcessingException e) {
        throw new TemplateException(where + ": Input is not valid JSON: " + e.getMessage(), e);
      }
    }
    String enabled = Nodes.literal(props.path("Enabled"), where + " Enabled");
    String state = Nodes.literal(props.path("State"), where + " State");
    boolean on = !"false".equalsIgnoreCase(enabled) && !"DISABLED".equalsIgnoreCase(state);
    return new ScheduleSource(name, expression, input, on);
  }

  private static EventRuleSource rule(String name, JsonNode props, String where) {
    JsonNode pattern = props.path("Pattern");
    if (!pattern.isObject()) {
      throw new TemplateException(where + ": Pattern must be a mapping");
    }
    return new EventRuleSource(name, pattern.deepCopy());
  }
}
