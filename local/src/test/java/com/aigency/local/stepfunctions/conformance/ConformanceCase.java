package com.aigency.local.stepfunctions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One case of the ASL conformance suite, as written in {@code
 * src/test/resources/asl-conformance/*.json} (the format is described in that folder's README).
 *
 * @param raw the case object as written, for the fields only some runners read
 */
record ConformanceCase(
    String name,
    String file,
    String source,
    JsonNode definition,
    Map<String, JsonNode> machines,
    JsonNode input,
    Instant startTime,
    String executionName,
    JsonNode resources,
    JsonNode expect,
    boolean crossCheck,
    ObjectNode raw) {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant DEFAULT_START_TIME = Instant.parse("2024-01-15T10:00:00Z");

  /** The suite's folder: the test resources on the class path, or the source folder. */
  static Path directory() {
    URL url = ConformanceCase.class.getResource("/asl-conformance/README.md");
    if (url != null && "file".equals(url.getProtocol())) {
      try {
        return Path.of(url.toURI()).getParent();
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return RepoPaths.repoRoot().resolve("local/src/test/resources/asl-conformance");
  }

  /** The folder in the source tree (DIVERGENCES.md is read from here). */
  static Path sourceDirectory() {
    Path source = RepoPaths.repoRoot().resolve("local/src/test/resources/asl-conformance");
    return Files.isDirectory(source) ? source : directory();
  }

  /** Every case of every file, in file order; fails on duplicate names. */
  static List<ConformanceCase> loadAll() {
    Path dir = directory();
    List<ConformanceCase> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode doc = JSON.readTree(file.toFile());
        JsonNode list = doc.has("cases") ? doc.get("cases") : JSON.createArrayNode().add(doc);
        for (JsonNode node : list) {
          ConformanceCase c = parse((ObjectNode) node, dir.relativize(file).toString());
          if (!names.add(c.name())) {
            throw new IllegalStateException("duplicate conformance case name " + c.name());
          }
          cases.add(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the conformance suite in " + dir, e);
    }
    return cases;
  }

  private static ConformanceCase parse(ObjectNode node, String file) {
    String name = text(node, "name", null);
    if (name == null || !node.hasNonNull("definition") || !node.hasNonNull("expect")) {
      throw new IllegalStateException(
          "a case in " + file + " lacks name, definition or expect: " + node);
    }
    Map<String, JsonNode> machines = new LinkedHashMap<>();
    node.path("machines").properties().forEach(e -> machines.put(e.getKey(), e.getValue()));
    return new ConformanceCase(
        name,
        file,
        text(node, "source", ""),
        node.get("definition"),
        machines,
        node.has("input") ? node.get("input") : JSON.createObjectNode(),
        node.hasNonNull("startTime")
            ? Instant.parse(node.get("startTime").asText())
            : DEFAULT_START_TIME,
        text(node, "executionName", null),
        node.has("resources") ? node.get("resources") : JSON.createObjectNode(),
        node.get("expect"),
        node.path("crossCheck").asBoolean(false),
        node);
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  JsonNode field(String name) {
    JsonNode value = raw.get(name);
    return value == null ? NullNode.getInstance() : value;
  }

  @Override
  public String toString() {
    return name;
  }
}
