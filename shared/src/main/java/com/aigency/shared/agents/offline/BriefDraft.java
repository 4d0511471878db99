package com.aigency.shared.agents.offline;

import com.aigency.shared.domain.Goal;
import com.aigency.shared.projects.BriefInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The brief as known so far. The budget is held in major units until a currency is known, because
 * minor units depend on the currency ("1500" is 150000 in EUR but 1500 in JPY).
 */
final class BriefDraft {
  private final Map<BriefField, String> texts = new EnumMap<>(BriefField.class);
  private Goal goal;
  private BigDecimal budget;
  private String currency;

  /** Starts from the runtime's known brief; anything missing, null or invalid there is unknown. */
  static BriefDraft from(JsonNode known) {
    BriefDraft draft = new BriefDraft();
    if (known == null || !known.isObject()) {
      return draft;
    }
    for (BriefField field : BriefField.values()) {
      JsonNode value = known.get(field.json);
      if (field.maxLength > 0 && value != null && value.isTextual()) {
        draft.setText(field, value.asText());
      }
    }
    JsonNode goal = known.get("goal");
    if (goal != null && goal.isTextual()) {
      for (Goal candidate : Goal.values()) {
        if (candidate.name().equals(goal.asText())) {
          draft.goal = candidate;
        }
      }
    }
    JsonNode currency = known.get("currency");
    draft.currency = currency != null && currency.isTextual() ? Money.validCurrency(currency.asText()).orElse(null) : null;
    JsonNode budget = known.get("monthlyBudget");
    // minor units mean nothing without a currency, so such a budget is treated as unknown
    if (draft.currency != null && budget != null && budget.canConvertToLong() && budget.isIntegralNumber()) {
      draft.setBudget(Money.fromMinor(budget.asLong(), draft.currency));
    }
    return draft;
  }

  String text(BriefField field) {
    return texts.get(field);
  }

  /** Sets a free-text field, tidied and cut to BriefInput's limit; returns whether it changed. */
  boolean setText(BriefField field, String raw) {
    String value = FreeText.tidy(raw, field.maxLength, field != BriefField.WEBSITE_URL);
    if (value == null || value.equals(texts.get(field))) {
      return false;
    }
    texts.put(field, value);
    return true;
  }

  Goal goal() {
    return goal;
  }

  boolean setGoal(Goal value) {
    boolean changed = value != goal;
    goal = value;
    return changed;
  }

  BigDecimal budget() {
    return budget;
  }

  String currency() {
    return currency;
  }

  /** Ignores budgets BriefInput would reject (zero, or beyond its typo guard) rather than keep them. */
  boolean setBudget(BigDecimal amount) {
    if (amount.signum() <= 0 || Objects.equals(amount, budget)) {
      return false;
    }
    if (currency != null) {
      long minor = Money.toMinor(amount, currency);
      if (minor < 1 || minor > BriefInput.MAX_MONTHLY_BUDGET) {
        return false;
      }
    }
    budget = amount;
    return true;
  }

  boolean setCurrency(String code) {
    if (code.equals(currency)) {
      return false;
    }
    currency = code;
    if (budget != null) {
      long minor = Money.toMinor(budget, currency);
      if (minor < 1 || minor > BriefInput.MAX_MONTHLY_BUDGET) {
        budget = null;
      }
    }
    return true;
  }

  Long monthlyBudgetMinor() {
    return budget == null || currency == null ? null : Money.toMinor(budget, currency);
  }

  boolean known(BriefField field) {
    return switch (field) {
      case GOAL -> goal != null;
      case MONTHLY_BUDGET -> monthlyBudgetMinor() != null;
      case CURRENCY -> currency != null;
      default -> texts.containsKey(field);
    };
  }

  /** Required fields still null in {@link #toJson()}, in asking order. */
  List<BriefField> missingRequired() {
    List<BriefField> missing = new ArrayList<>();
    for (BriefField field : BriefField.values()) {
      if (field.required && !known(field)) {
        missing.add(field);
      }
    }
    return missing;
  }

  /** The brief as BriefInput reads it: every field present, null when unknown, no updatedAt. */
  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    for (BriefField field : BriefField.values()) {
      switch (field) {
        case GOAL -> json.put(field.json, goal == null ? null : goal.name());
        case MONTHLY_BUDGET -> json.put(field.json, monthlyBudgetMinor());
        case CURRENCY -> json.put(field.json, currency);
        default -> json.put(field.json, texts.get(field));
      }
    }
    return json;
  }
}
