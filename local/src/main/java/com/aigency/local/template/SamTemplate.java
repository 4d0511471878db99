package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable model of a SAM template: what the local runner wires and what the consistency tests
 * check. Everything is derived once, at load, so a template the model cannot represent fails at
 * load with the resource named instead of half-working later.
 *
 * <p>JSON values handed out by records belong to this model; treat them as read-only. {@link
 * #raw()} returns a fresh copy.
 */
public final class SamTemplate {

  public static final String FUNCTION_TYPE = "AWS::Serverless::Function";
  public static final String HTTP_API_TYPE = "AWS::Serverless::HttpApi";
  public static final String STATE_MACHINE_TYPE = "AWS::Serverless::StateMachine";

  private final Path baseDir;
  private final ObjectNode raw;
  private final Map<String, JsonNode> parameters;
  private final Map<String, TemplateResource> resources;
  private final Map<String, JsonNode> conditions;
  private final Map<String, FunctionDef> functions;
  private final Map<String, HttpApiDef> httpApis;
  private final List<StateMachineDef> stateMachines;

  private SamTemplate(JsonNode template, Path baseDir) {
    if (!template.isObject()) {
      throw new TemplateException("a template must be a mapping");
    }
    this.baseDir = baseDir.toAbsolutePath().normalize();
    this.raw = (ObjectNode) template.deepCopy();
    this.parameters = Nodes.fields(raw.path("Parameters"));
    this.conditions = Nodes.fields(raw.path("Conditions"));
    this.resources = readResources(raw.path("Resources"));
    this.functions = readFunctions();
    this.httpApis = readHttpApis();
    this.stateMachines = readStateMachines();
    validateRouteAuthorizers();
  }

  /**
   * Loads the template file; relative paths in it (CodeUri, DefinitionUri) resolve against its
   * folder.
   */
  public static SamTemplate load(Path templateFile) {
    Path absolute = templateFile.toAbsolutePath().normalize();
    return new SamTemplate(TemplateLoader.load(absolute), absolute.getParent());
  }

  /** A model over an already loaded tree (see {@link TemplateLoader}). */
  public static SamTemplate of(JsonNode template, Path baseDir) {
    return new SamTemplate(template, baseDir);
  }

  /** Parses template text, mainly for tests with small inline templates. */
  public static SamTemplate parse(String yaml, Path baseDir) {
    return new SamTemplate(TemplateLoader.parse(yaml, "inline template"), baseDir);
  }

  /** The folder holding the template. */
  public Path baseDir() {
    return baseDir;
  }

  /** A copy of the whole loaded tree (short forms already in long form). */
  public JsonNode raw() {
    return raw.deepCopy();
  }

  /** Parameters by name, in template order. */
  public Map<String, JsonNode> parameters() {
    return parameters;
  }

  /** Resources by logical id, in template order, as written (no Globals applied). */
  public Map<String, TemplateResource> resources() {
    return resources;
  }

  public List<TemplateResource> resourcesOfType(String type) {
    return resources.values().stream().filter(r -> r.type().equals(type)).toList();
  }

  /** Conditions by name, in template order, unevaluated. */
  public Map<String, JsonNode> conditions() {
    return conditions;
  }

  /** Every AWS::Serverless::Function, Globals.Function merged, in template order. */
  public List<FunctionDef> functions() {
    return List.copyOf(functions.values());
  }

  public FunctionDef function(String logicalId) {
    FunctionDef function = functions.get(logicalId);
    if (function == null) {
      throw new TemplateException(
          "no " + FUNCTION_TYPE + " named " + logicalId + "; declared: " + functions.keySet());
    }
    return function;
  }

  /**
   * Every AWS::Serverless::HttpApi in template order, Globals.HttpApi merged, followed by the
   * implicit {@code ServerlessHttpApi} when some HttpApi event has no ApiId (SAM generates it).
   */
  public List<HttpApiDef> httpApis() {
    return List.copyOf(httpApis.values());
  }

  public HttpApiDef httpApi(String logicalId) {
    HttpApiDef api = httpApis.get(logicalId);
    if (api == null) {
      throw new TemplateException(
          "no " + HTTP_API_TYPE + " named " + logicalId + "; declared: " + httpApis.keySet());
    }
    return api;
  }

  /** The authorizer API Gateway runs before {@code route}: its API's default, unless disabled. */
  public Optional<AuthorizerDef> authorizerFor(HttpApiRoute route) {
    HttpApiDef api = httpApis.get(route.effectiveApiLogicalId());
    if (api == null || route.authorizerDisabled()) {
      return Optional.empty();
    }
    return Optional.ofNullable(api.defaultAuthorizer());
  }

  /** Every AWS::Serverless::StateMachine, in template order. */
  public List<StateMachineDef> stateMachines() {
    return stateMachines;
  }

  /** The Mappings section, for Fn::FindInMap. */
  JsonNode mappings() {
    return raw.path("Mappings");
  }

  private static Map<String, TemplateResource> readResources(JsonNode section) {
    if (!section.isObject() || section.isEmpty()) {
      throw new TemplateException("the template has no Resources mapping");
    }
    Map<String, TemplateResource> resources = new LinkedHashMap<>();
    section
        .properties()
        .forEach(
            e -> {
              JsonNode resource = e.getValue();
              String type = Nodes.literal(resource.path("Type"), e.getKey() + " Type");
              if (type == null) {
                throw new TemplateException("resource " + e.getKey() + " has no Type");
              }
              JsonNode properties = resource.path("Properties");
              if (!properties.isMissingNode() && !properties.isObject()) {
                throw new TemplateException(
                    "resource " + e.getKey() + ": Properties must be a mapping");
              }
              resources.put(
                  e.getKey(),
                  new TemplateResource(
                      e.getKey(),
                      type,
                      properties.isObject()
                          ? properties.deepCopy()
                          : JsonNodeFactory.instance.objectNode()));
            });
    return Collections.unmodifiableMap(resources);
  }

  /**
   * Properties with the Globals section for the resource's type merged, honouring IgnoreGlobals.
   */
  private JsonNode mergedProperties(TemplateResource resource, String globalsSection) {
    JsonNode globals = raw.path("Globals").path(globalsSection);
    if (!globals.isObject()) {
      return resource.properties().deepCopy();
    }
    ObjectNode applicable = (ObjectNode) globals.deepCopy();
    JsonNode ignore = raw.path("Resources").path(resource.logicalId()).path("IgnoreGlobals");
    if (ignore.isTextual() && ignore.asText().equals("*")) {
      return resource.properties().deepCopy();
    }
    for (String key : Nodes.stringList(ignore, resource.logicalId() + " IgnoreGlobals")) {
      if (applicable.remove(key) == null) {
        throw new TemplateException(
            resource.logicalId() + ": IgnoreGlobals names " + key + ", which Globals does not set");
      }
    }
    return GlobalsMerge.merge(applicable, resource.properties());
  }

  private Map<String, FunctionDef> readFunctions() {
    Map<String, FunctionDef> result = new LinkedHashMap<>();
    for (TemplateResource resource : resourcesOfType(FUNCTION_TYPE)) {
      String id = resource.logicalId();
      JsonNode props = mergedProperties(resource, "Function");
      String handler = Nodes.literal(props.path("Handler"), id + " Handler");
      if (handler == null) {
        throw new TemplateException(id + ": Handler is required");
      }
      int separator = handler.indexOf("::");
      String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
      String handlerMethod = separator < 0 ? null : handler.substring(separator + 2);
      String codeUri = Nodes.literal(props.path("CodeUri"), id + " CodeUri");
      if (codeUri == null) {
        throw new TemplateException(id + ": CodeUri is required (a path to the function's jar)");
      }
      Map<String, JsonNode> environment = Nodes.fields(props.path("Environment").path("Variables"));
      List<EventSourceDef> events =
          EventSources.parse(id, props.path("Events"), EventSources.FUNCTION);
      result.put(
          id,
          new FunctionDef(
              id, handler, handlerClass, handlerMethod, codeUri, environment, events, props));
    }
    return Collections.unmodifiableMap(result);
  }

  private Map<String, HttpApiDef> readHttpApis() {
    Map<String, HttpApiDef> result = new LinkedHashMap<>();
    for (TemplateResource resource : resourcesOfType(HTTP_API_TYPE)) {
      JsonNode props = mergedProperties(resource, "HttpApi");
      result.put(resource.logicalId(), httpApi(resource.logicalId(), props));
    }
    boolean implicitUsed =
        functions.values().stream()
            .flatMap(f -> f.httpApiRoutes().stream())
            .anyMatch(r -> r.apiLogicalId() == null);
    if (implicitUsed && !result.containsKey(HttpApiRoute.IMPLICIT_API)) {
      JsonNode globals = raw.path("Globals").path("HttpApi");
      JsonNode props =
          globals.isObject() ? globals.deepCopy() : JsonNodeFactory.instance.objectNode();
      result.put(HttpApiRoute.IMPLICIT_API, httpApi(HttpApiRoute.IMPLICIT_API, props));
    }
    return Collections.unmodifiableMap(result);
  }

  private static HttpApiDef httpApi(String id, JsonNode props) {
    JsonNode auth = props.path("Auth");
    Map<String, AuthorizerDef> authorizers = new LinkedHashMap<>();
    Nodes.fields(auth.path("Authorizers"))
        .forEach((name, def) -> authorizers.put(name, authorizer(id, name, def)));
    String defaultName = Nodes.literal(auth.path("DefaultAuthorizer"), id + " DefaultAuthorizer");
    AuthorizerDef defaultAuthorizer = null;
    if (defaultName != null) {
      defaultAuthorizer = authorizers.get(defaultName);
      if (defaultAuthorizer == null) {
        throw new TemplateException(
            id
                + ": DefaultAuthorizer "
                + defaultName
                + " is not one of Auth.Authorizers "
                + authorizers.keySet());
      }
    }
    return new HttpApiDef(id, props, defaultAuthorizer, authorizers);
  }

  private static AuthorizerDef authorizer(String apiId, String name, JsonNode def) {
    String where = apiId + " authorizer " + name;
    List<String> function = Nodes.getAttTarget(def.path("FunctionArn"));
    if (function == null || !function.get(1).equals("Arn")) {
      throw new TemplateException(
          where
              + ": only Lambda authorizers with FunctionArn: !GetAtt <Function>.Arn are"
              + " supported, found "
              + def.path("FunctionArn"));
    }
    String format =
        Nodes.literal(def.path("AuthorizerPayloadFormatVersion"), where + " payload format");
    if (format == null) {
      throw new TemplateException(where + ": AuthorizerPayloadFormatVersion is required");
    }
    JsonNode identity = def.path("Identity");
    String ttl = Nodes.literal(identity.path("ReauthorizeEvery"), where + " ReauthorizeEvery");
    int ttlSeconds;
    try {
      ttlSeconds = ttl == null ? 300 : Integer.parseInt(ttl);
    } catch (NumberFormatException e) {
      throw new TemplateException(where + ": ReauthorizeEvery must be an integer", e);
    }
    return new AuthorizerDef(
        name,
        function.get(0),
        Nodes.stringList(identity.path("Headers"), where + " Identity.Headers"),
        "true".equals(Nodes.literal(def.path("EnableSimpleResponses"), where)),
        format,
        ttlSeconds);
  }

  /**
   * HttpApiRoute only records whether the API's default authorizer is switched off, so a route
   * naming some other authorizer cannot be represented: reject it instead of securing the route
   * with the wrong authorizer locally.
   */
  private void validateRouteAuthorizers() {
    for (FunctionDef function : functions.values()) {
      for (HttpApiRoute route : function.httpApiRoutes()) {
        JsonNode named =
            function
                .properties()
                .path("Events")
                .path(route.eventName())
                .path("Properties")
                .path("Auth")
                .path("Authorizer");
        String name = Nodes.literal(named, function.logicalId() + " Auth.Authorizer");
        if (name == null || name.equals("NONE")) {
          continue;
        }
        HttpApiDef api = httpApis.get(route.effectiveApiLogicalId());
        AuthorizerDef defaultAuthorizer = api == null ? null : api.defaultAuthorizer();
        if (defaultAuthorizer == null || !defaultAuthorizer.name().equals(name)) {
          throw new TemplateException(
              function.logicalId()
                  + " event "
                  + route.eventName()
                  + ": Auth.Authorizer "
                  + name
                  + " is neither NONE nor the DefaultAuthorizer of "
                  + route.effectiveApiLogicalId());
        }
      }
    }
  }

  private List<StateMachineDef> readStateMachines() {
    List<StateMachineDef> result = new ArrayList<>();
    for (TemplateResource resource : resourcesOfType(STATE_MACHINE_TYPE)) {
      String id = resource.logicalId();
      JsonNode props = mergedProperties(resource, "StateMachine");
      String uri = Nodes.literal(props.path("DefinitionUri"), id + " DefinitionUri");
      if (uri == null) {
        throw new TemplateException(
            id
                + ": DefinitionUri (a path to an .asl.json file) is required; the local engine"
                + " loads ASL from files");
      }
      JsonNode substitutions = props.path("DefinitionSubstitutions");
      if (!substitutions.isMissingNode() && !substitutions.isObject()) {
        throw new TemplateException(id + ": DefinitionSubstitutions must be a mapping");
      }
      StateMachineDef machine =
          new StateMachineDef(
              id, baseDir.resolve(uri).normalize(), Nodes.fields(substitutions), props);
      machine.events(); // parse now so an unsupported event fails the load, not the runner later
      result.add(machine);
    }
    return List.copyOf(result);
  }
}
