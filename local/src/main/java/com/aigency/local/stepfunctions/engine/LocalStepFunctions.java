package com.aigency.local.stepfunctions.engine;

import static com.aigency.local.aws.AwsJson.epochSeconds;
import static com.aigency.local.aws.AwsJson.optionalInt;
import static com.aigency.local.aws.AwsJson.optionalText;
import static com.aigency.local.aws.AwsJson.requiredText;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.aws.AwsJsonService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The Step Functions API on the AWS JSON 1.0 protocol ({@code X-Amz-Target:
 * AWSStepFunctions.<Action>}), with AWS's member names and error codes, in front of a {@link
 * StepFunctionsEngine}: CreateStateMachine, UpdateStateMachine, DescribeStateMachine,
 * ListStateMachines, DeleteStateMachine, StartExecution, DescribeExecution, ListExecutions,
 * GetExecutionHistory, StopExecution, SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat.
 * Timestamps are epoch seconds, as the SDK reads them on this protocol.
 */
public final class LocalStepFunctions implements AwsJsonService {

  public static final String TARGET_PREFIX = "AWSStepFunctions";

  private final StepFunctionsEngine engine;

  public LocalStepFunctions(StepFunctionsEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public String targetPrefix() {
    return TARGET_PREFIX;
  }

  @Override
  public String jsonVersion() {
    return "1.0";
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    return switch (operation) {
      case "CreateStateMachine" -> createStateMachine(request);
      case "UpdateStateMachine" -> updateStateMachine(request);
      case "DescribeStateMachine" -> describeStateMachine(request);
      case "ListStateMachines" -> listStateMachines(request);
      case "DeleteStateMachine" -> deleteStateMachine(request);
      case "StartExecution" -> startExecution(request);
      case "DescribeExecution" -> describeExecution(request);
      case "ListExecutions" -> listExecutions(request);
      case "GetExecutionHistory" -> getExecutionHistory(request);
      case "StopExecution" -> stopExecution(request);
      case "SendTaskSuccess" -> sendTaskSuccess(request);
      case "SendTaskFailure" -> sendTaskFailure(request);
      case "SendTaskHeartbeat" -> sendTaskHeartbeat(request);
      default -> throw AwsJsonException.unknownOperation(operation);
    };
  }

  private JsonNode createStateMachine(JsonNode request) {
    refuseVersions(request);
    StateMachineDescription machine =
        engine.createStateMachine(
            requiredText(request, "name"),
            requiredText(request, "definition"),
            requiredText(request, "roleArn"),
            optionalText(request, "type").orElse(null));
    return AwsJson.object()
        .put("stateMachineArn", machine.stateMachineArn())
        .put("creationDate", epochSeconds(machine.creationDate()));
  }

  private JsonNode updateStateMachine(JsonNode request) {
    refuseVersions(request);
    StateMachineDescription machine =
        engine.updateStateMachine(
            requiredText(request, "stateMachineArn"),
            optionalText(request, "definition").orElse(null),
            optionalText(request, "roleArn").orElse(null));
    return AwsJson.object()
        .put("updateDate", epochSeconds(machine.updateDate()))
        .put("revisionId", machine.revisionId());
  }

  private JsonNode describeStateMachine(JsonNode request) {
    StateMachineDescription machine =
        engine.describeStateMachine(requiredText(request, "stateMachineArn"));
    ObjectNode response =
        AwsJson.object()
            .put("stateMachineArn", machine.stateMachineArn())
            .put("name", machine.name())
            .put("status", machine.status())
            .put("definition", machine.definition())
            .put("roleArn", machine.roleArn())
            .put("type", machine.type())
            .put("creationDate", epochSeconds(machine.creationDate()));
    response
        .putObject("loggingConfiguration")
        .put("level", "OFF")
        .put("includeExecutionData", false);
    response.putObject("tracingConfiguration").put("enabled", false);
    if (machine.revisionId() != null) {
      response.put("revisionId", machine.revisionId());
    }
    return response;
  }

  private JsonNode listStateMachines(JsonNode request) {
    List<StateMachineDescription> all = engine.listStateMachines();
    PageTokens.Page<StateMachineDescription> page =
        PageTokens.page(
            all,
            "state machines",
            optionalInt(request, "maxResults").orElse(null),
            optionalText(request, "nextToken").orElse(null));
    ObjectNode response = AwsJson.object();
    ArrayNode list = response.putArray("stateMachines");
    for (StateMachineDescription machine : page.items()) {
      list.addObject()
          .put("stateMachineArn", machine.stateMachineArn())
          .put("name", machine.name())
          .put("type", machine.type())
          .put("creationDate", epochSeconds(machine.creationDate()));
    }
    return withNextToken(response, page.nextToken());
  }

  private JsonNode deleteStateMachine(JsonNode request) {
    engine.deleteStateMachine(requiredText(request, "stateMachineArn"));
    return AwsJson.object();
  }

  private JsonNode startExecution(JsonNode request) {
    StartedExecution started =
        engine.startExecution(
            requiredText(request, "stateMachineArn"),
            optionalText(request, "name").orElse(null),
            optionalText(request, "input").orElse(null));
    return AwsJson.object()
        .put("executionArn", started.executionArn())
        .put("startDate", epochSeconds(started.startDate()));
  }

  private JsonNode describeExecution(JsonNode request) {
    ExecutionDescription execution =
        engine.describeExecution(requiredText(request, "executionArn"));
    ObjectNode response = summary(execution);
    response.put("input", execution.input());
    response.putObject("inputDetails").put("included", true);
    if (execution.output() != null) {
      response.put("output", execution.output());
      response.putObject("outputDetails").put("included", true);
    }
    if (execution.error() != null) {
      response.put("error", execution.error());
    }
    if (execution.cause() != null) {
      response.put("cause", execution.cause());
    }
    return response.put("redriveCount", 0);
  }

  private JsonNode listExecutions(JsonNode request) {
    if (optionalText(request, "mapRunArn").isPresent()) {
      throw AwsJsonException.validation(
          "The local Step Functions engine has no Distributed Map runs: mapRunArn is not"
              + " supported");
    }
    ExecutionPage page =
        engine.listExecutions(
            requiredText(request, "stateMachineArn"),
            optionalText(request, "statusFilter").orElse(null),
            optionalInt(request, "maxResults").orElse(null),
            optionalText(request, "nextToken").orElse(null));
    ObjectNode response = AwsJson.object();
    ArrayNode list = response.putArray("executions");
    page.executions().forEach(execution -> list.add(summary(execution)));
    return withNextToken(response, page.nextToken());
  }

  private JsonNode getExecutionHistory(JsonNode request) {
    boolean reverse = request.path("reverseOrder").asBoolean(false);
    boolean includeData = request.path("includeExecutionData").asBoolean(true);
    HistoryPage page =
        engine.getExecutionHistory(
            requiredText(request, "executionArn"),
            reverse,
            optionalInt(request, "maxResults").orElse(null),
            optionalText(request, "nextToken").orElse(null));
    ObjectNode response = AwsJson.object();
    ArrayNode events = response.putArray("events");
    for (HistoryEvent event : page.events()) {
      ObjectNode node =
          events
              .addObject()
              .put("timestamp", epochSeconds(event.timestamp()))
              .put("type", event.type())
              .put("id", event.id())
              .put("previousEventId", event.previousEventId());
      if (event.detailsMember() != null) {
        node.set(event.detailsMember(), details(event, includeData));
      }
    }
    return withNextToken(response, page.nextToken());
  }

  // includeExecutionData=false leaves out the data (inputs, outputs, parameters), as AWS does
  private static JsonNode details(HistoryEvent event, boolean includeData) {
    if (includeData) {
      return event.details();
    }
    ObjectNode details = event.details().deepCopy();
    details.remove(List.of("input", "inputDetails", "output", "outputDetails", "parameters"));
    return details;
  }

  private JsonNode stopExecution(JsonNode request) {
    return AwsJson.object()
        .put(
            "stopDate",
            epochSeconds(
                engine.stopExecution(
                    requiredText(request, "executionArn"),
                    optionalText(request, "error").orElse(null),
                    optionalText(request, "cause").orElse(null))));
  }

  private JsonNode sendTaskSuccess(JsonNode request) {
    engine.sendTaskSuccess(requiredText(request, "taskToken"), requiredText(request, "output"));
    return AwsJson.object();
  }

  private JsonNode sendTaskFailure(JsonNode request) {
    engine.sendTaskFailure(
        requiredText(request, "taskToken"),
        optionalText(request, "error").orElse(null),
        optionalText(request, "cause").orElse(null));
    return AwsJson.object();
  }

  private JsonNode sendTaskHeartbeat(JsonNode request) {
    engine.sendTaskHeartbeat(requiredText(request, "taskToken"));
    return AwsJson.object();
  }

  // Versions and aliases are not kept: publishing one must not seem to succeed.
  private static void refuseVersions(JsonNode request) {
    if (request.path("publish").asBoolean(false)) {
      throw AwsJsonException.validation(
          "The local Step Functions engine does not publish state machine versions");
    }
  }

  private static ObjectNode summary(ExecutionDescription execution) {
    ObjectNode node =
        AwsJson.object()
            .put("executionArn", execution.executionArn())
            .put("stateMachineArn", execution.stateMachineArn())
            .put("name", execution.name())
            .put("status", execution.status().name())
            .put("startDate", epochSeconds(execution.startDate()));
    if (execution.stopDate() != null) {
      node.put("stopDate", epochSeconds(execution.stopDate()));
    }
    return node;
  }

  private static ObjectNode withNextToken(ObjectNode response, String nextToken) {
    if (nextToken != null) {
      response.put("nextToken", nextToken);
    }
    return response;
  }
}
