package com.aigency.shared.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small readers and a builder for DynamoDB items, so stores map records without reflection. */
public final class Items {
  private Items() {}

  public static Builder item(String pk, String sk) {
    return new Builder().s(Keys.PK, pk).s(Keys.SK, sk);
  }

  public static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
  }

  public static String s(Map<String, AttributeValue> item, String name) {
    return optS(item, name)
        .orElseThrow(() -> new IllegalStateException("Stored item lacks attribute " + name));
  }

  public static Optional<String> optS(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
  }

  public static long n(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  public static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  public static Instant instant(Map<String, AttributeValue> item, String name) {
    return Instant.parse(s(item, name));
  }

  /** Builds an item; absent optional values are left out rather than stored as empty strings. */
  public static final class Builder {
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    public Builder s(String name, String value) {
      if (value != null) {
        values.put(name, AttributeValue.fromS(value));
      }
      return this;
    }

    public Builder n(String name, long value) {
      values.put(name, AttributeValue.fromN(Long.toString(value)));
      return this;
    }

    public Builder bool(String name, boolean value) {
      values.put(name, AttributeValue.fromBool(value));
      return this;
    }

    public Builder instant(String name, Instant value) {
      return s(name, value == null ? null : value.toString());
    }

    public Builder ss(String name, java.util.Collection<String> value) {
      if (value != null && !value.isEmpty()) {
        values.put(name, AttributeValue.fromSs(java.util.List.copyOf(value)));
      }
      return this;
    }

    public Map<String, AttributeValue> build() {
      return Map.copyOf(values);
    }
  }
}
