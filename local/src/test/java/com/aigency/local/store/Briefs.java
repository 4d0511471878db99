package com.aigency.local.store;

import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Valid project and brief bodies, and briefs, for the store and service tests. */
final class Briefs {
  private Briefs() {}

  static ProjectBrief brief(String product, Instant at) {
    return new ProjectBrief(
        "Family-run sourdough bakery in Lisbon",
        product,
        "Residents aged 25-45 within 3 km",
        Goal.LEADS,
        150_000L,
        "EUR",
        "Lisbon, Portugal",
        "48-hour fermented sourdough",
        "https://cornerbakery.example.com",
        at);
  }

  /** The body of POST /projects. */
  static ObjectNode newProject(String name) {
    return Json.MAPPER.createObjectNode().put("name", name);
  }

  static ObjectNode body(String product) {
    return (ObjectNode)
        Json.read(
            """
            {
              "businessDescription": "Family-run sourdough bakery in Lisbon",
              "product": "%s",
              "targetAudience": "Residents aged 25-45 within 3 km",
              "goal": "SALES",
              "monthlyBudget": 90000,
              "currency": "JPY",
              "location": "Lisbon, Portugal",
              "websiteUrl": "https://cornerbakery.example.com/brunch"
            }
            """
                .formatted(product));
  }
}
