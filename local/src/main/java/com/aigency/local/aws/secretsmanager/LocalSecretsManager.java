package com.aigency.local.aws.secretsmanager;

import static com.aigency.local.aws.AwsJson.base64;
import static com.aigency.local.aws.AwsJson.epochSeconds;
import static com.aigency.local.aws.AwsJson.optionalBlob;
import static com.aigency.local.aws.AwsJson.optionalText;
import static com.aigency.local.aws.AwsJson.requiredText;

import com.aigency.local.aws.AwsJson;
import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.aws.AwsJsonService;
import com.aigency.local.aws.JsonStateFile;
import com.aigency.local.aws.LocalAwsAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Secrets Manager subset the project uses: CreateSecret, GetSecretValue, PutSecretValue,
 * DescribeSecret, with versions and the AWSCURRENT/AWSPREVIOUS staging labels. A SecretId is a name
 * or the full ARN ({@code arn:aws:secretsmanager:us-east-1:000000000000:secret:<name>-<6 random
 * characters>}).
 *
 * <p>With a data directory, secrets and their versions are saved to {@code secretsmanager.json} on
 * every change and loaded at construction.
 */
public final class LocalSecretsManager implements AwsJsonService {

  public static final String TARGET_PREFIX = "secretsmanager";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
  private static final String SUFFIX_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Clock clock;
  private final JsonStateFile<SecretsState> stateFile;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Secret> secrets = new LinkedHashMap<>();

  /**
   * @param clock for creation and change dates
   * @param dataDirectory where {@code secretsmanager.json} lives; null keeps everything in memory
   */
  public LocalSecretsManager(Clock clock, Path dataDirectory) {
    this.clock = clock;
    this.stateFile = new JsonStateFile<>(dataDirectory, "secretsmanager.json", SecretsState.class);
    stateFile.load().ifPresent(state -> state.secrets().forEach(s -> secrets.put(s.name(), s)));
  }

  @Override
  public String targetPrefix() {
    return TARGET_PREFIX;
  }

  /**
   * Creates a secret with a string value.
   *
   * @return the secret's ARN
   * @throws AwsJsonException ResourceExistsException if the name is taken
   */
  public synchronized String createSecret(String name, String secretString) {
    return create(name, null, null, List.of(), secretString, null, UUID.randomUUID().toString())
        .arn();
  }

  /**
   * Makes {@code secretString} the current value of secret {@code name}: creates the secret, or
   * puts a new version when the current value differs (what a runner calls at every start).
   *
   * @return the secret's ARN
   */
  public synchronized String upsertSecretString(String name, String secretString) {
    Secret secret = secrets.get(name);
    if (secret == null) {
      return createSecret(name, secretString);
    }
    boolean same =
        secret
            .versionWithStage(Secret.CURRENT)
            .filter(current -> current.sameValue(secretString, null))
            .isPresent();
    if (!same) {
      putValue(secret, secretString, null, UUID.randomUUID().toString(), List.of(Secret.CURRENT));
    }
    return secret.arn();
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    return switch (operation) {
      case "CreateSecret" -> createSecret(request);
      case "GetSecretValue" -> getSecretValue(request);
      case "PutSecretValue" -> putSecretValue(request);
      case "DescribeSecret" -> describeSecret(request);
      default -> throw AwsJsonException.unknownOperation(operation);
    };
  }

  private synchronized JsonNode createSecret(JsonNode request) {
    String name = requiredText(request, "Name");
    String string = optionalText(request, "SecretString").orElse(null);
    byte[] binary = optionalBlob(request, "SecretBinary").orElse(null);
    checkOneValue(string, binary);
    Secret secret =
        create(
            name,
            optionalText(request, "Description").orElse(null),
            optionalText(request, "KmsKeyId").orElse(null),
            tags(request),
            string,
            binary,
            versionId(request));
    ObjectNode response = AwsJson.object().put("ARN", secret.arn()).put("Name", secret.name());
    secret
        .versionWithStage(Secret.CURRENT)
        .ifPresent(v -> response.put("VersionId", v.versionId()));
    return response;
  }

  private synchronized JsonNode getSecretValue(JsonNode request) {
    Secret secret = find(requiredText(request, "SecretId"));
    String versionId = optionalText(request, "VersionId").orElse(null);
    String stage = optionalText(request, "VersionStage").orElse(null);
    SecretVersion version =
        (versionId != null ? secret.version(versionId) : secret.versionWithStage(stageOr(stage)))
            .filter(v -> stage == null || v.hasStage(stage))
            .orElseThrow(() -> versionNotFound(versionId, stage));
    ObjectNode response =
        AwsJson.object()
            .put("ARN", secret.arn())
            .put("Name", secret.name())
            .put("VersionId", version.versionId());
    if (version.secretString() != null) {
      response.put("SecretString", version.secretString());
    } else {
      response.put("SecretBinary", base64(version.secretBinary()));
    }
    version.stages().forEach(response.putArray("VersionStages")::add);
    return response.put("CreatedDate", epochSeconds(version.createdAt()));
  }

  private synchronized JsonNode putSecretValue(JsonNode request) {
    Secret secret = find(requiredText(request, "SecretId"));
    String string = optionalText(request, "SecretString").orElse(null);
    byte[] binary = optionalBlob(request, "SecretBinary").orElse(null);
    checkOneValue(string, binary);
    if (string == null && binary == null) {
      throw AwsJsonException.badRequest(
          "InvalidRequestException", "You must provide either SecretString or SecretBinary.");
    }
    List<String> stages = new ArrayList<>();
    JsonNode stagesNode = request.get("VersionStages");
    if (stagesNode != null && stagesNode.isArray()) {
      stagesNode.forEach(stage -> stages.add(stage.asText()));
    }
    if (stages.isEmpty()) {
      stages.add(Secret.CURRENT);
    }
    SecretVersion version = putValue(secret, string, binary, versionId(request), stages);
    ObjectNode response =
        AwsJson.object()
            .put("ARN", secret.arn())
            .put("Name", secret.name())
            .put("VersionId", version.versionId());
    version.stages().forEach(response.putArray("VersionStages")::add);
    return response;
  }

