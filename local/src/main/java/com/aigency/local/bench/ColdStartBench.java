package com.aigency.local.bench;

import com.aigency.local.runtime.Endpoints;
import com.aigency.local.runtime.LocalAccount;
import com.aigency.local.runtime.LocalLauncher;
import com.aigency.local.runtime.LocalNames;
import com.aigency.local.runtime.LocalPorts;
import com.aigency.local.template.FunctionDef;
import com.aigency.local.template.SamTemplate;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.json.Json;
import com.aigency.shared.store.TenantStore;
import com.aigency.shared.tenancy.TenantService;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./aigency bench}: the cold-start benchmark. Starts the local stack, creates a tenant, a
 * project and a brief, then for every function of template.yaml, and for a hello-world baseline,
 * starts fresh JVMs that load the handler from its shaded jar and serve one event against the
 * stack (see {@link LambdaBootstrap}). Prints min and median per function and writes {@code
 * docs/performance.md}. Exits non-zero on any failure, a handler error or a non-success response
 * included.
 */
public final class ColdStartBench {
  static final String USAGE =
      """
      Usage: ./aigency bench [--runs N] [--no-write]

        Cold-start benchmark: N fresh JVMs per function of template.yaml (and a hello-world
        baseline), each loading the handler from its shaded jar and serving one event against
        the local stack. It measures the jars in functions/*/target as they are
        (./aigency bench rebuilds them first when sources changed).

        --runs N     cold starts per function (default 5)
        --no-write   print the figures only; leave docs/performance.md alone
      """;

  static final String BASELINE_NAME = "HelloWorld (baseline)";
  private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final int WARM_UP_ROUNDS = 3;

