package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates parsed JSONPath steps with the result shape of Jayway JsonPath, the library Step
 * Functions uses: a definite path yields one node or nothing; an indefinite path yields an array of
 * every match (possibly empty), except that a miss on the definite prefix of the path (a missing
 * member, or a member of the wrong type) is still "not found", as Jayway throws there.
 */
final class PathEvaluator {
  private PathEvaluator() {}

  /** Jayway's PathNotFoundException on a definite prefix; carries no stack. */
  private static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound() {
      super(null, null, false, false);
    }
  }

  static Optional<JsonNode> select(JsonNode root, List<PathStep> steps) {
    List<JsonNode> matches = new ArrayList<>();
    try {
      evaluate(root, steps, 0, true, matches);
    } catch (NotFound notFound) {
      return Optional.empty();
    }
    if (isDefinite(steps)) {
      return matches.isEmpty() ? Optional.empty() : Optional.of(matches.getFirst());
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    matches.forEach(array::add);
    return Optional.of(array);
  }

  static boolean isDefinite(List<PathStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      PathStep step = steps.get(i);
      boolean mergeAtEnd = step instanceof PathStep.Names && i == steps.size() - 1;
      if (!step.definite() && !mergeAtEnd) {
        return false;
      }
    }
    return true;
  }

  private static void evaluate(
      JsonNode node, List<PathStep> steps, int i, boolean upstreamDefinite, List<JsonNode> out) {
    if (i == steps.size()) {
      out.add(node);
      return;
    }
    apply(steps.get(i), node, steps, i + 1, upstreamDefinite, out);
  }

  /** Applies {@code step} to {@code node}, continuing with {@code steps[next..]}. */
  private static void apply(
      PathStep step,
      JsonNode node,
      List<PathStep> steps,
      int next,
      boolean upstreamDefinite,
      List<JsonNode> out) {
    boolean leaf = next == steps.size();
    switch (step) {
      case PathStep.Name name -> {
        if (!node.isObject()) {
          failIf(upstreamDefinite);
          return;
        }
        JsonNode child = node.get(name.name());
        if (child == null) {
          failIf(upstreamDefinite && !leaf);
          return;
        }
        evaluate(child, steps, next, upstreamDefinite, out);
      }
      case PathStep.Names names -> {
        if (!node.isObject()) {
          failIf(upstreamDefinite);
          return;
        }
        if (leaf) {
          ObjectNode merged = JsonNodeFactory.instance.objectNode();
          names.names().stream().filter(node::has).forEach(n -> merged.set(n, node.get(n)));
          out.add(merged);
          return;
        }
        for (String n : names.names()) {
          if (node.has(n)) {
            evaluate(node.get(n), steps, next, false, out);
          }
        }
      }
      case PathStep.Index index -> {
        if (!node.isArray()) {
          failIf(upstreamDefinite);
          return;
        }
        int k = index.index() < 0 ? node.size() + index.index() : index.index();
        if (k >= 0 && k < node.size()) {
          evaluate(node.get(k), steps, next, upstreamDefinite, out);
        }
      }
      case PathStep.Indexes indexes -> {
        if (!node.isArray()) {
          failIf(upstreamDefinite);
          return;
        }
        for (int index : indexes.indexes()) {
          int k = index < 0 ? node.size() + index : index;
          if (k >= 0 && k < node.size()) {
            evaluate(node.get(k), steps, next, false, out);
          }
        }
      }
      case PathStep.Slice slice -> {
        if (!node.isArray()) {
          failIf(upstreamDefinite);
          return;
        }
        int size = node.size();
        int from = bound(slice.from(), 0, size);
        int to = bound(slice.to(), size, size);
        for (int k = from; k < to; k++) {
          evaluate(node.get(k), steps, next, false, out);
        }
      }
      case PathStep.Wildcard wildcard -> {
        if (node.isObject()) {
          for (Map.Entry<String, JsonNode> member : node.properties()) {
            evaluate(member.getValue(), steps, next, false, out);
          }
        } else if (node.isArray()) {
          for (JsonNode element : node) {
            evaluate(element, steps, next, false, out);
          }
        }
      }
      case PathStep.Filter filter -> {
        if (node.isObject()) {
          // Jayway tests a filter on an object against the object itself.
          if (filter.expression().test(node)) {
            evaluate(node, steps, next, false, out);
          }
        } else if (node.isArray()) {
          for (JsonNode element : node) {
            // AWS: "@ ... does not match scalar values. It only matches objects."
            if (element.isObject() && filter.expression().test(element)) {
              evaluate(element, steps, next, false, out);
            }
          }
        } else {
          failIf(upstreamDefinite);
        }
      }
      case PathStep.Scan scan -> scan(node, scan.target(), steps, next, out);
    }
  }

  /** Jayway's deep scan: pre-order over containers, applying the target where it can apply. */
  private static void scan(
      JsonNode node, PathStep target, List<PathStep> steps, int next, List<JsonNode> out) {
    if (!node.isContainerNode()) {
      return;
    }
    if (scanApplies(target, node)) {
      apply(target, node, steps, next, false, out);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        scan(member.getValue(), target, steps, next, out);
      }
    } else {
      for (JsonNode element : node) {
        scan(element, target, steps, next, out);
      }
    }
  }

  private static boolean scanApplies(PathStep target, JsonNode node) {
    return switch (target) {
      case PathStep.Name name -> node.isObject() && node.has(name.name());
      case PathStep.Names names -> node.isObject() && names.names().stream().allMatch(node::has);
      case PathStep.Index i -> node.isArray();
      case PathStep.Indexes i -> node.isArray();
      case PathStep.Slice s -> node.isArray();
      case PathStep.Wildcard w -> true;
      case PathStep.Filter f -> node.isObject() && f.expression().test(node);
      case PathStep.Scan s -> false;
    };
  }

  private static int bound(Integer value, int absent, int size) {
    if (value == null) {
      return absent;
    }
    int v = value < 0 ? size + value : value;
    return Math.max(0, Math.min(size, v));
  }

  private static void failIf(boolean condition) {
    if (condition) {
      throw new NotFound();
    }
  }
}
