package com.aigency.local.aws.kms;

import static com.aigency.local.aws.AwsJson.base64;
import static com.aigency.local.aws.AwsJson.epochSeconds;
import static com.aigency.local.aws.AwsJson.optionalInt;
import static com.aigency.local.aws.AwsJson.optionalText;
import static com.aigency.local.aws.AwsJson.requiredBlob;
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
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The KMS subset the project uses, with real AES-256-GCM: CreateKey, DescribeKey, CreateAlias,
 * ListAliases, Encrypt, Decrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext. Keys are
 * symmetric (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT). The encryption context is bound to every
 * ciphertext, so Decrypt with another or a missing context fails with InvalidCiphertextException,
 * as in KMS. A KeyId may be a key id, key ARN, {@code alias/name} or alias ARN.
 *
 * <p>With a data directory, keys (with their material) and aliases are saved to {@code kms.json} on
 * every change and loaded at construction, so ciphertexts stay decryptable across restarts.
 */
public final class LocalKms implements AwsJsonService {

  public static final String TARGET_PREFIX = "TrentService";

  private static final String ALGORITHM = "SYMMETRIC_DEFAULT";
  private static final int MAX_PLAINTEXT_BYTES = 4096;
  private static final int MAX_DATA_KEY_BYTES = 1024;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,255}");
  private static final Pattern ALIAS_NAME = Pattern.compile("alias/[A-Za-z0-9/_-]{1,250}");

  private final Clock clock;
  private final JsonStateFile<KmsState> stateFile;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, KmsKey> keys = new LinkedHashMap<>();
  private final Map<String, KmsAlias> aliases = new LinkedHashMap<>();

  /**
   * @param clock for creation dates
   * @param dataDirectory where {@code kms.json} lives; null keeps everything in memory
   */
  public LocalKms(Clock clock, Path dataDirectory) {
    this.clock = clock;
    this.stateFile = new JsonStateFile<>(dataDirectory, "kms.json", KmsState.class);
    stateFile
        .load()
        .ifPresent(
            state -> {
              state.keys().forEach(key -> keys.put(key.keyId(), key));
              state.aliases().forEach(alias -> aliases.put(alias.aliasName(), alias));
            });
  }

  public static String keyArn(String keyId) {
    return LocalAwsAccount.arn("kms", "key/" + keyId);
  }

  @Override
  public String targetPrefix() {
    return TARGET_PREFIX;
  }

  /** Creates a key with a random id. @return the key id */
  public String createKey(String description) {
    return createKey(null, null, description);
  }

  /**
   * Creates a key, optionally with a chosen id and an alias.
   *
   * @param keyId the key id, or null for a random UUID
   * @param aliasName {@code alias/...} to point at the key, or null
   * @return the key id
   * @throws AwsJsonException AlreadyExistsException if the id or alias is taken
   */
  public synchronized String createKey(String keyId, String aliasName, String description) {
    String id = keyId != null ? keyId : UUID.randomUUID().toString();
    if (!KEY_ID.matcher(id).matches()) {
      throw AwsJsonException.validation("Invalid key id " + id);
    }
    if (keys.containsKey(id)) {
      throw alreadyExists("Key " + keyArn(id) + " already exists");
    }
    if (aliasName != null) {
      checkAliasIsFree(aliasName);
    }
    byte[] material = new byte[32];
    random.nextBytes(material);
    keys.put(id, new KmsKey(id, description == null ? "" : description, clock.instant(), material));
    if (aliasName != null) {
      aliases.put(aliasName, new KmsAlias(aliasName, id, clock.instant()));
    }
    save();
    return id;
  }

  /**
   * The key behind {@code aliasName}, created (with a random id) when the alias does not exist yet:
   * what a runner calls at every start so a persisted key is reused.
   *
   * @return the key id
   */
  public synchronized String ensureKey(String aliasName, String description) {
    KmsAlias alias = aliases.get(aliasName);
    return alias != null ? alias.targetKeyId() : createKey(null, aliasName, description);
  }

  /** Points the new alias {@code aliasName} at a key given by id or key ARN. */
  public synchronized void createAlias(String aliasName, String targetKeyId) {
    if (targetKeyId.startsWith("alias/") || targetKeyId.contains(":alias/")) {
      throw AwsJsonException.validation("TargetKeyId must be a key id or key ARN, not an alias");
    }
    KmsKey key = resolve(targetKeyId);
    checkAliasIsFree(aliasName);
    aliases.put(aliasName, new KmsAlias(aliasName, key.keyId(), clock.instant()));
    save();
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    return switch (operation) {
      case "CreateKey" -> createKey(request);
      case "DescribeKey" -> describeKey(request);
      case "CreateAlias" -> createAlias(request);
      case "ListAliases" -> listAliases(request);
      case "Encrypt" -> encrypt(request);
      case "Decrypt" -> decrypt(request);
      case "GenerateDataKey" -> generateDataKey(request, true);
      case "GenerateDataKeyWithoutPlaintext" -> generateDataKey(request, false);
      default -> throw AwsJsonException.unknownOperation(operation);
    };
  }

  private JsonNode createKey(JsonNode request) {
    String usage = optionalText(request, "KeyUsage").orElse("ENCRYPT_DECRYPT");
    String spec =
        optionalText(request, "KeySpec")
            .or(() -> optionalText(request, "CustomerMasterKeySpec"))
            .orElse(ALGORITHM);
    if (!usage.equals("ENCRYPT_DECRYPT") || !spec.equals(ALGORITHM)) {
      throw AwsJsonException.validation(
          "The local KMS supports only SYMMETRIC_DEFAULT keys for ENCRYPT_DECRYPT, not "
              + spec
              + "/"
              + usage);
    }
    String keyId = createKey(optionalText(request, "Description").orElse(""));
    return AwsJson.object().set("KeyMetadata", metadata(key(keyId)));
  }

  private JsonNode describeKey(JsonNode request) {
    return AwsJson.object().set("KeyMetadata", metadata(resolve(requiredText(request, "KeyId"))));
  }

  private JsonNode createAlias(JsonNode request) {
    createAlias(requiredText(request, "AliasName"), requiredText(request, "TargetKeyId"));
    return AwsJson.object();
  }

  private synchronized JsonNode listAliases(JsonNode request) {
    String keyFilter = optionalText(request, "KeyId").map(id -> resolve(id).keyId()).orElse(null);
    ArrayNode list = AwsJson.MAPPER.createArrayNode();
    for (KmsAlias alias : aliases.values()) {
      if (keyFilter == null || keyFilter.equals(alias.targetKeyId())) {
        list.addObject()
            .put("AliasName", alias.aliasName())
            .put("AliasArn", KmsKey.aliasArn(alias.aliasName()))
            .put("TargetKeyId", alias.targetKeyId())
            .put("CreationDate", epochSeconds(alias.createdAt()))
            .put("LastUpdatedDate", epochSeconds(alias.createdAt()));
      }
    }
    ObjectNode response = AwsJson.object();
    response.set("Aliases", list);
    return response.put("Truncated", false);
  }

  private JsonNode encrypt(JsonNode request) {
    KmsKey key = resolve(requiredText(request, "KeyId"));
    byte[] plaintext = requiredBlob(request, "Plaintext");
    if (plaintext.length == 0 || plaintext.length > MAX_PLAINTEXT_BYTES) {
      throw AwsJsonException.validation(
          "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
              + "Member must have length between 1 and 4096");
    }
    checkAlgorithm(request);
    byte[] context = EncryptionContext.canonicalBytes(EncryptionContext.from(request));
    CiphertextBlob blob = CiphertextBlob.seal(key, plaintext, context, random);
    return AwsJson.object()
        .put("CiphertextBlob", base64(blob.toBytes()))
        .put("KeyId", key.arn())
        .put("EncryptionAlgorithm", ALGORITHM);
  }

  private JsonNode decrypt(JsonNode request) {
    byte[] bytes = requiredBlob(request, "CiphertextBlob");
    checkAlgorithm(request);
    SortedMap<String, String> context = EncryptionContext.from(request);
    CiphertextBlob blob = CiphertextBlob.parse(bytes).orElseThrow(LocalKms::invalidCiphertext);
    KmsKey key = key(blob.keyId());
    if (key == null) {
      throw notFound("Key '" + keyArn(blob.keyId()) + "' named by the ciphertext does not exist");
    }
    optionalText(request, "KeyId")
        .map(this::resolve)
        .filter(requested -> !requested.keyId().equals(key.keyId()))
        .ifPresent(
            requested -> {
              throw AwsJsonException.badRequest(
                  "IncorrectKeyException",
                  "The key ID in the request does not identify a CMK that can perform this"
                      + " operation.");
            });
    byte[] plaintext =
        blob.open(key, EncryptionContext.canonicalBytes(context))
            .orElseThrow(LocalKms::invalidCiphertext);
    return AwsJson.object()
        .put("KeyId", key.arn())
        .put("Plaintext", base64(plaintext))
        .put("EncryptionAlgorithm", ALGORITHM);
  }

  private JsonNode generateDataKey(JsonNode request, boolean withPlaintext) {
    KmsKey key = resolve(requiredText(request, "KeyId"));
    int length = dataKeyLength(request);
    byte[] dataKey = new byte[length];
    random.nextBytes(dataKey);
    byte[] context = EncryptionContext.canonicalBytes(EncryptionContext.from(request));
    CiphertextBlob blob = CiphertextBlob.seal(key, dataKey, context, random);
    ObjectNode response =
        AwsJson.object().put("CiphertextBlob", base64(blob.toBytes())).put("KeyId", key.arn());
    if (withPlaintext) {
      response.put("Plaintext", base64(dataKey));
    }
    return response;
  }

  private static int dataKeyLength(JsonNode request) {
    var keySpec = optionalText(request, "KeySpec");
    var numberOfBytes = optionalInt(request, "NumberOfBytes");
    if (keySpec.isPresent() == numberOfBytes.isPresent()) {
      throw AwsJsonException.validation("Please specify either number of bytes or key spec.");
    }
    if (numberOfBytes.isPresent()) {
      int n = numberOfBytes.get();
      if (n < 1 || n > MAX_DATA_KEY_BYTES) {
        throw AwsJsonException.validation(
            "1 validation error detected: Value '"
                + n
                + "' at 'numberOfBytes' failed to satisfy constraint: Member must have value"
                + " between 1 and 1024");
      }
      return n;
    }
    return switch (keySpec.get()) {
      case "AES_256" -> 32;
      case "AES_128" -> 16;
      default ->
          throw AwsJsonException.validation(
              "1 validation error detected: Value '"
                  + keySpec.get()
                  + "' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value"
                  + " set: [AES_256, AES_128]");
    };
  }

  private static void checkAlgorithm(JsonNode request) {
    optionalText(request, "EncryptionAlgorithm")
        .filter(algorithm -> !algorithm.equals(ALGORITHM))
        .ifPresent(
            algorithm -> {
              throw AwsJsonException.badRequest(
                  "InvalidKeyUsageException",
                  "Symmetric keys support only SYMMETRIC_DEFAULT, not " + algorithm);
            });
  }

  private synchronized KmsKey key(String keyId) {
    return keys.get(keyId);
  }

  /** Resolves a key id, key ARN, alias name or alias ARN; NotFoundException otherwise. */
  private synchronized KmsKey resolve(String keyIdOrAlias) {
    String reference = keyIdOrAlias;
    if (reference.startsWith("arn:")) {
      String[] parts = reference.split(":", 6);
      if (parts.length < 6
          || !parts[2].equals("kms")
          || !parts[3].equals(LocalAwsAccount.REGION)
          || !parts[4].equals(LocalAwsAccount.ACCOUNT_ID)) {
        throw notFound("Invalid arn " + keyIdOrAlias);
      }
      reference = parts[5];
    }
    if (reference.startsWith("alias/")) {
      KmsAlias alias = aliases.get(reference);
      if (alias == null) {
        throw notFound("Alias " + KmsKey.aliasArn(reference) + " is not found.");
      }
      reference = alias.targetKeyId();
    } else if (reference.startsWith("key/")) {
      reference = reference.substring("key/".length());
    }
    KmsKey key = keys.get(reference);
    if (key == null) {
      throw notFound("Key '" + keyArn(reference) + "' does not exist");
    }
    return key;
  }

  private void checkAliasIsFree(String aliasName) {
    if (!ALIAS_NAME.matcher(aliasName).matches() || aliasName.startsWith("alias/aws/")) {
      throw AwsJsonException.validation(
          "Alias must start with the prefix \"alias/\" and contain only alphanumeric"
              + " characters, forward slashes (/), underscores (_) and dashes (-); alias/aws/ is"
              + " reserved: "
              + aliasName);
    }
    if (aliases.containsKey(aliasName)) {
      throw alreadyExists(
          "An alias with the name " + KmsKey.aliasArn(aliasName) + " already exists");
    }
  }

  private static ObjectNode metadata(KmsKey key) {
    ObjectNode metadata =
        AwsJson.object()
            .put("AWSAccountId", LocalAwsAccount.ACCOUNT_ID)
            .put("KeyId", key.keyId())
            .put("Arn", key.arn())
            .put("CreationDate", epochSeconds(key.createdAt()))
            .put("Enabled", true)
            .put("Description", key.description())
            .put("KeyUsage", "ENCRYPT_DECRYPT")
            .put("KeyState", "Enabled")
            .put("Origin", "AWS_KMS")
            .put("KeyManager", "CUSTOMER")
            .put("CustomerMasterKeySpec", ALGORITHM)
            .put("KeySpec", ALGORITHM)
            .put("MultiRegion", false);
    metadata.putArray("EncryptionAlgorithms").add(ALGORITHM);
    return metadata;
  }

  private void save() {
    stateFile.save(new KmsState(new ArrayList<>(keys.values()), new ArrayList<>(aliases.values())));
  }

  private static AwsJsonException invalidCiphertext() {
    return AwsJsonException.badRequest(
        "InvalidCiphertextException",
        "The ciphertext is invalid, was altered, or was encrypted under another encryption"
            + " context.");
  }

  private static AwsJsonException notFound(String message) {
    return AwsJsonException.badRequest("NotFoundException", message);
  }

  private static AwsJsonException alreadyExists(String message) {
    return AwsJsonException.badRequest("AlreadyExistsException", message);
  }
}
