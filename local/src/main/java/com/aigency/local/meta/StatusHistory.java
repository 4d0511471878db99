package com.aigency.local.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The clock times at which campaigns, ad sets and ads changed status or budget, kept on the
 * object nodes as hidden {@code _statusHistory} and {@code _budgetHistory} arrays (hidden from
 * field selection, saved with the data file). Delivery is computed from them, so a pause stops
 * it at the exact second and a budget change applies from the moment it was made.
 */
final class StatusHistory {

  private StatusHistory() {}

  static final String STATUS = "_statusHistory";
  static final String BUDGET = "_budgetHistory";

  private static final Set<String> TRACKED = Set.of("campaign", "adset", "ad");

  /** Appends an entry for every tracked value that differs from the last one recorded. */
  static void record(ObjectNode o, Instant at) {
    if (!TRACKED.contains(o.path("_type").asText())) {
      return;
    }
    long t = at.getEpochSecond();
    String status = o.path("status").asText(null);
    ArrayNode statuses = array(o, STATUS);
    if (status != null
        && (statuses.isEmpty() || !statuses.get(statuses.size() - 1).path("status").asText().equals(status))) {
      statuses.addObject().put("at", t).put("status", status);
    }
    if (!o.path("_type").asText().equals("ad")) {
      long daily = o.path("daily_budget").asLong(0);
      long lifetime = o.path("lifetime_budget").asLong(0);
      ArrayNode budgets = array(o, BUDGET);
      JsonNode last = budgets.isEmpty() ? null : budgets.get(budgets.size() - 1);
      if (last == null
          || last.path("daily_budget").asLong(0) != daily
          || last.path("lifetime_budget").asLong(0) != lifetime) {
        budgets.addObject().put("at", t).put("daily_budget", daily).put("lifetime_budget", lifetime);
      }
    }
  }

  private static ArrayNode array(ObjectNode o, String field) {
    JsonNode n = o.get(field);
    return n instanceof ArrayNode a ? a : o.putArray(field);
  }

  /** Status changes; objects saved before histories existed count as created in their status. */
  static List<DeliveryModel.StatusChange> statuses(ObjectNode o) {
    List<DeliveryModel.StatusChange> out = new ArrayList<>();
    for (JsonNode e : o.path(STATUS)) {
      out.add(new DeliveryModel.StatusChange(e.path("at").asLong(), e.path("status").asText()));
    }
    if (out.isEmpty() && o.has("status")) {
      out.add(new DeliveryModel.StatusChange(epoch(o.path("created_time").asText(null), 0), o.path("status").asText()));
    }
    return out;
  }

  static List<DeliveryModel.BudgetChange> budgets(ObjectNode o) {
    List<DeliveryModel.BudgetChange> out = new ArrayList<>();
    for (JsonNode e : o.path(BUDGET)) {
      out.add(
          new DeliveryModel.BudgetChange(
              e.path("at").asLong(), e.path("daily_budget").asLong(0), e.path("lifetime_budget").asLong(0)));
    }
    if (out.isEmpty() && (o.has("daily_budget") || o.has("lifetime_budget"))) {
      out.add(
          new DeliveryModel.BudgetChange(
              epoch(o.path("created_time").asText(null), 0),
              o.path("daily_budget").asLong(0),
              o.path("lifetime_budget").asLong(0)));
    }
    return out;
  }

  /**
   * Epoch seconds of a Graph time ({@code 2025-03-03T10:00:00+0000}, ISO-8601 with an offset, or
   * epoch seconds); {@code fallback} when absent or unreadable.
   */
  static long epoch(String time, long fallback) {
    if (time == null || time.isBlank()) {
      return fallback;
    }
    String t = time.trim();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException ignored) {
      // not epoch seconds
    }
    for (DateTimeFormatter f :
        List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"), DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
      try {
        return OffsetDateTime.parse(t, f).toEpochSecond();
      } catch (DateTimeParseException ignored) {
        // try the next format
      }
    }
    try {
      return Instant.parse(t).getEpochSecond();
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