  /** Command-line options. */
  record Options(int runs, boolean write) {
    static Options parse(List<String> args) {
      int runs = 5;
      boolean write = true;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--no-write")) {
          write = false;
        } else if (arg.equals("--runs") || arg.startsWith("--runs=")) {
          String value;
          if (arg.equals("--runs")) {
            if (i + 1 >= args.size()) {
              throw new UsageError("--runs needs a number");
            }
            value = args.get(++i);
          } else {
            value = arg.substring("--runs=".length());
          }
          try {
            runs = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new UsageError("--runs needs a number, got '" + value + "'");
          }
          if (runs < 1 || runs > 100) {
            throw new UsageError("--runs must be between 1 and 100, got " + runs);
          }
        } else {
          throw new UsageError("Unknown option '" + arg + "'");
        }
      }
      return new Options(runs, write);
    }
  }

  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }

  /**
   * One thing to cold-start: a function of the template, the same function primed as SnapStart
   * would prime it ({@code primed}), or the baseline.
   */
  private record Target(
      String name, String function, String handler, Path jar, List<Path> classpath, JsonNode event, int memoryMb,
      boolean baseline, boolean snapStart, boolean primed) {}

  private final Options options;
  private final Path repo;
  private final Path work;
  private final Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Map<String, String> functionEnvironment;

  ColdStartBench(Options options, Path repo) {
    this.options = options;
    this.repo = repo;
    this.work = repo.resolve("local").resolve("target").resolve("bench");
  }

  public static void main(String[] args) {
    int code;
    try {
      if (List.of(args).stream().anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("help"))) {
        System.out.print(USAGE);
        code = 0;
      } else {
        code = new ColdStartBench(Options.parse(List.of(args)), LocalLauncher.repoRoot()).run();
      }
    } catch (UsageError e) {
      System.err.println("error: " + e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      code = 2;
    } catch (Exception e) {
      System.err.println();
      System.err.println("BENCHMARK FAILED: " + e.getMessage());
      if (!(e instanceof BenchFailure)) {
        e.printStackTrace();
      }
      code = 1;
    }
    System.exit(code);
  }

  /** A failure whose message says everything; no stack trace needed. */
  static final class BenchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
      super(message);
    }
  }

  int run() throws Exception {
    SamTemplate template = SamTemplate.load(repo.resolve("template.yaml"));
    List<FunctionDef> functions = template.functions();
    for (FunctionDef f : functions) {
      Path jar = repo.resolve(f.codeUri());
      if (!Files.isRegularFile(jar)) {
        throw new BenchFailure(f.logicalId() + ": no jar at " + f.codeUri() + ". Build first: ./aigency build");
      }
    }
    deleteRecursively(work);
    Files.createDirectories(work.resolve("runs"));
    Files.createDirectories(work.resolve("events"));
    Path bootstrapJar = BenchJars.writeJar(work.resolve("bootstrap.jar"), LambdaBootstrap.class);
    Path helloJar = BenchJars.writeJar(work.resolve("hello-world.jar"), HelloWorldHandler.class);
    Path serializationJar = BenchJars.serializationJar();
    Path coreJar = BenchJars.lambdaCoreJar();

    Path stackLog = work.resolve("local-stack.log");
    System.out.println("Starting the local stack (log: " + shown(stackLog) + ") ...");
    // data in memory; endpoints.json and the stack's files in target/bench/state, never in .aigency/
    var launch = new LocalLauncher.Options(LocalPorts.freePort(), null, repo.resolve("template.yaml"), work.resolve("state"));
    try (LocalLauncher.Running running = LocalLauncher.start(launch, stackLog, Duration.ofMinutes(3))) {
      Endpoints endpoints = running.endpoints();
      LocalNames names = new LocalNames(template, portsOf(endpoints), Map.of());
      functionEnvironment = names.functionEnvironment(endpoints);

      BenchEvents.RealIds ids = createFixtures(endpoints, functionEnvironment.get("TABLE_NAME"));
      System.out.println("Tenant " + ids.tenantId() + " with " + ids.pathParameters() + " created");

      List<Target> targets = new ArrayList<>();
      Map<String, String> notMeasured = new LinkedHashMap<>();
      for (FunctionDef f : functions) {
        Path jar = repo.resolve(f.codeUri());
        JsonNode event;
        try {
          event = BenchEvents.prepare(Json.read(Files.readString(sampleFor(f.logicalId()))), ids);
        } catch (IllegalArgumentException e) {
          notMeasured.put(f.logicalId(), e.getMessage());
          continue;
        }
        if (BenchEvents.httpCall(event).isEmpty() && !event.path("type").asText("").equals("REQUEST")) {
          notMeasured.put(f.logicalId(), "a workflow step or schedule: its input needs workflow state the benchmark does not create");
          continue;
        }
        Optional<String> refusal = BenchEvents.httpCall(event).flatMap(c -> refusal(endpoints, ids, c));
        if (refusal.isPresent()) {
          notMeasured.put(f.logicalId(), refusal.get());
          continue;
        }
        boolean snapStart = f.properties().has("SnapStart");
        targets.add(new Target(
            f.logicalId(), f.logicalId(), f.handler(), jar, List.of(bootstrapJar, serializationJar, jar), event,
            f.properties().path("MemorySize").asInt(1024), false, snapStart, false));
        if (snapStart) {
          targets.add(new Target(
              f.logicalId() + " (primed)", f.logicalId(), f.handler(), jar, List.of(bootstrapJar, serializationJar, jar),
              event, f.properties().path("MemorySize").asInt(1024), false, true, true));
        }
      }
      targets.add(new Target(
          BASELINE_NAME, "HelloWorld", HelloWorldHandler.class.getName() + "::handleRequest", helloJar,
          List.of(bootstrapJar, serializationJar, coreJar, helloJar), Json.read("{\"hello\":\"world\"}"), 1024, true,
          false, false));

      System.out.println("Warming the local stack: every route " + WARM_UP_ROUNDS + " times over HTTP ...");
      warmUpStack(endpoints, ids, targets);

      System.out.println("One untimed baseline JVM, so the JDK's files are in the page cache ...");
      launch(targets.get(targets.size() - 1), "warmup", List.of());

      String loadBefore = loadAverage();
      if (isBusy()) {
        System.out.println("WARNING: this machine is busy (load average " + loadBefore + " on "
            + Runtime.getRuntime().availableProcessors() + " cores); the figures will be noisy.");
      }
      Map<String, List<RunResult>> results = new LinkedHashMap<>();
      targets.forEach(t -> results.put(t.name(), new ArrayList<>()));
      for (int run = 1; run <= options.runs(); run++) {
        for (Target target : targets) {
          RunResult r = launch(target, "run" + run, List.of());
          results.get(target.name()).add(r);
          System.out.printf(Locale.ROOT, "%-32s run %d/%d  total %5.0f ms  (JVM->main %3.0f, init %5.1f, 1st invoke %5.1f, warm %5.1f)%n",
              target.name(), run, options.runs(), r.totalMs(), r.jvmToMainMs(), r.initMs(), r.firstInvokeMs(),
              r.secondInvokeMs() == null ? Double.NaN : r.secondInvokeMs());
        }
      }

      String load = "1-minute load average " + loadBefore + " before the timed runs, " + loadAverage() + " after";
      System.out.println("Class-loading profile (one untimed run each, -Xlog:class+load) ...");
      Map<String, ClassLoadProfile> profiles = new LinkedHashMap<>();
      for (Target target : targets.stream().filter(t -> !t.primed()).toList()) {
        Path log = work.resolve("runs").resolve(fileName(target.name()) + "-classes.xlog");
        RunResult r = launch(target, "classload",
            List.of("-Xlog:class+load=info:file=" + log + ":uptime,level,tags:filecount=0"));
        profiles.put(target.name(), ClassLoadProfile.parse(
            Files.readAllLines(log), r.uptimeAtMainMs(), r.uptimeAtInitDoneMs(), r.uptimeAtResponseMs()));
      }

      List<FunctionBench> benches = new ArrayList<>();
      for (Target t : targets) {
        benches.add(new FunctionBench(t.name(), t.function(), t.handler(), shown(t.jar()), Files.size(t.jar()),
            t.baseline(), t.snapStart(), t.primed(), results.get(t.name()), profiles.get(t.name())));
      }
      Target example = targets.stream().filter(t -> t.name().equals("GetProjectFunction")).findFirst().orElse(targets.get(0));
      BenchReport report = new BenchReport(benches, options.runs(), machine(example, load));
      System.out.println();
      System.out.print(report.consoleTable());
      StringBuilder skipped = new StringBuilder();
      if (!notMeasured.isEmpty()) {
        skipped.append("\n## Not measured\n\nThe benchmark cannot yet drive these to a successful answer with its fixtures "
            + "(a tenant, a project with a brief, a conversation), so their cold starts are not in the table:\n\n");
        notMeasured.forEach((name, why) -> skipped.append("- `").append(name).append("`: ").append(why).append('\n'));
        System.out.print(skipped);
      }
      if (options.write()) {
        Path doc = repo.resolve("docs").resolve("performance.md");
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, report.markdown() + skipped);
        System.out.println();
        System.out.println("Wrote " + shown(doc));
      }
    }
    return 0;
  }

  // ------------------------------------------------------------------ one fresh JVM

  private RunResult launch(Target target, String label, List<String> extraJvmFlags) throws Exception {
    String base = fileName(target.name()) + "-" + label;
    Path event = work.resolve("events").resolve(base + ".json");
    Files.writeString(event, Json.write(BenchEvents.forRun(target.event(), UUID.randomUUID().toString())));
    Path stdout = work.resolve("runs").resolve(base + ".out");
    Path stderr = work.resolve("runs").resolve(base + ".log");

    List<String> command = command(target, event, extraJvmFlags);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    builder.environment().clear();
    builder.environment().putAll(lambdaEnvironment(target));
    builder.command().add(Long.toString(System.currentTimeMillis()));
    Process process = builder.start();
    if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new BenchFailure(target.name() + " (" + label + ") did not finish within " + RUN_TIMEOUT.toSeconds()
          + " s; its log: " + shown(stderr));
    }
    String out = Files.readString(stdout);
    try {
      RunResult result = RunResult.parse(out);
      RunResult.requireSuccess(target.name(), result.response(), target.baseline());
      if (target.primed() && result.primeMs() == null) {
        throw new IllegalStateException("SnapStart is on, but the handler is not an org.crac.Resource that primes"
            + " itself, so there is nothing to prime");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("exit code " + process.exitValue());
      }
      return result;
    } catch (RuntimeException e) {
      throw new BenchFailure(target.name() + " (" + label + ") failed: " + e.getMessage()
          + "\n  exit code " + process.exitValue() + "; stdout " + shown(stdout) + ", stderr " + shown(stderr)
          + "\n  last lines of stderr:\n" + tail(stderr, 15));
    }
  }

  /** The JVM command line; the launch timestamp is appended right before the process starts. */
  private List<String> command(Target target, Path event, List<String> extraJvmFlags) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary.toString());
    command.addAll(JVM_FLAGS);
    if (target.primed()) {
      command.add("-Daigency.bench.prime=true");
    }
    command.addAll(extraJvmFlags);
    command.add("-cp");
    command.add(target.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(LambdaBootstrap.class.getName());
    command.add(target.handler());
    command.add(event.toString());
    return command;
  }

  /** The functions' local environment plus what Lambda sets for every function; nothing else but PATH. */
  private Map<String, String> lambdaEnvironment(Target target) {
    Map<String, String> env = new LinkedHashMap<>();
    String path = System.getenv("PATH");
    if (path != null) {
      env.put("PATH", path);
    }
    env.putAll(functionEnvironment);
    env.putAll(lambdaVariables(target));
    return env;
  }

  private static Map<String, String> lambdaVariables(Target target) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_FUNCTION_NAME", target.function());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(target.memoryMb()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("_HANDLER", target.handler());
    return env;
  }

  // ------------------------------------------------------------------ the data the events need

  /**
   * What the sample events need to succeed: a tenant with an app key, a project with a brief, and,
   * when a function's sample names a conversation, one made by posting the sample message.
   */
  private BenchEvents.RealIds createFixtures(Endpoints endpoints, String table) throws Exception {
    TenantService.NewTenant tenant;
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(endpoints.dynamodb()))
            .region(Region.of(endpoints.region()))
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalAccount.ACCESS_KEY, LocalAccount.SECRET_KEY)))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      tenant = new TenantService(new TenantStore(dynamo, table), Clock.systemUTC())
          .createTenant("Cold-start benchmark", Set.of(Scope.APP));
    }
    Map<String, String> pathParameters = new LinkedHashMap<>();
    JsonNode project = call(endpoints, "POST", "/projects", tenant.apiKey(), "{\"name\":\"Cold-start benchmark\"}");
    String projectId = project.path("id").asText();
    if (projectId.isBlank()) {
      throw new BenchFailure("POST /projects answered no id: " + project);
    }
    pathParameters.put("id", projectId);
    String brief = sampleBody("PUT /projects/{id}/brief")
        .orElseThrow(() -> new BenchFailure("No sample event under events/ for PUT /projects/{id}/brief to take a brief from"));
    call(endpoints, "PUT", "/projects/" + projectId + "/brief", tenant.apiKey(), brief);
    Optional<String> message = sampleBody("POST /projects/{id}/messages");
    if (message.isPresent()) {
      JsonNode turn = call(endpoints, "POST", "/projects/" + projectId + "/messages", tenant.apiKey(), message.get());
      String conversationId = turn.path("conversationId").asText();
      if (conversationId.isBlank()) {
        throw new BenchFailure("POST /projects/{id}/messages answered no conversationId: " + turn);
      }
      pathParameters.put("cid", conversationId);
    }
    String scopes = tenant.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
    return new BenchEvents.RealIds(tenant.tenantId(), tenant.keyId(), tenant.apiKey(), scopes, pathParameters);
  }

  /** Every route, as the prepared events call it, a few times: DynamoDB Local and the stack are warm before timing. */
  private void warmUpStack(Endpoints endpoints, BenchEvents.RealIds ids, List<Target> targets) throws Exception {
    List<BenchEvents.HttpCall> calls = targets.stream()
        .filter(t -> !t.primed() && !t.baseline())
        .flatMap(t -> BenchEvents.httpCall(t.event()).stream())
        .toList();
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      for (BenchEvents.HttpCall c : calls) {
        call(endpoints, c.method(), c.pathAndQuery(), ids.apiKey(), c.body());
      }
    }
  }

  /** Why the route refuses the benchmark's fixtures ("GET /x answers 404 NOT_FOUND"), if it does. */
  private Optional<String> refusal(Endpoints endpoints, BenchEvents.RealIds ids, BenchEvents.HttpCall c) {
    try {
      call(endpoints, c.method(), c.pathAndQuery(), ids.apiKey(), c.body());
      return Optional.empty();
    } catch (BenchFailure e) {
      return Optional.of("answers " + e.getMessage().replaceFirst("^.*? answered ", "").replaceAll("\\s+", " ")
          + " with the benchmark's fixtures (needs its own state, e.g. a Facebook connection or a campaign)");
    } catch (Exception e) {
      return Optional.of("could not be called: " + e.getMessage());
    }
  }

  /** One request to the local HTTP API; anything but 2xx fails the benchmark. */
  private JsonNode call(Endpoints endpoints, String method, String path, String apiKey, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.api() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-API-Key", apiKey)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw new BenchFailure(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? Json.read("{}") : Json.read(response.body());
  }

  /** The body of the first sample event (by path) for {@code routeKey}: kept valid by the sample-event tests. */
  private Optional<String> sampleBody(String routeKey) throws IOException {
    try (Stream<Path> files = Files.walk(repo.resolve("events"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode event = Json.read(Files.readString(file));
        if (event.path("routeKey").asText().equals(routeKey) && event.path("body").isTextual()) {
          return Optional.of(event.path("body").asText());
        }
      }
    }
    return Optional.empty();
  }

  private Path sampleFor(String logicalId) throws IOException {
    Path dir = repo.resolve("events").resolve(logicalId);
    List<Path> files;
    try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      files = list.filter(p -> p.toString().endsWith(".json")).toList();
    }
    if (files.isEmpty()) {
      throw new BenchFailure(logicalId + ": no sample event in events/" + logicalId + "/");
    }
    return BenchEvents.chooseSample(files, p -> {
      try {
        return Json.read(Files.readString(p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static LocalPorts portsOf(Endpoints e) {
    return new LocalPorts(port(e.api()), port(e.dynamodb()), port(e.sqs()), port(e.s3()), port(e.kms()), port(e.meta()));
  }

  private static int port(String url) {
    return URI.create(url).getPort();
  }

  // ------------------------------------------------------------------ the machine

  private BenchReport.Machine machine(Target example, String load) throws Exception {
    Process version = new ProcessBuilder(javaBinary.toString(), "-version").redirectErrorStream(true).start();
    String javaVersion = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    version.waitFor();
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
        .map(v -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
        .orElse("unknown");
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
    String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));

    Path event = work.resolve("events").resolve(fileName(example.name()) + "-run1.json");
    List<String> command = command(example, event, List.of());
    command.set(0, "java");
    command.add("<launch epoch ms>");
    String line = command.stream().map(this::shortened).collect(Collectors.joining(" "));
    Map<String, String> lambda = new LinkedHashMap<>();
    lambda.put("JAVA_TOOL_OPTIONS", functionEnvironment.getOrDefault("JAVA_TOOL_OPTIONS", ""));
    lambda.putAll(lambdaVariables(example));
    String env = lambda.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    return new BenchReport.Machine(
        Runtime.getRuntime().availableProcessors(), cpu, memory, os, load, javaVersion, date, line, env);
  }

  /** The 1-minute load average, or "unknown" off Linux. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static boolean isBusy() {
    try {
      return Double.parseDouble(loadAverage()) > Runtime.getRuntime().availableProcessors() * 0.5;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Optional<String> firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
          return Optional.of(line.substring(colon + 1).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: say less about the machine
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ files

  private String shortened(String part) {
    String root = repo.toAbsolutePath().normalize() + File.separator;
    return part.replace(root, "");
  }

  private String shown(Path path) {
    Path p = path.toAbsolutePath().normalize();
    Path root = repo.toAbsolutePath().normalize();
    return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
  }

  static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+$", "");
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
          .map(l -> "    " + l).collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return "    (no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
