package com.aigency.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and validates the fields of a JSON object body. Every failure is a 400 naming the field, so
 * a client can point at exactly what to fix.
 */
public final class JsonFields {
  private final JsonNode node;

  private JsonFields(JsonNode node) {
    this.node = node;
  }

  /** Accepts only the named fields: an unknown one is more likely a typo than something to ignore. */
  public static JsonFields of(JsonNode node, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ApiException.invalid(
            name,
            "Unknown field '" + name + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return new JsonFields(node);
  }

  public String requiredText(String field, int maxLength) {
    return optionalText(field, maxLength)
        .orElseThrow(() -> ApiException.invalid(field, "'" + field + "' is required"));
  }

  public Optional<String> optionalText(String field, int maxLength) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.invalid(field, "'" + field + "' must be a string");
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.length() > maxLength) {
      throw ApiException.invalid(
          field, "'" + field + "' is " + text.length() + " characters; at most " + maxLength + " allowed");
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw ApiException.invalid(field, "'" + field + "' contains control characters");
    }
    return Optional.of(text);
  }

  public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
    String text = requiredText(field, 64);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.invalid(
                    field,
                    "'"
                        + field
                        + "' must be one of "
                        + Arrays.stream(type.getEnumConstants())
                            .map(Enum::name)
                            .collect(Collectors.joining(", "))));
  }

  public long requiredWholeNumber(String field, long min, long max) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.invalid(field, "'" + field + "' is required");
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiException.invalid(field, "'" + field + "' must be a whole number");
    }
    long number = value.asLong();
    if (number < min || number > max) {
      throw ApiException.invalid(field, "'" + field + "' must be between " + min + " and " + max);
    }
    return number;
  }

  /** An ISO 4217 code that {@link Currency} knows, upper case. */
  public String requiredCurrency(String field) {
    String code = requiredText(field, 3);
    try {
      if (!code.equals(code.toUpperCase())) {
        throw new IllegalArgumentException();
      }
      Currency currency = Currency.getInstance(code);
      // XXX, XAU, XDR and the like are codes, not money anyone can spend on ads
      if (currency.getDefaultFractionDigits() < 0) {
        throw new IllegalArgumentException();
      }
      return currency.getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(field, "'" + field + "' must be an ISO 4217 currency code such as EUR or USD");
    }
  }

  public Optional<String> optionalHttpUrl(String field, int maxLength) {
    return optionalText(field, maxLength)
        .map(
            text -> {
              try {
                URI uri = new URI(text);
                String scheme = uri.getScheme();
                if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                  throw new URISyntaxException(text, "not an absolute http(s) URL");
                }
                return text;
              } catch (URISyntaxException e) {
                throw ApiException.invalid(field, "'" + field + "' must be an absolute http(s) URL");
              }
            });
  }
}
