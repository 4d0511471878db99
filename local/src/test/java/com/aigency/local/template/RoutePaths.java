package com.aigency.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches request paths against HTTP API route paths such as /projects/{id} or /files/{key+}. */
final class RoutePaths {

  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}");

  private RoutePaths() {}

  /** The path parameter names of a route path, in order. */
  static List<String> parameterNames(String routePath) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAMETER.matcher(routePath);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The path parameters when {@code path} matches {@code routePath}; empty when it does not. */
  static Optional<Map<String, String>> match(String routePath, String path) {
    if (routePath.equals("$default")) {
      return Optional.of(Map.of());
    }
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAMETER.matcher(routePath);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(routePath.substring(last, m.start())));
      regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
      last = m.end();
    }
    regex.append(Pattern.quote(routePath.substring(last)));
    Matcher matched = Pattern.compile(regex.toString()).matcher(path);
    if (!matched.matches()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> names = parameterNames(routePath);
    for (int i = 0; i < names.size(); i++) {
      parameters.put(names.get(i), matched.group(i + 1));
    }
    return Optional.of(parameters);
  }

  /** The request path without the stage prefix API Gateway adds for a named stage. */
  static String withoutStage(String rawPath, String stage) {
    if (stage == null || stage.equals("$default")) {
      return rawPath;
    }
    String prefix = "/" + stage;
    return rawPath.startsWith(prefix + "/") ? rawPath.substring(prefix.length()) : rawPath;
  }
}
