package com.aigency.local.runtime;

import com.aigency.local.template.HttpApiRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request to an HttpApi route as API Gateway does: literal segments beat {@code {param}},
 * which beats a greedy {@code {proxy+}}; a method beats {@code ANY}; {@code $default} catches the rest.
 */
final class RouteTable {
  record Target(String functionLogicalId, HttpApiRoute route) {}

  record Match(Target target, Map<String, String> pathParameters) {}

  private final List<Target> targets = new ArrayList<>();

  void add(String functionLogicalId, HttpApiRoute route) {
    targets.add(new Target(functionLogicalId, route));
  }

  List<Target> targets() {
    return List.copyOf(targets);
  }

  Optional<Match> match(String method, String path) {
    List<String> segments = segments(path);
    return targets.stream()
        .filter(t -> !t.route().path().equals("$default"))
        .filter(t -> t.route().method().equals("ANY") || t.route().method().equals(method))
        .map(t -> bind(t, segments))
        .flatMap(Optional::stream)
        .max(Comparator.comparingInt((Match m) -> specificity(m.target().route()))
            .thenComparing(m -> m.target().route().method().equals("ANY") ? 0 : 1))
        .or(
            () ->
                targets.stream()
                    .filter(t -> t.route().path().equals("$default"))
                    .findFirst()
                    .map(t -> new Match(t, Map.of())));
  }

  /** True when some route has this path under another method (API Gateway still answers 404). */
  boolean pathExists(String path) {
    List<String> segments = segments(path);
    return targets.stream().anyMatch(t -> bind(t, segments).isPresent());
  }

  private static Optional<Match> bind(Target target, List<String> actual) {
    if (target.route().path().equals("$default")) {
      return Optional.empty();
    }
    List<String> pattern = segments(target.route().path());
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (p.startsWith("{") && p.endsWith("+}")) {
        if (i >= actual.size()) {
          return Optional.empty();
        }
        params.put(p.substring(1, p.length() - 2), String.join("/", actual.subList(i, actual.size())));
        return Optional.of(new Match(target, params));
      }
      if (i >= actual.size()) {
        return Optional.empty();
      }
      if (p.startsWith("{") && p.endsWith("}")) {
        params.put(p.substring(1, p.length() - 1), actual.get(i));
      } else if (!p.equals(actual.get(i))) {
        return Optional.empty();
      }
    }
    return pattern.size() == actual.size() ? Optional.of(new Match(target, params)) : Optional.empty();
  }

  private static int specificity(HttpApiRoute route) {
    int score = 0;
    for (String s : segments(route.path())) {
      score = score * 4 + (s.endsWith("+}") ? 1 : s.startsWith("{") ? 2 : 3);
    }
    return score;
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
