package com.aigency.local.runtime;

import com.aigency.local.aws.events.LocalEventBridge;
import com.aigency.local.stepfunctions.asl.StatesError;
import com.aigency.local.stepfunctions.engine.TaskResources;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The Task resources of the local Step Functions engine: Lambda functions hosted in this JVM, and
 * the SQS, EventBridge and DynamoDB service integrations, each answering with the result shape and
 * the error names Step Functions uses.
 */
final class LocalTaskResources implements TaskResources {
  private static final String TOKEN_SUFFIX = ".waitForTaskToken";
  private static final Set<String> INTEGRATIONS =
      Set.of(
          "arn:aws:states:::lambda:invoke",
          "arn:aws:states:::sqs:sendMessage",
          "arn:aws:states:::events:putEvents",
          "arn:aws:states:::dynamodb:putItem",
          "arn:aws:states:::dynamodb:getItem",
          "arn:aws:states:::dynamodb:updateItem",
          "arn:aws:states:::dynamodb:deleteItem");
  private static final String FUNCTION_ARN_PREFIX =
      "arn:aws:lambda:" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID + ":function:";

  private final FunctionHost functions;
  private final SqsClient sqs;
  private final LocalEventBridge events;
  private final String dynamoEndpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  LocalTaskResources(FunctionHost functions, SqsClient sqs, LocalEventBridge events, String dynamoEndpoint) {
    this.functions = functions;
    this.sqs = sqs;
    this.events = events;
    this.dynamoEndpoint = dynamoEndpoint;
  }

  @Override
  public boolean supports(String resource) {
    String base = resource.endsWith(TOKEN_SUFFIX) ? resource.substring(0, resource.length() - TOKEN_SUFFIX.length()) : resource;
    if (INTEGRATIONS.contains(base)) {
      return !base.startsWith("arn:aws:states:::dynamodb:") || base.equals(resource);
    }
    return resource.startsWith(FUNCTION_ARN_PREFIX) && functions.hosts(functionName(resource));
  }

  @Override
  public JsonNode invoke(String resource, JsonNode parameters, JsonNode context) {
    String base = resource.endsWith(TOKEN_SUFFIX) ? resource.substring(0, resource.length() - TOKEN_SUFFIX.length()) : resource;
    return switch (base) {
      case "arn:aws:states:::lambda:invoke" -> lambdaInvoke(parameters);
      case "arn:aws:states:::sqs:sendMessage" -> sendMessage(parameters);
      case "arn:aws:states:::events:putEvents" -> putEvents(parameters);
      default -> {
        if (base.startsWith("arn:aws:states:::dynamodb:")) {
          yield dynamo(base.substring("arn:aws:states:::dynamodb:".length()), parameters);
        }
        yield invokeFunction(functionName(resource), parameters);
      }
    };
  }

  /** The optimised integration: the function's output arrives under Payload, with the call's metadata. */
  private JsonNode lambdaInvoke(JsonNode parameters) {
    JsonNode name = parameters.get("FunctionName");
    if (name == null || !name.isTextual()) {
      throw new StatesError("States.Runtime", "lambda:invoke needs a FunctionName");
    }
    JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.MAPPER.createObjectNode();
    JsonNode output = invokeFunction(functionName(name.asText()), payload);
    ObjectNode result = Json.MAPPER.createObjectNode();
    result.put("ExecutedVersion", "$LATEST");
    result.set("Payload", output);
    result.put("StatusCode", 200);
    String requestId = UUID.randomUUID().toString();
    ObjectNode httpMetadata = result.putObject("SdkHttpMetadata");
    httpMetadata.put("HttpStatusCode", 200);
    httpMetadata.putObject("HttpHeaders").put("X-Amz-Executed-Version", "$LATEST").put("x-amzn-RequestId", requestId);
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    return result;
  }

  /** A function error keeps its error type as the ASL error name; the cause is Lambda's error JSON. */
  private JsonNode invokeFunction(String name, JsonNode payload) {
    if (!functions.hosts(name)) {
      throw new StatesError("Lambda.ResourceNotFoundException", "Function not found: " + FUNCTION_ARN_PREFIX + name);
    }
    try {
      return Json.read(functions.invoke(name, Json.write(payload)));
    } catch (FunctionError e) {
      ObjectNode cause = Json.MAPPER.createObjectNode();
      cause.put("errorMessage", e.getMessage());
      cause.put("errorType", e.errorType());
      cause.putArray("stackTrace");
      throw new StatesError(e.errorType(), Json.write(cause));
    }
  }

  private JsonNode sendMessage(JsonNode parameters) {
    JsonNode body = parameters.path("MessageBody");
    var request = SendMessageRequest.builder()
        .queueUrl(parameters.path("QueueUrl").asText())
        .messageBody(body.isTextual() ? body.asText() : Json.write(body));
    if (parameters.has("DelaySeconds")) {
      request.delaySeconds(parameters.get("DelaySeconds").asInt());
    }
    if (parameters.has("MessageGroupId")) {
      request.messageGroupId(parameters.get("MessageGroupId").asText());
    }
    if (parameters.has("MessageDeduplicationId")) {
      request.messageDeduplicationId(parameters.get("MessageDeduplicationId").asText());
    }
    try {
      var sent = sqs.sendMessage(request.build());
      ObjectNode result = Json.MAPPER.createObjectNode();
      result.put("MessageId", sent.messageId());
      result.put("MD5OfMessageBody", sent.md5OfMessageBody());
      return result;
    } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
      throw new StatesError("SQS." + e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
    }
  }

  private JsonNode putEvents(JsonNode parameters) {
    ObjectNode request = Json.MAPPER.createObjectNode();
    var entries = request.putArray("Entries");
    for (JsonNode entry : parameters.path("Entries")) {
      ObjectNode copy = entry.deepCopy();
      JsonNode detail = entry.get("Detail");
      if (detail != null && !detail.isTextual()) {
        copy.put("Detail", Json.write(detail));
      }
      entries.add(copy);
    }
    try {
      return events.handle("PutEvents", request);
    } catch (com.aigency.local.aws.AwsJsonException e) {
      throw new StatesError("EventBridge." + e.errorCode(), e.getMessage());
    }
  }

  /** The request and response are DynamoDB's own JSON, so the call goes to DynamoDB Local as is. */
  private JsonNode dynamo(String action, JsonNode parameters) {
    String operation = Character.toUpperCase(action.charAt(0)) + action.substring(1);
    HttpRequest request = HttpRequest.newBuilder(URI.create(dynamoEndpoint))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY + "/20260101/"
            + LocalAccount.REGION + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(parameters)))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.read(response.body());
      if (response.statusCode() >= 300) {
        String type = body.path("__type").asText("AmazonDynamoDBException");
        String code = type.substring(type.lastIndexOf('#') + 1);
        throw new StatesError("DynamoDB." + code, body.path("message").asText(body.path("Message").asText("")));
      }
      return body;
    } catch (java.io.IOException e) {
      throw new StatesError("DynamoDB.AmazonDynamoDBException", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatesError("States.Runtime", "interrupted");
    }
  }

  /** A function name, name:alias, or full ARN, as lambda:invoke accepts them. */
  static String functionName(String nameOrArn) {
    String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.indexOf(":function:") + ":function:".length()) : nameOrArn;
    int qualifier = name.indexOf(':');
    return qualifier < 0 ? name : name.substring(0, qualifier);
  }
}
