package com.aigency.shared.conversations;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An agent's versioned prompt and output schema, read once from {@code agents/<agent>/prompt.vN.md}
 * and {@code schema.vN.json} on the classpath. Bumping N keeps old runs explainable.
 */
public record AgentPrompt(String agent, int version, String systemPrompt, JsonNode outputSchema) {

  public static AgentPrompt load(String agent, int version) {
    String base = "agents/" + agent + "/";
    return new AgentPrompt(
        agent, version, read(base + "prompt.v" + version + ".md"), Json.read(read(base + "schema.v" + version + ".json")));
  }

  public String schemaName() {
    return agent.replace('-', '_') + "_v" + version;
  }

  private static String read(String resource) {
    try (InputStream in = AgentPrompt.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
