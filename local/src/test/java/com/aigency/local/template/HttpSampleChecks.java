package com.aigency.local.template;

import static com.aigency.local.template.SampleEventChecks.blank;
import static com.aigency.local.template.SampleEventChecks.lowerCase;

import com.aigency.local.template.SampleEventChecks.Sample;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an HTTP API (payload 2.0) sample must carry for its route, and what an authorizer sample
 * must carry for the routes it protects.
 */
final class HttpSampleChecks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpSampleChecks() {}

  static void route(
      Sample sample,
      FunctionDef function,
      APIGatewayV2HTTPEvent event,
      SamTemplate template,
      List<String> problems,
      Map<String, Map<Set<String>, List<String>>> contextKeys) {
    String where = sample.label();
    List<HttpApiRoute> routes = function.httpApiRoutes();
    Optional<HttpApiRoute> found =
        routes.stream().filter(r -> r.routeKey().equals(event.getRouteKey())).findFirst();
    if (found.isEmpty()) {
      problems.add(
          where
              + ": routeKey "
              + event.getRouteKey()
              + " is none of "
              + function.logicalId()
              + "'s routes "
              + routes.stream().map(HttpApiRoute::routeKey).toList());
      return;
    }
    HttpApiRoute route = found.get();
    if (!"2.0".equals(event.getVersion())) {
      problems.add(
          where + ": version must be 2.0 (payload format 2.0), found " + event.getVersion());
    }
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    if (context == null || context.getHttp() == null) {
      problems.add(where + ": requestContext.http is missing");
      return;
    }
    if (blank(context.getAccountId())
        || blank(context.getApiId())
        || blank(context.getDomainName())
        || blank(context.getRequestId())
        || blank(context.getStage())
        || blank(context.getTime())
        || context.getTimeEpoch() <= 0) {
      problems.add(
          where
              + ": requestContext needs accountId, apiId, domainName, requestId, stage, time and"
              + " timeEpoch");
    }
    requestLine(
        where,
        route,
        event.getRouteKey(),
        event.getRawPath(),
        context.getRouteKey(),
        context.getHttp().getMethod(),
        context.getHttp().getPath(),
        context.getStage(),
        event.getPathParameters(),
        problems);
    headers(where, event.getHeaders(), problems);
    query(where, event.getRawQueryString(), event.getQueryStringParameters(), problems);
    body(where, event, problems);
    Map<String, Object> lambda =
        context.getAuthorizer() == null ? null : context.getAuthorizer().getLambda();
    Optional<AuthorizerDef> authorizer = template.authorizerFor(route);
    if (authorizer.isPresent()) {
      if (lambda == null || lambda.isEmpty()) {
        problems.add(
            where
                + ": route "
                + route.routeKey()
                + " is behind authorizer "
                + authorizer.get().name()
                + ", so requestContext.authorizer.lambda must hold its"
                + " context");
      } else {
        contextKeys
            .computeIfAbsent(authorizer.get().functionLogicalId(), k -> new LinkedHashMap<>())
            .computeIfAbsent(new TreeSet<>(lambda.keySet()), k -> new ArrayList<>())
            .add(where);
      }
    } else if (lambda != null && !lambda.isEmpty()) {
      problems.add(
          where
              + ": route "
              + route.routeKey()
              + " has no authorizer, yet the sample carries an"
              + " authorizer context");
    }
  }

  static void authorizer(
      Sample sample,
      FunctionDef function,
      APIGatewayV2CustomAuthorizerEvent event,
      SamTemplate template,
      List<String> problems) {
    String where = sample.label();
    Map<String, HttpApiRoute> guarded = new LinkedHashMap<>();
    Map<String, AuthorizerDef> authorizerOf = new LinkedHashMap<>();
    for (FunctionDef other : template.functions()) {
      for (HttpApiRoute route : other.httpApiRoutes()) {
        template
            .authorizerFor(route)
            .filter(a -> a.functionLogicalId().equals(function.logicalId()))
            .ifPresent(
                a -> {
                  guarded.putIfAbsent(route.routeKey(), route);
                  authorizerOf.putIfAbsent(route.routeKey(), a);
                });
      }
    }
    if (guarded.isEmpty()) {
      problems.add(
          where + ": " + function.logicalId() + " authorizes no route, so it gets no requests");
      return;
    }
    HttpApiRoute route = guarded.get(event.getRouteKey());
    if (route == null) {
      problems.add(
          where
              + ": routeKey "
              + event.getRouteKey()
              + " is none of the routes "
              + function.logicalId()
              + " authorizes "
              + guarded.keySet());
      return;
    }
    AuthorizerDef authorizer = authorizerOf.get(route.routeKey());
    if (!"REQUEST".equals(event.getType())) {
      problems.add(where + ": type must be REQUEST, found " + event.getType());
    }
    if (!authorizer.payloadFormatVersion().equals(event.getVersion())) {
      problems.add(
          where
              + ": version must be "
              + authorizer.payloadFormatVersion()
              + " (the authorizer's"
              + " AuthorizerPayloadFormatVersion), found "
              + event.getVersion());
    }
    APIGatewayV2CustomAuthorizerEvent.RequestContext context = event.getRequestContext();
    if (context == null || context.getHttp() == null) {
      problems.add(where + ": requestContext.http is missing");
      return;
    }
    requestLine(
        where,
        route,
        event.getRouteKey(),
        event.getRawPath(),
        context.getRouteKey(),
        context.getHttp().getMethod(),
        context.getHttp().getPath(),
        context.getStage(),
        event.getPathParameters(),
        problems);
    String expectedArnEnd =
        "/" + context.getStage() + "/" + context.getHttp().getMethod() + event.getRawPath();
    if (event.getRouteArn() == null
        || !event.getRouteArn().startsWith("arn:aws:execute-api:")
        || !event.getRouteArn().endsWith(expectedArnEnd)) {
      problems.add(
          where
              + ": routeArn must be arn:aws:execute-api:...:<apiId>"
              + expectedArnEnd
              + ", found "
              + event.getRouteArn());
    }
    headers(where, event.getHeaders(), problems);
    query(where, event.getRawQueryString(), event.getQueryStringParameters(), problems);
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    List<String> identity =
        authorizer.identityHeaders().stream()
            .map(h -> headers.get(h.toLowerCase(Locale.ROOT)))
            .toList();
    if (identity.contains(null)) {
      problems.add(
          where
              + ": headers lack an identity source "
              + authorizer.identityHeaders()
              + "; API Gateway would answer 401 without calling the authorizer");
    } else if (!identity.equals(event.getIdentitySource())) {
      problems.add(
          where
              + ": identitySource must be the identity header values "
              + identity
              + ", found "
              + event.getIdentitySource());
    }
  }

  /** The route key, path and method fields both event shapes share. */
  private static void requestLine(
      String where,
      HttpApiRoute route,
      String routeKey,
      String rawPath,
      String contextRouteKey,
      String method,
      String httpPath,
      String stage,
      Map<String, String> pathParameters,
      List<String> problems) {
    if (!routeKey.equals(contextRouteKey)) {
      problems.add(
          where
              + ": requestContext.routeKey "
              + contextRouteKey
              + " differs from routeKey "
              + routeKey);
    }
    if (blank(method) || (!route.method().equals("ANY") && !route.method().equals(method))) {
      problems.add(
          where + ": requestContext.http.method must be " + route.method() + ", found " + method);
    }
    if (blank(rawPath)) {
      problems.add(where + ": rawPath is missing");
      return;
    }
    if (!rawPath.equals(httpPath)) {
      problems.add(
          where + ": requestContext.http.path " + httpPath + " differs from rawPath " + rawPath);
    }
    Optional<Map<String, String>> parameters =
        RoutePaths.match(route.path(), RoutePaths.withoutStage(rawPath, stage));
    if (parameters.isEmpty()) {
      problems.add(where + ": rawPath " + rawPath + " does not match route path " + route.path());
      return;
    }
    Map<String, String> given = pathParameters == null ? Map.of() : pathParameters;
    if (!parameters.get().equals(given)) {
      problems.add(
          where
              + ": pathParameters must be "
              + parameters.get()
              + " (from rawPath), found "
              + given);
    }
  }

  /** API Gateway lower-cases header names in payload format 2.0. */
  private static void headers(String where, Map<String, String> headers, List<String> problems) {
    if (headers == null || headers.isEmpty()) {
      problems.add(where + ": headers are missing");
      return;
    }
    List<String> upper = headers.keySet().stream().filter(h -> !lowerCase(h)).toList();
    if (!upper.isEmpty()) {
      problems.add(where + ": header names must be lower case (payload 2.0), found " + upper);
    }
  }

  private static void query(
      String where, String raw, Map<String, String> parameters, List<String> problems) {
    Map<String, String> parsed = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        // API Gateway joins repeated parameters with commas.
        parsed.merge(name, value, (a, b) -> a + "," + b);
      }
    }
    Map<String, String> given = parameters == null ? Map.of() : parameters;
    if (raw == null) {
      problems.add(where + ": rawQueryString is missing (use \"\" for none)");
    } else if (!parsed.equals(given)) {
      problems.add(
          where + ": queryStringParameters " + given + " do not match rawQueryString " + raw);
    }
  }

  private static void body(String where, APIGatewayV2HTTPEvent event, List<String> problems) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    String contentType = Objects.requireNonNullElse(headers.get("content-type"), "");
    if (event.getBody() == null || event.getIsBase64Encoded() || !contentType.contains("json")) {
      return;
    }
    try {
      JSON.readTree(event.getBody());
    } catch (IOException e) {
      problems.add(where + ": body is declared JSON but does not parse: " + e.getMessage());
    }
  }
}
