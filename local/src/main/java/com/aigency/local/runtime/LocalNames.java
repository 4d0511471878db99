package com.aigency.local.runtime;

import com.aigency.local.meta.MetaSimulator;
import com.aigency.local.template.FunctionDef;
import com.aigency.local.template.Intrinsics;
import com.aigency.local.template.SamTemplate;
import com.aigency.local.template.TemplateResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What each template resource is called in the local stack, and the values {@code Ref} and {@code
 * GetAtt} take there. Deterministic, so the launcher can compute the functions' environment before
 * any service has started.
 */
public final class LocalNames implements Intrinsics.Resolver {
  /** Parameter values the local stack always uses, whatever the template's defaults. */
  public static final Map<String, String> PARAMETER_OVERRIDES =
      Map.of("Stage", "local", "S3ForcePathStyle", "true");

  private final SamTemplate template;
  private final LocalPorts ports;
  private final Map<String, String> parameters;

  public LocalNames(SamTemplate template, LocalPorts ports, Map<String, String> extraParameters) {
    this.template = template;
    this.ports = ports;
    this.parameters = new LinkedHashMap<>(PARAMETER_OVERRIDES);
    // the functions talk to the Meta simulator of the local stack, as its default app
    this.parameters.put("MetaGraphBaseUrl", "http://127.0.0.1:" + ports.meta());
    this.parameters.put("MetaDialogBaseUrl", "http://127.0.0.1:" + ports.meta());
    this.parameters.put("MetaAppId", MetaSimulator.DEFAULT_APP_ID);
    this.parameters.putAll(extraParameters);
  }

  /**
   * Secret values the local stack sets whatever the template says: the Meta app secret is the
   * simulator's, so code exchange and appsecret_proof work against it.
   */
  public static final Map<String, String> SECRET_OVERRIDES =
      Map.of("MetaAppSecret", "{\"appSecret\":\"" + MetaSimulator.DEFAULT_APP_SECRET + "\"}");

  public SamTemplate template() {
    return template;
  }

  public LocalPorts ports() {
    return ports;
  }

  @Override
  public JsonNode ref(String name) {
    return switch (name) {
      case "AWS::Region" -> text(LocalAccount.REGION);
      case "AWS::AccountId" -> text(LocalAccount.ACCOUNT_ID);
      case "AWS::StackName" -> text(LocalAccount.STACK_NAME);
      case "AWS::StackId" -> text(arn("cloudformation", "stack/" + LocalAccount.STACK_NAME + "/local"));
      case "AWS::Partition" -> text("aws");
      case "AWS::URLSuffix" -> text("amazonaws.com");
      default -> refOf(name);
    };
  }

  private JsonNode refOf(String name) {
    JsonNode parameter = template.parameters().get(name);
    if (parameter != null) {
      String value = parameters.get(name);
      if (value == null) {
        JsonNode fallback = parameter.get("Default");
        if (fallback == null) {
          throw new IllegalStateException("Parameter " + name + " has no Default and no local value");
        }
        return fallback;
      }
      return text(value);
    }
    TemplateResource resource = resource(name);
    return text(
        switch (resource.type()) {
          case "AWS::DynamoDB::Table" -> tableName(name);
          case "AWS::SQS::Queue" -> queueUrl(name);
          case "AWS::S3::Bucket" -> bucketName(name);
          case "AWS::KMS::Key" -> keyId(name);
          case "AWS::KMS::Alias" -> string(resolve(resource.properties().get("AliasName")));
          case "AWS::SecretsManager::Secret" -> secretName(name);
          case "AWS::Serverless::StateMachine" -> arn("states", "stateMachine:" + stateMachineName(name));
          case "AWS::Serverless::HttpApi" -> "local";
          default -> name;
        });
  }

