package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The checks behind {@link TemplateConsistencyTest}, each returning every problem it finds as a
 * message that names the offending resource, so the test can report them all at once and {@link
 * ConsistencyChecksTest} can prove each check catches what it should.
 */
final class ConsistencyChecks {

  private static final Pattern CODE_URI =
      Pattern.compile("functions/([a-z0-9][a-z0-9-]*)/target/function-\\1-lambda\\.jar");

  /** Globals properties the SAM translator accepts (samtranslator/plugins/globals/globals.py). */
  private static final Map<String, Set<String>> SAM_GLOBALS =
      Map.of(
          "Function",
          Set.of(
              "Handler",
              "Runtime",
              "CodeUri",
              "DeadLetterQueue",
              "Description",
              "MemorySize",
              "Timeout",
              "VpcConfig",
              "Environment",
              "Tags",
              "PropagateTags",
              "Tracing",
              "KmsKeyArn",
              "AutoPublishAlias",
              "AutoPublishAliasAllProperties",
              "Layers",
              "DeploymentPreference",
              "RolePath",
              "PermissionsBoundary",
              "ReservedConcurrentExecutions",
              "ProvisionedConcurrencyConfig",
              "AssumeRolePolicyDocument",
              "EventInvokeConfig",
              "FileSystemConfigs",
              "CodeSigningConfigArn",
              "Architectures",
              "SnapStart",
              "EphemeralStorage",
              "FunctionUrlConfig",
              "RuntimeManagementConfig",
              "LoggingConfig",
              "RecursiveLoop",
              "SourceKMSKeyArn"),
          "HttpApi",
          Set.of(
              "Auth",
              "AccessLogSettings",
              "StageVariables",
              "Tags",
              "CorsConfiguration",
              "DefaultRouteSettings",
              "Domain",
              "RouteSettings",
              "FailOnWarnings",
              "PropagateTags"),
          "StateMachine",
          Set.of("PropagateTags"),
          "SimpleTable",
          Set.of("SSESpecification"));

  private static final Set<String> RUNTIMES = Set.of("java21", "java25");

  private ConsistencyChecks() {}

  /**
   * Handler classes: Lambda handlers with a public no-argument constructor whose event types fit
   * the sources that invoke them.
   */
  static List<String> handlers(SamTemplate template) {
    List<String> problems = new ArrayList<>();
    for (FunctionDef function : template.functions()) {
      String id = function.logicalId();
      Optional<Class<?>> type = HandlerTypes.load(function.handlerClass());
      if (type.isEmpty()) {
        problems.add(
            id
                + ": handler class "
                + function.handlerClass()
                + " is not on the test classpath"
                + " (missing, or its function module is not a dependency of local/)");
        continue;
      }
      Optional<HandlerTypes.Signature> signature =
          HandlerTypes.inspect(type.get(), function.handlerMethod(), id, problems);
      if (signature.isEmpty() || signature.get().streaming()) {
        continue;
      }
      HandlerTypes.Signature handler = signature.get();
      for (EventContracts.Contract contract : EventContracts.of(function, template)) {
        if (!contract.input().test(handler.input())) {
          problems.add(
              id
                  + ": "
                  + contract.source()
                  + " delivers "
                  + contract.expectedInput()
                  + ", but "
                  + function.handler()
                  + " takes "
                  + handler.input().getName());
        }
        if (!contract.output().test(handler.output())) {
          problems.add(
              id
                  + ": "
                  + contract.source()
                  + " expects "
                  + contract.expectedOutput()
                  + ", but "
                  + function.handler()
                  + " returns "
                  + handler.output().getName());
        }
      }
    }
    return problems;
  }

  /** Runtimes are java21 or java25 (DESIGN.md conventions). */
  static List<String> runtimes(SamTemplate template) {
    List<String> problems = new ArrayList<>();
    for (FunctionDef function : template.functions()) {
      String runtime = function.properties().path("Runtime").asText(null);
      if (!RUNTIMES.contains(runtime)) {
        problems.add(function.logicalId() + ": Runtime " + runtime + " is not one of " + RUNTIMES);
      }
    }
    return problems;
  }

