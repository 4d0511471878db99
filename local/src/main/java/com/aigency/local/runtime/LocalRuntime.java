package com.aigency.local.runtime;

import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.events.LocalEventBridge;
import com.aigency.local.aws.kms.LocalKms;
import com.aigency.local.aws.secretsmanager.LocalSecretsManager;
import com.aigency.local.clock.LocalClock;
import com.aigency.local.meta.MetaSimulator;
import com.aigency.local.services.DynamoDbLocalServer;
import com.aigency.local.stepfunctions.engine.LocalStepFunctions;
import com.aigency.local.stepfunctions.engine.StepFunctionsEngine;
import com.aigency.local.services.ElasticMqServer;
import com.aigency.local.services.S3ProxyProcess;
import com.aigency.local.template.SamTemplate;
import com.aigency.local.template.TemplateResource;
import com.aigency.shared.aws.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local system in one JVM: the AWS-compatible services, the template's resources in them, and
 * every function hosted in-process behind the HTTP API, its queues and its schedules. Started by
 * {@link LocalLauncher} in a child process whose environment is the functions' environment, so
 * handlers read their settings exactly as they do in Lambda.
 */
public final class LocalRuntime implements AutoCloseable {
  /** The Meta simulator's seed: the same ad accounts and delivery on every start. */
  private static final long META_SEED = 42;

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final LocalClock clock = new LocalClock();

  /** Arguments: template path, state folder, data folder or "-", then the six ports. */
  public static void main(String[] args) throws Exception {
    Path template = Path.of(args[0]);
    Path stateDir = Path.of(args[1]);
    Path dataDir = args[2].equals("-") ? null : Path.of(args[2]);
    LocalPorts ports = LocalPorts.fromArgs(List.of(args).subList(3, 9));
    LocalRuntime runtime = new LocalRuntime();
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::closeQuietly));
    try {
      Endpoints endpoints = runtime.start(SamTemplate.load(template), ports, dataDir, stateDir);
      endpoints.writeTo(stateDir);
    } catch (Throwable e) {
      System.err.println("aigency local failed to start: " + e);
      e.printStackTrace();
      runtime.closeQuietly();
      System.exit(1);
    }
    Thread.currentThread().join();
  }

  Endpoints start(SamTemplate template, LocalPorts ports, Path dataDir, Path stateDir) throws Exception {
    LocalNames names = new LocalNames(template, ports, Map.of());
    Path data = dataDir == null ? null : dataDir.toAbsolutePath();
    if (data != null) {
      running.push(DataFolderLock.acquire(data));
    }
    // S3Proxy is a separate JVM; start it first and let the in-process services come up meanwhile.
    CompletableFuture<S3ProxyProcess> s3 =
        CompletableFuture.supplyAsync(() -> {
          try {
            return S3ProxyProcess.start(ports.s3(), data == null ? null : data.resolve("s3"),
                LocalAccount.ACCESS_KEY, LocalAccount.SECRET_KEY, stateDir.resolve("s3proxy"), Duration.ofSeconds(60));
          } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
          }
        });
    running.push(DynamoDbLocalServer.start(ports.dynamoDb(), data == null ? null : data.resolve("dynamodb")));
    running.push(ElasticMqServer.start(ports.sqs()));
    running.push(MetaSimulator.start(ports.meta(), clock, META_SEED, data == null ? null : data.resolve("meta"),
        MetaSimulator.DEFAULT_APP_ID, MetaSimulator.DEFAULT_APP_SECRET));
    AwsJsonServer awsJson = AwsJsonServer.start(ports.awsJson());
    running.push(awsJson);
    LocalKms kms = new LocalKms(clock, data == null ? null : data.resolve("kms"));
    LocalSecretsManager secrets = new LocalSecretsManager(clock, data == null ? null : data.resolve("secretsmanager"));
    LocalEventBridge events = new LocalEventBridge(clock, data == null ? null : data.resolve("events"));
    running.push(events);
    awsJson.register(kms).register(secrets).register(events);
    running.push(s3.join());

    ResourceProvisioner provisioner = new ResourceProvisioner(names);
    try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(AwsClients.http()).build();
        SqsClient sqsSetup = SqsClient.builder().httpClient(AwsClients.http()).build();
        S3Client s3Client = S3Client.builder().httpClient(AwsClients.http()).forcePathStyle(true).build()) {
      provisioner.createTables(dynamo);
      provisioner.createQueues(sqsSetup);
      provisioner.createBuckets(s3Client);
    }
    createKeys(names, kms);
    createSecrets(names, secrets);

    FunctionHost functions = new FunctionHost(template);
    functions.warmAll();
    HttpApiGateway gateway = new HttpApiGateway(template, functions, ports.api(), clock);
    gateway.start();
    running.push(gateway);
    SqsEventSources queues = new SqsEventSources(SqsClient.builder().httpClient(AwsClients.http()).build(), functions, names);
    queues.start();
    running.push(queues);
    EventSources.register(names, events, functions);

    // Executions resume when the engine loads a data folder, so everything they call exists first.
    StepFunctionsEngine workflows = new StepFunctionsEngine(clock, data == null ? null : data.resolve("stepfunctions"),
        new LocalTaskResources(functions, SqsClient.builder().httpClient(AwsClients.http()).build(), events,
            "http://127.0.0.1:" + ports.dynamoDb()));
    running.push(workflows);
    awsJson.register(new LocalStepFunctions(workflows));
    StateMachines.register(names, workflows, events);
    awsJson.register(new LocalAdmin(clock, events, workflows));
    return Endpoints.of(ports, dataDir, ProcessHandle.current().pid());
  }

  private static void createKeys(LocalNames names, LocalKms kms) {
    for (TemplateResource key : names.template().resourcesOfType("AWS::KMS::Key")) {
      ignoreExisting(() -> kms.createKey(names.keyId(key.logicalId()), null, key.logicalId()));
    }
    for (TemplateResource alias : names.template().resourcesOfType("AWS::KMS::Alias")) {
      JsonNode p = names.resolve(alias.properties());
      ignoreExisting(() -> kms.createAlias(p.path("AliasName").asText(), p.path("TargetKeyId").asText()));
    }
  }

  /** A secret is created once; a value put later (an API key, say) survives restarts. */
  private static void createSecrets(LocalNames names, LocalSecretsManager secrets) {
    for (TemplateResource secret : names.template().resourcesOfType("AWS::SecretsManager::Secret")) {
      JsonNode p = names.resolve(secret.properties());
      String override = LocalNames.SECRET_OVERRIDES.get(secret.logicalId());
      if (override != null) {
        secrets.upsertSecretString(names.secretName(secret.logicalId()), override);
        continue;
      }
      String value = p.has("SecretString") ? p.get("SecretString").asText() : generated(p.path("GenerateSecretString"));
      ignoreExisting(() -> secrets.createSecret(names.secretName(secret.logicalId()), value));
    }
  }

  private static String generated(JsonNode spec) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < spec.path("PasswordLength").asInt(32); i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static void ignoreExisting(Runnable create) {
    try {
      create.run();
    } catch (AwsJsonException e) {
      if (!e.errorCode().endsWith("ExistsException")) {
        throw e;
      }
    }
  }

  void closeQuietly() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception ignored) {
        // shutting down: keep closing the rest
      }
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
