package com.aigency.shared.agents;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Model prices in micro-dollars per one million tokens, from configuration (env {@code
 * AGENT_PRICES}), for example:
 *
 * <pre>{"gpt-4o-mini": {"inputPerMillion": 150000, "outputPerMillion": 600000}}</pre>
 *
 * Configured entries are added to (and override) the defaults: {@code gpt-4o-mini} at $0.15 / $0.60
 * per million input / output tokens, and {@code offline} at zero. Costs are rounded up to a whole
 * micro-dollar, so a charge is never below the real price.
 */
public final class PriceTable {
  /** Prices of one model, micro-dollars per 1M tokens. */
  public record Price(long inputPerMillion, long outputPerMillion) {
    public Price {
      if (inputPerMillion < 0 || outputPerMillion < 0) {
        throw new IllegalArgumentException("prices must not be negative");
      }
    }
  }

  public static final String OFFLINE_MODEL = "offline";
  public static final Map<String, Price> DEFAULTS =
      Map.of("gpt-4o-mini", new Price(150_000, 600_000), OFFLINE_MODEL, new Price(0, 0));

  private final Map<String, Price> prices;

  public PriceTable(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  public static PriceTable defaults() {
    return new PriceTable(DEFAULTS);
  }

  /** The defaults plus the entries of {@code json}; null or blank means the defaults alone. */
  public static PriceTable fromConfig(String json) {
    Map<String, Price> merged = new HashMap<>(DEFAULTS);
    if (json == null || json.isBlank()) {
      return new PriceTable(merged);
    }
    JsonNode root;
    try {
      root = Json.read(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("AGENT_PRICES is not valid JSON", e);
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("AGENT_PRICES must be a JSON object of model -> prices");
    }
    root.properties().forEach(e -> merged.put(e.getKey(), parsePrice(e.getKey(), e.getValue())));
    return new PriceTable(merged);
  }

  private static Price parsePrice(String model, JsonNode node) {
    JsonNode in = node.get("inputPerMillion");
    JsonNode out = node.get("outputPerMillion");
    if (in == null || out == null || !in.canConvertToLong() || !out.canConvertToLong() || !in.isIntegralNumber() || !out.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "AGENT_PRICES entry '" + model + "' needs whole-number inputPerMillion and outputPerMillion (micro-dollars)");
    }
    return new Price(in.asLong(), out.asLong());
  }

  public Price price(String model) {
    Price price = prices.get(model);
    if (price == null) {
      throw new IllegalArgumentException(
          "No price configured for model '" + model + "'; add it to AGENT_PRICES (known: " + prices.keySet() + ")");
    }
    return price;
  }

  public boolean knows(String model) {
    return prices.containsKey(model);
  }

  public long costMicros(String model, long inputTokens, long outputTokens) {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
    Price price = price(model);
    long scaled =
        Math.addExact(
            Math.multiplyExact(inputTokens, price.inputPerMillion()),
            Math.multiplyExact(outputTokens, price.outputPerMillion()));
    return Math.ceilDiv(scaled, 1_000_000L);
  }

  /** The most a call can cost: every estimated input token and the full output allowance. */
  public long worstCaseMicros(String model, long inputTokensEstimate, int maxOutputTokens) {
    return costMicros(model, inputTokensEstimate, maxOutputTokens);
  }
}