  private synchronized JsonNode describeSecret(JsonNode request) {
    Secret secret = find(requiredText(request, "SecretId"));
    ObjectNode response =
        AwsJson.object()
            .put("ARN", secret.arn())
            .put("Name", secret.name())
            .put("CreatedDate", epochSeconds(secret.createdAt()))
            .put("LastChangedDate", epochSeconds(secret.lastChangedAt()));
    if (secret.description() != null) {
      response.put("Description", secret.description());
    }
    if (secret.kmsKeyId() != null) {
      response.put("KmsKeyId", secret.kmsKeyId());
    }
    ObjectNode stages = response.putObject("VersionIdsToStages");
    for (SecretVersion version : secret.versions()) {
      ArrayNode labels = stages.putArray(version.versionId());
      version.stages().forEach(labels::add);
    }
    if (!secret.tags().isEmpty()) {
      ArrayNode tags = response.putArray("Tags");
      secret
          .tags()
          .forEach(tag -> tags.addObject().put("Key", tag.key()).put("Value", tag.value()));
    }
    return response;
  }

  private Secret create(
      String name,
      String description,
      String kmsKeyId,
      List<SecretTag> tags,
      String string,
      byte[] binary,
      String versionId) {
    if (!NAME.matcher(name).matches()) {
      throw AwsJsonException.validation(
          "Invalid name. Must be a valid name containing alphanumeric characters, or any of the"
              + " following: -/_+=.@!");
    }
    if (secrets.containsKey(name)) {
      throw AwsJsonException.badRequest(
          "ResourceExistsException",
          "The operation failed because the secret " + name + " already exists.");
    }
    String arn = LocalAwsAccount.arn("secretsmanager", "secret:" + name + "-" + randomSuffix());
    List<SecretVersion> versions = new ArrayList<>();
    if (string != null || binary != null) {
      versions.add(
          new SecretVersion(versionId, string, binary, clock.instant(), List.of(Secret.CURRENT)));
    }
    Secret secret =
        new Secret(
            name, arn, description, kmsKeyId, tags, clock.instant(), clock.instant(), versions);
    secrets.put(name, secret);
    save();
    return secret;
  }

  private SecretVersion putValue(
      Secret secret, String string, byte[] binary, String versionId, List<String> stages) {
    var existing = secret.version(versionId);
    if (existing.isPresent()) {
      // A retried request with the same token is answered, not applied twice.
      if (existing.get().sameValue(string, binary)) {
        return existing.get();
      }
      throw AwsJsonException.badRequest(
          "ResourceExistsException",
          "You can't modify an existing version, you can only create a new version.");
    }
    SecretVersion version = new SecretVersion(versionId, string, binary, clock.instant(), stages);
    secrets.put(secret.name(), secret.withVersion(version, clock.instant()));
    save();
    return version;
  }

  private Secret find(String secretId) {
    Secret secret =
        secretId.startsWith("arn:")
            ? secrets.values().stream()
                .filter(s -> s.arn().equals(secretId))
                .findFirst()
                .orElse(null)
            : secrets.get(secretId);
    if (secret == null) {
      throw AwsJsonException.badRequest(
          "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }
    return secret;
  }

  private static void checkOneValue(String string, byte[] binary) {
    if (string != null && binary != null) {
      throw AwsJsonException.badRequest(
          "InvalidParameterException",
          "You can't specify both a binary secret value and a string secret value in the same"
              + " secret.");
    }
  }

  private static String versionId(JsonNode request) {
    String token =
        optionalText(request, "ClientRequestToken").orElseGet(() -> UUID.randomUUID().toString());
    if (token.length() < 32 || token.length() > 64) {
      throw AwsJsonException.validation(
          "1 validation error detected: Value at 'clientRequestToken' failed to satisfy"
              + " constraint: Member must have length between 32 and 64");
    }
    return token;
  }

  private static List<SecretTag> tags(JsonNode request) {
    List<SecretTag> tags = new ArrayList<>();
    JsonNode node = request.get("Tags");
    if (node != null && node.isArray()) {
      node.forEach(
          tag -> tags.add(new SecretTag(tag.path("Key").asText(), tag.path("Value").asText())));
    }
    return tags;
  }

  private static String stageOr(String stage) {
    return stage != null ? stage : Secret.CURRENT;
  }

  private static AwsJsonException versionNotFound(String versionId, String stage) {
    StringBuilder message =
        new StringBuilder("Secrets Manager can't find the specified secret value for ");
    if (versionId != null) {
      message.append("VersionId: ").append(versionId);
      if (stage != null) {
        message.append(" and ");
      }
    }
    if (versionId == null || stage != null) {
      message.append("staging label: ").append(stageOr(stage));
    }
    return AwsJsonException.badRequest("ResourceNotFoundException", message.toString());
  }

  private String randomSuffix() {
    StringBuilder suffix = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      suffix.append(SUFFIX_CHARACTERS.charAt(random.nextInt(SUFFIX_CHARACTERS.length())));
    }
    return suffix.toString();
  }

  private void save() {
    stateFile.save(new SecretsState(new ArrayList<>(secrets.values())));
  }
}
