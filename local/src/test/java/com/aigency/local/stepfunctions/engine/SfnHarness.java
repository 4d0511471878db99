package com.aigency.local.stepfunctions.engine;

import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.clock.LocalClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A local Step Functions engine behind the real AWS SDK client, on a clock that only moves when a
 * test advances it.
 */
final class SfnHarness implements AutoCloseable {

  static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  static final String ROLE = "arn:aws:iam::000000000000:role/StatesRole";
  static final Duration WALL = Duration.ofSeconds(20);

  final LocalClock clock;
  final ScriptedResources resources;
  final StepFunctionsEngine engine;
  final AwsJsonServer server;
  final SfnClient sfn;

  SfnHarness(Path dataDirectory) {
    this(new LocalClock(Clock.fixed(START, ZoneOffset.UTC)), dataDirectory);
  }

  SfnHarness(LocalClock clock, Path dataDirectory) {
    this(clock, new ScriptedResources(clock), dataDirectory);
  }

  SfnHarness(LocalClock clock, ScriptedResources resources, Path dataDirectory) {
    this.clock = clock;
    this.resources = resources;
    this.engine = new StepFunctionsEngine(clock, dataDirectory, resources);
    try {
      this.server = AwsJsonServer.start(0).register(new LocalStepFunctions(engine));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(server.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  String createMachine(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  String start(String machineArn, String input) {
    return sfn.startExecution(r -> r.stateMachineArn(machineArn).input(input)).executionArn();
  }

  /** Waits until the engine has nothing to do but wait for a timer or a token. */
  void settle() {
    engine.awaitQuiescent(WALL);
  }

  /**
   * Runs the execution to its end, advancing the clock to each next timer whenever the engine is
   * idle.
   */
  DescribeExecutionResponse runToEnd(String executionArn) {
    while (true) {
      settle();
      DescribeExecutionResponse execution = describe(executionArn);
      if (execution.status() != ExecutionStatus.RUNNING) {
        return execution;
      }
      Optional<Instant> next = engine.nextTimer();
      if (next.isEmpty()) {
        throw new AssertionError(executionArn + " waits for something no timer will bring");
      }
      clock.advanceTo(next.get());
    }
  }

  DescribeExecutionResponse describe(String executionArn) {
    return sfn.describeExecution(r -> r.executionArn(executionArn));
  }

  DescribeExecutionResponse awaitEnd(String executionArn) {
    engine.awaitTerminal(executionArn, WALL);
    return describe(executionArn);
  }

  List<HistoryEvent> history(String executionArn) {
    List<HistoryEvent> events = new ArrayList<>();
    sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn))
        .events()
        .forEach(events::add);
    return events;
  }

  List<String> types(String executionArn) {
    return history(executionArn).stream().map(HistoryEvent::typeAsString).toList();
  }

  static JsonNode json(String text) {
    return Json.parse(text).orElseThrow();
  }

  @Override
  public void close() {
    sfn.close();
    server.close();
    engine.close();
  }
}