  /** CodeUri is the Lambda jar of an existing function module whose sources hold the handler. */
  static List<String> codeUris(Path root, SamTemplate template) {
    List<String> problems = new ArrayList<>();
    Set<String> modules = rootModules(root);
    for (FunctionDef function : template.functions()) {
      String id = function.logicalId();
      Matcher uri = CODE_URI.matcher(function.codeUri());
      if (!uri.matches()) {
        problems.add(
            id
                + ": CodeUri "
                + function.codeUri()
                + " is not functions/<module>/target/function-<module>-lambda.jar");
        continue;
      }
      String module = uri.group(1);
      Path moduleDir = root.resolve("functions").resolve(module);
      Path pom = moduleDir.resolve("pom.xml");
      if (!Files.isRegularFile(pom)) {
        problems.add(id + ": CodeUri names module functions/" + module + ", which has no pom.xml");
        continue;
      }
      String artifactId = childText(parse(pom), "artifactId");
      if (!("function-" + module).equals(artifactId)) {
        problems.add(
            id
                + ": functions/"
                + module
                + "/pom.xml has artifactId "
                + artifactId
                + ", so it does not build function-"
                + module
                + "-lambda.jar");
      }
      if (!modules.contains("functions/" + module)) {
        problems.add(id + ": functions/" + module + " is not a <module> of the root pom.xml");
      }
      String outerClass = function.handlerClass().replaceFirst("\\$.*", "");
      Path source =
          moduleDir.resolve("src/main/java").resolve(outerClass.replace('.', '/') + ".java");
      if (!Files.isRegularFile(source)) {
        problems.add(
            id
                + ": handler "
                + function.handlerClass()
                + " is not in functions/"
                + module
                + " (expected "
                + root.relativize(source)
                + ")");
      }
    }
    return problems;
  }

  /**
   * State machine ASL files exist, and their ${...} placeholders and DefinitionSubstitutions match
   * both ways.
   */
  static List<String> stateMachines(SamTemplate template) {
    List<String> problems = new ArrayList<>();
    for (StateMachineDef machine : template.stateMachines()) {
      String id = machine.logicalId();
      if (!Files.isRegularFile(machine.definitionPath())) {
        problems.add(id + ": DefinitionUri " + machine.definitionPath() + " does not exist");
        continue;
      }
      String asl;
      try {
        asl = Files.readString(machine.definitionPath());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        new ObjectMapper().readTree(asl);
      } catch (IOException e) {
        problems.add(
            id + ": " + machine.definitionPath().getFileName() + " is not JSON: " + e.getMessage());
      }
      Set<String> placeholders = new LinkedHashSet<>(SubVariables.of(asl));
      Set<String> missing = new LinkedHashSet<>(placeholders);
      missing.removeAll(machine.substitutions().keySet());
      if (!missing.isEmpty()) {
        problems.add(id + ": placeholders without a DefinitionSubstitutions entry: " + missing);
      }
      Set<String> unused = new LinkedHashSet<>(machine.substitutions().keySet());
      unused.removeAll(placeholders);
      if (!unused.isEmpty()) {
        problems.add(id + ": DefinitionSubstitutions the ASL never uses: " + unused);
      }
    }
    return problems;
  }

  /**
   * Routes are unique per API; ApiIds name declared HttpApis; authorizers name declared functions.
   */
  static List<String> httpApis(SamTemplate template) {
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> owners = new LinkedHashMap<>();
    for (FunctionDef function : template.functions()) {
      for (HttpApiRoute route : function.httpApiRoutes()) {
        String owner = function.logicalId() + "." + route.eventName();
        owners
            .computeIfAbsent(
                route.effectiveApiLogicalId() + " " + route.routeKey(), k -> new ArrayList<>())
            .add(owner);
        if (route.apiLogicalId() != null
            && !isOfType(template, route.apiLogicalId(), SamTemplate.HTTP_API_TYPE)) {
          problems.add(
              owner + ": ApiId " + route.apiLogicalId() + " is not an AWS::Serverless::HttpApi");
        }
      }
    }
    owners.forEach(
        (route, functions) -> {
          if (functions.size() > 1) {
            problems.add("route " + route + " is declared by more than one event: " + functions);
          }
        });
    for (HttpApiDef api : template.httpApis()) {
      for (AuthorizerDef authorizer : api.authorizers().values()) {
        if (!isOfType(template, authorizer.functionLogicalId(), SamTemplate.FUNCTION_TYPE)) {
          problems.add(
              api.logicalId()
                  + " authorizer "
                  + authorizer.name()
                  + ": "
                  + authorizer.functionLogicalId()
                  + " is not an AWS::Serverless::Function");
        }
        if (authorizer.identityHeaders().isEmpty()) {
          problems.add(
              api.logicalId()
                  + " authorizer "
                  + authorizer.name()
                  + ": declare Identity.Headers so requests without a key are refused up front");
        }
      }
    }
    return problems;
  }

