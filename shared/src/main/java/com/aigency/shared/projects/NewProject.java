package com.aigency.shared.projects;

import com.aigency.shared.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/** The body of {@code POST /projects}. */
public record NewProject(String name, Optional<String> description) {
  private static final Set<String> FIELDS = Set.of("name", "description");

  public static NewProject from(JsonNode body) {
    JsonFields fields = JsonFields.of(body, FIELDS);
    return new NewProject(fields.requiredText("name", 100), fields.optionalText("description", 1000));
  }
}