  @Override
  public JsonNode getAtt(String logicalId, String attribute) {
    TemplateResource resource = resource(logicalId);
    String value =
        switch (resource.type() + "." + attribute) {
          case "AWS::DynamoDB::Table.Arn" -> arn("dynamodb", "table/" + tableName(logicalId));
          case "AWS::SQS::Queue.Arn" -> arn("sqs", queueName(logicalId));
          case "AWS::SQS::Queue.QueueName" -> queueName(logicalId);
          case "AWS::SQS::Queue.QueueUrl" -> queueUrl(logicalId);
          case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + bucketName(logicalId);
          case "AWS::KMS::Key.Arn" -> arn("kms", "key/" + keyId(logicalId));
          case "AWS::KMS::Key.KeyId" -> keyId(logicalId);
          case "AWS::Serverless::Function.Arn" -> arn("lambda", "function:" + logicalId);
          case "AWS::Serverless::StateMachine.Name" -> stateMachineName(logicalId);
          case "AWS::Serverless::StateMachine.Arn" -> arn("states", "stateMachine:" + stateMachineName(logicalId));
          default ->
              throw new IllegalStateException(
                  "The local stack has no value for GetAtt " + logicalId + "." + attribute + " (" + resource.type() + ")");
        };
    return text(value);
  }

  public String tableName(String logicalId) {
    return nameProperty(logicalId, "TableName", logicalId);
  }

  public String queueName(String logicalId) {
    return nameProperty(logicalId, "QueueName", logicalId);
  }

  public String queueUrl(String logicalId) {
    return "http://127.0.0.1:" + ports.sqs() + "/" + LocalAccount.ACCOUNT_ID + "/" + queueName(logicalId);
  }

  public String bucketName(String logicalId) {
    return nameProperty(logicalId, "BucketName", "aigency-local-" + logicalId.toLowerCase(Locale.ROOT));
  }

  /** A stable key id per logical id, so ciphertexts stored in a data folder stay decryptable. */
  public String keyId(String logicalId) {
    return UUID.nameUUIDFromBytes(("aigency-local/" + logicalId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Its {@code Name} when the template gives one (so an ARN can be built without a reference). */
  public String stateMachineName(String logicalId) {
    return nameProperty(logicalId, "Name", logicalId);
  }

  public String secretName(String logicalId) {
    return nameProperty(logicalId, "Name", LocalAccount.STACK_NAME + "/" + logicalId);
  }

  /** Resolves any template value (intrinsics included) as the local stack sees it. */
  public JsonNode resolve(JsonNode value) {
    return Intrinsics.resolve(value, this, template);
  }

  /**
   * The process environment the functions run with: every function's merged Environment, resolved,
   * plus the SDK settings that point the unchanged clients at the local services.
   */
  public Map<String, String> functionEnvironment(Endpoints endpoints) {
    Map<String, String> env = new LinkedHashMap<>();
    for (FunctionDef function : template.functions()) {
      function.environment().forEach((key, raw) -> {
        String value = string(resolve(raw));
        String previous = env.putIfAbsent(key, value);
        if (previous != null && !previous.equals(value)) {
          throw new IllegalStateException(
              "Environment variable " + key + " differs between functions; the local stack hosts them in one process");
        }
      });
    }
    env.put("AWS_REGION", LocalAccount.REGION);
    env.put("AWS_DEFAULT_REGION", LocalAccount.REGION);
    env.put("AWS_ACCESS_KEY_ID", LocalAccount.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", LocalAccount.SECRET_KEY);
    env.put("AWS_EMF_ENVIRONMENT", "Local");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamodb());
    env.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs());
    env.put("AWS_ENDPOINT_URL_S3", endpoints.s3());
    env.put("AWS_ENDPOINT_URL_KMS", endpoints.kms());
    env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoints.secretsmanager());
    env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoints.eventbridge());
    env.put("AWS_ENDPOINT_URL_SFN", endpoints.stepfunctions());
    return env;
  }

  private String nameProperty(String logicalId, String property, String fallback) {
    JsonNode value = resource(logicalId).properties().get(property);
    return value == null ? fallback : string(resolve(value));
  }

  private TemplateResource resource(String logicalId) {
    TemplateResource resource = template.resources().get(logicalId);
    if (resource == null) {
      throw new IllegalStateException("template.yaml declares no resource or parameter " + logicalId);
    }
    return resource;
  }

  private static String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID + ":" + resource;
  }

  private static String string(JsonNode node) {
    return node == null || node.isNull() ? "" : node.isTextual() ? node.asText() : node.toString();
  }

  private static JsonNode text(String value) {
    return TextNode.valueOf(value);
  }
}