  /**
   * Consumed queues are declared, redrive to a dead-letter queue, and outlast the function's
   * timeout.
   */
  static List<String> queues(SamTemplate template) {
    List<String> problems = new ArrayList<>();
    for (FunctionDef function : template.functions()) {
      int timeout = function.properties().path("Timeout").asInt(3);
      for (EventSourceDef event : function.events()) {
        if (!(event instanceof SqsSource sqs)) {
          continue;
        }
        String owner = function.logicalId() + "." + sqs.eventName();
        TemplateResource queue = template.resources().get(sqs.queueLogicalId());
        if (queue == null || !queue.type().equals("AWS::SQS::Queue")) {
          problems.add(owner + ": Queue " + sqs.queueLogicalId() + " is not an AWS::SQS::Queue");
          continue;
        }
        JsonNode redrive = queue.properties().path("RedrivePolicy");
        List<String> dlq = Nodes.getAttTarget(redrive.path("deadLetterTargetArn"));
        if (dlq == null || !dlq.get(1).equals("Arn")) {
          problems.add(
              owner
                  + ": queue "
                  + queue.logicalId()
                  + " needs RedrivePolicy.deadLetterTargetArn: !GetAtt <DeadLetterQueue>.Arn");
        } else if (dlq.get(0).equals(queue.logicalId())
            || !isOfType(template, dlq.get(0), "AWS::SQS::Queue")) {
          problems.add(
              owner
                  + ": queue "
                  + queue.logicalId()
                  + " redrives to "
                  + dlq.get(0)
                  + ", which is not another AWS::SQS::Queue");
        }
        if (redrive.path("maxReceiveCount").asInt(0) < 1) {
          problems.add(
              owner + ": queue " + queue.logicalId() + " needs RedrivePolicy.maxReceiveCount >= 1");
        }
        JsonNode visibility = queue.properties().path("VisibilityTimeout");
        // Lambda refuses an SQS mapping whose queue would redeliver while the function still runs.
        if ((visibility.isMissingNode() || visibility.canConvertToInt())
            && visibility.asInt(30) < timeout) {
          problems.add(
              owner
                  + ": queue "
                  + queue.logicalId()
                  + " VisibilityTimeout "
                  + visibility.asInt(30)
                  + " is shorter than the function Timeout "
                  + timeout);
        }
      }
    }
    return problems;
  }

  /**
   * Environment variables live only in Globals: locally every function shares one process
   * environment.
   */
  static List<String> environment(SamTemplate template) {
    List<String> problems = new ArrayList<>();
    for (TemplateResource resource : template.resourcesOfType(SamTemplate.FUNCTION_TYPE)) {
      JsonNode own = resource.properties().path("Environment").path("Variables");
      if (own.isObject() && !own.isEmpty()) {
        List<String> names = new ArrayList<>();
        own.fieldNames().forEachRemaining(names::add);
        problems.add(
            resource.logicalId()
                + " declares its own environment variables "
                + names
                + "; declare them in Globals.Function.Environment.Variables, because the local"
                + " runner hosts every function in one process environment");
      }
      if (resource.properties().path("Environment").isObject()
          && !(own.isObject() || own.isMissingNode())) {
        problems.add(resource.logicalId() + ": Environment.Variables must be a mapping");
      }
    }
    return problems;
  }

  /** Globals sections and properties are ones the SAM transform accepts. */
  static List<String> globals(SamTemplate template) {
    List<String> problems = new ArrayList<>();
    template
        .raw()
        .path("Globals")
        .properties()
        .forEach(
            section -> {
              Set<String> supported = SAM_GLOBALS.get(section.getKey());
              if (supported == null) {
                problems.add("Globals." + section.getKey() + " is not a Globals section SAM knows");
                return;
              }
              section
                  .getValue()
                  .fieldNames()
                  .forEachRemaining(
                      name -> {
                        if (!supported.contains(name)) {
                          problems.add(
                              "Globals."
                                  + section.getKey()
                                  + "."
                                  + name
                                  + " is not supported by SAM (the transform rejects it)");
                        }
                      });
            });
    return problems;
  }

  /** Every file under events/ belongs to a function, and every function has a sample. */
  static List<String> sampleLayout(Path root, SamTemplate template) {
    List<String> problems = new ArrayList<>();
    List<SampleEventChecks.Sample> samples = SampleEventChecks.samples(root, template, problems);
    for (FunctionDef function : template.functions()) {
      if (samples.stream().noneMatch(s -> s.functionLogicalId().equals(function.logicalId()))) {
        problems.add(
            function.logicalId()
                + " has no sample event at events/"
                + function.logicalId()
                + "/*.json");
      }
    }
    return problems;
  }

  static List<String> references(SamTemplate template) {
    return TemplateReferences.problems(template);
  }

  static List<String> sampleContents(Path root, SamTemplate template) {
    return SampleEventChecks.contentProblems(root, template);
  }

  private static boolean isOfType(SamTemplate template, String logicalId, String type) {
    TemplateResource resource = template.resources().get(logicalId);
    return resource != null && resource.type().equals(type);
  }

  private static Set<String> rootModules(Path root) {
    Set<String> modules = new LinkedHashSet<>();
    Element project = parse(root.resolve("pom.xml"));
    for (Node section = project.getFirstChild();
        section != null;
        section = section.getNextSibling()) {
      if (section instanceof Element e && e.getTagName().equals("modules")) {
        for (Node m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
          if (m instanceof Element module && module.getTagName().equals("module")) {
            modules.add(module.getTextContent().trim());
          }
        }
      }
    }
    return modules;
  }

  private static Element parse(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
    }
  }

  /** Text of a direct child element: the project's own artifactId, not its parent's. */
  private static String childText(Element element, String name) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}
