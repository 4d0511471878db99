package com.aigency.local.template;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks the sample events under events/: where they live, that the Lambda Java runtime's own
 * serialization turns them into the function's input type without dropping anything, and that they
 * carry what the template's routes and authorizers need.
 */
final class SampleEventChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

  /** One sample file: events/{functionLogicalId}/{name}.json. */
  record Sample(Path file, String functionLogicalId) {
    String label() {
      return "events/" + functionLogicalId + "/" + file.getFileName();
    }
  }

  private final Path root;
  private final SamTemplate template;
  private final List<String> problems = new ArrayList<>();

  /** Lambda context key sets seen per authorizer function, to keep samples consistent. */
  private final Map<String, Map<Set<String>, List<String>>> contextKeys = new LinkedHashMap<>();

  private SampleEventChecks(Path root, SamTemplate template) {
    this.root = root;
    this.template = template;
  }

  /** Every sample file, or a problem for each file that is not where samples belong. */
  static List<Sample> samples(Path root, SamTemplate template, List<String> problems) {
    Path events = root.resolve("events");
    List<Sample> samples = new ArrayList<>();
    if (!Files.isDirectory(events)) {
      problems.add("there is no events/ folder at the repository root");
      return samples;
    }
    Set<String> functions = new LinkedHashSet<>();
    template.functions().forEach(f -> functions.add(f.logicalId()));
    try (Stream<Path> files = Files.walk(events)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path relative = events.relativize(file);
        String label = "events/" + relative.toString().replace('\\', '/');
        if (relative.getNameCount() != 2 || !file.getFileName().toString().endsWith(".json")) {
          problems.add(label + " is not at events/<FunctionLogicalId>/<name>.json");
        } else if (!functions.contains(relative.getName(0).toString())) {
          problems.add(label + " belongs to no AWS::Serverless::Function of template.yaml");
        } else {
          samples.add(new Sample(file, relative.getName(0).toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return samples;
  }

  static List<String> contentProblems(Path root, SamTemplate template) {
    SampleEventChecks checks = new SampleEventChecks(root, template);
    for (Sample sample : samples(root, template, new ArrayList<>())) {
      checks.check(sample);
    }
    checks.contextKeys.forEach(
        (authorizer, sets) -> {
          if (sets.size() > 1) {
            checks.problems.add(
                "samples behind "
                    + authorizer
                    + " disagree on the authorizer's lambda context keys: "
                    + sets);
          }
        });
    return checks.problems;
  }

  private void check(Sample sample) {
    FunctionDef function = template.function(sample.functionLogicalId());
    String json;
    try {
      json = Files.readString(sample.file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (IOException e) {
      problems.add(sample.label() + " is not valid JSON: " + e.getMessage());
      return;
    }
    Optional<Class<?>> type = inputType(function, sample);
    if (type.isEmpty()) {
      return;
    }
    if (type.get() == InputStream.class) {
      return;
    }
    Object event;
    PojoSerializer<Object> serializer = serializer(type.get());
    try {
      event = serializer.fromJson(json);
    } catch (RuntimeException e) {
      problems.add(
          sample.label() + " does not deserialize into " + type.get().getName() + ": " + e);
      return;
    }
    droppedFields(sample, tree, event, serializer, type.get());
    switch (event) {
      case APIGatewayV2HTTPEvent http ->
          HttpSampleChecks.route(sample, function, http, template, problems, contextKeys);
      case APIGatewayV2CustomAuthorizerEvent request ->
          HttpSampleChecks.authorizer(sample, function, request, template, problems);
      case SQSEvent sqs -> sqs(sample, sqs);
      case ScheduledEvent scheduled -> scheduled(sample, scheduled);
      default -> {}
    }
  }

  /**
   * The class the runtime deserializes this function's events into: the handler's input type, or,
   * while the handler cannot be inspected, the type its event sources deliver.
   */
  private Optional<Class<?>> inputType(FunctionDef function, Sample sample) {
    Optional<HandlerTypes.Signature> signature =
        HandlerTypes.load(function.handlerClass())
            .flatMap(
                c ->
                    HandlerTypes.inspect(
                        c, function.handlerMethod(), function.logicalId(), new ArrayList<>()));
    if (signature.isPresent() && !signature.get().streaming()) {
      return Optional.of(signature.get().input());
    }
    List<EventContracts.Contract> contracts = EventContracts.of(function, template);
    if (contracts.isEmpty()) {
      if (signature.isPresent()) {
        return Optional.of(InputStream.class); // a stream handler takes raw JSON: any JSON will do
      }
      problems.add(
          sample.label()
              + ": cannot tell what to deserialize it into: handler "
              + function.handlerClass()
              + " cannot be inspected and nothing in the template invokes "
              + function.logicalId());
      return Optional.empty();
    }
    return Optional.of(contracts.get(0).sampleType());
  }

  /**
   * Event classes go through LambdaEventSerializers.serializerFor, the runtime's event
   * serialization (mixins for renamed fields, Joda/Date modules for the authorizer event's times);
   * anything else (a Map, a POJO) through the runtime's shaded Jackson, as the runtime does.
   */
  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type) {
    if (type.getName().startsWith(EVENTS_PACKAGE)) {
      return (PojoSerializer<Object>)
          LambdaEventSerializers.serializerFor(
              type, Thread.currentThread().getContextClassLoader());
    }
    return (PojoSerializer<Object>)
        (PojoSerializer<?>) JacksonFactory.getInstance().getSerializer(type);
  }

  /**
   * The runtime ignores JSON fields the event class does not have, so a misspelt field would
   * silently vanish. Serialize the event back and report any sample field that did not survive.
   */
  private void droppedFields(
      Sample sample,
      JsonNode tree,
      Object event,
      PojoSerializer<Object> serializer,
      Class<?> type) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonNode back;
    try {
      serializer.toJson(event, out);
      back = JSON.readTree(out.toByteArray());
    } catch (IOException | RuntimeException e) {
      problems.add(
          sample.label() + ": cannot serialize the " + type.getSimpleName() + " back: " + e);
      return;
    }
    Set<String> kept = new TreeSet<>();
    fieldPaths(back, "", kept);
    Set<String> given = new TreeSet<>();
    fieldPaths(tree, "", given);
    given.removeAll(kept);
    if (!given.isEmpty()) {
      problems.add(
          sample.label()
              + ": fields lost when deserialized into "
              + type.getSimpleName()
              + " (misspelt, or not part of the event): "
              + given);
    }
  }

  private static void fieldPaths(JsonNode node, String path, Set<String> paths) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull()) {
                  String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                  paths.add(child);
                  fieldPaths(e.getValue(), child, paths);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        fieldPaths(node.get(i), path + "[" + i + "]", paths);
      }
    }
  }

  private void sqs(Sample sample, SQSEvent event) {
    if (event.getRecords() == null || event.getRecords().isEmpty()) {
      problems.add(sample.label() + ": an SQS event needs at least one record");
      return;
    }
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      if (blank(message.getMessageId())
          || message.getBody() == null
          || !"aws:sqs".equals(message.getEventSource())
          || message.getEventSourceArn() == null
          || !message.getEventSourceArn().startsWith("arn:aws:sqs:")) {
        problems.add(
            sample.label()
                + ": every record needs messageId, body, eventSource aws:sqs and an"
                + " SQS eventSourceARN");
      }
    }
  }

  private void scheduled(Sample sample, ScheduledEvent event) {
    if (blank(event.getSource()) || blank(event.getDetailType())) {
      problems.add(sample.label() + ": a scheduled/EventBridge event needs source and detail-type");
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static boolean lowerCase(String value) {
    return value.equals(value.toLowerCase(Locale.ROOT));
  }
}
