package com.aigency.local.cli;

import com.aigency.local.runtime.Endpoints;
import com.aigency.local.runtime.LocalClients;
import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code ./aigency}: the developer's entry point to the local system. */
public final class Cli {
  static final String USAGE =
      """
      Usage: ./aigency <command> [options]

        demo [--port N] [--interactive]    start the system in memory and run the main job: onboarding chat -> brief ->
                                           Facebook connected -> plan -> approval -> campaign live in the Meta simulator;
                                           --interactive asks you to approve, request changes or reject each plan
        local [--port N] [--data DIR]      start the whole system locally (HTTP API on 127.0.0.1:N, default 3000);
                                           --data keeps state in DIR across restarts (default: in memory)
        tenant create NAME [--scopes S] [--data DIR]
                                           create a tenant in the running local system and print its API key
                                           (S: comma-separated of admin,app,webhook,operator; default app)
        bench [--runs N] [--no-write]      cold-start benchmark of every function jar (writes docs/performance.md)
        build                              build every module (skipping tests)
        test                               run the whole test suite
        help                               this text
      """;

  private Cli() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(List.of(args));
    } catch (UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      code = 2;
    } catch (LocalPorts.PortInUseException e) {
      System.err.println("error: " + e.getMessage());
      code = 1;
    } catch (Exception e) {
      System.err.println("error: " + e.getMessage());
      code = 1;
    }
    System.exit(code);
  }

  static int run(List<String> args) throws Exception {
    if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
      System.out.print(USAGE);
      return 0;
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "local" -> local(Args.parse(rest, Set.of("--port", "--data")));
      case "demo" -> demo(Args.parse(rest, Set.of("--port"), Set.of("--interactive")));
      case "tenant" -> tenant(Args.parse(rest, Set.of("--scopes", "--data")));
      default -> throw new UsageException("Unknown command '" + args.get(0) + "'");
    };
  }

  private static int demo(Args args) throws Exception {
    return new Demo(System.out, System.in, args.flag("--interactive"))
        .run(args.intOption("--port", LocalPorts.freePort(), 1, 65535));
  }

  private static int local(Args args) throws Exception {
    if (!args.positional().isEmpty()) {
      throw new UsageException("local takes no arguments, got " + args.positional());
    }
    int port = args.intOption("--port", 3000, 1, 65535);
    Path data = args.option("--data").map(Path::of).orElse(null);
    var options = LocalLauncher.Options.forRepository(port, data);
    System.out.println("Starting the local system" + (data == null ? " (in memory)" : " (data in " + data.toAbsolutePath() + ")") + " ...");
    long started = System.nanoTime();
    LocalLauncher.Running running = LocalLauncher.start(options, null, Duration.ofMinutes(3));
    Endpoints e = running.endpoints();
    System.out.printf(
        """

        Aigency is running (%.1f s).
          HTTP API         %s
          DynamoDB         %s
          SQS              %s
          S3               %s
          KMS              %s
          Secrets Manager  %s
          EventBridge      %s
          Step Functions   %s
          Meta simulator   %s
          region %s, credentials local/local
        Endpoints written to %s
        Create a tenant:   ./aigency tenant create "My Agency"%s
        Stop with Ctrl-C.
        """,
        (System.nanoTime() - started) / 1e9,
        e.api(), e.dynamodb(), e.sqs(), e.s3(), e.kms(), e.secretsmanager(), e.eventbridge(), e.stepfunctions(), e.meta(), e.region(),
        options.stateDir().resolve(Endpoints.FILE_NAME).toAbsolutePath(),
        data == null ? "" : " --data " + data);
    return running.process().waitFor();
  }

  private static int tenant(Args args) throws Exception {
    List<String> words = args.positional();
    if (words.size() != 2 || !words.get(0).equals("create")) {
      throw new UsageException("Expected: tenant create NAME");
    }
    Set<Scope> scopes = scopes(args.option("--scopes").orElse("app"));
    Path repo = LocalLauncher.repoRoot();
    Path stateDir = args.option("--data").map(Path::of).orElse(repo.resolve(".aigency"));
    Endpoints endpoints = runningAt(stateDir);
    try (DynamoDbClient dynamo = LocalClients.dynamo(endpoints)) {
      var created = LocalClients.tenants(dynamo, repo.resolve("template.yaml"), endpoints).createTenant(words.get(1), scopes);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("tenantId", created.tenantId());
      out.put("apiKey", created.apiKey());
      out.put("scopes", created.scopes().stream().map(Scope::wireName).sorted().toList());
      System.out.println(Json.write(out));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return 0;
  }

  private static Endpoints runningAt(Path stateDir) throws Exception {
    if (!Files.exists(stateDir.resolve(Endpoints.FILE_NAME))) {
      throw new IllegalStateException("No local system found at " + stateDir.toAbsolutePath()
          + " (no endpoints.json). Start one with ./aigency local" + (stateDir.endsWith(".aigency") ? "" : " --data " + stateDir));
    }
    Endpoints endpoints = Endpoints.readFrom(stateDir);
    Optional<ProcessHandle> process = ProcessHandle.of(endpoints.pid());
    if (process.isEmpty() || !process.get().isAlive()) {
      throw new IllegalStateException("The local system that wrote " + stateDir.resolve(Endpoints.FILE_NAME)
          + " is no longer running. Start it with ./aigency local");
    }
    return endpoints;
  }

  private static Set<Scope> scopes(String list) throws UsageException {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : list.split(",")) {
      scopes.add(Scope.fromWireName(name.strip()).orElseThrow(() -> new UsageException(
          "Unknown scope '" + name.strip() + "'; known: " + Arrays.stream(Scope.values()).map(Scope::wireName).toList())));
    }
    return scopes;
  }
}
