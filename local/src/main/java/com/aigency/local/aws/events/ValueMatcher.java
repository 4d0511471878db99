package com.aigency.local.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** One element of a pattern's value array, tested against one leaf value of an event. */
sealed interface ValueMatcher {

  /**
   * @param value a scalar of the event: text, number, boolean or null
   */
  boolean test(JsonNode value);

  /** A literal: text, number (compared numerically), true, false or null. */
  record Exact(JsonNode expected) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      if (expected.isNumber()) {
        return value.isNumber() && expected.decimalValue().compareTo(value.decimalValue()) == 0;
      }
      return expected.equals(value);
    }
  }

  record Prefix(String prefix, boolean ignoreCase) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      return value.isTextual()
          && value.textValue().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
    }
  }

  record Suffix(String suffix, boolean ignoreCase) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      if (!value.isTextual()) {
        return false;
      }
      String text = value.textValue();
      int start = text.length() - suffix.length();
      return start >= 0 && text.regionMatches(ignoreCase, start, suffix, 0, suffix.length());
    }
  }

  record EqualsIgnoreCase(String text) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      return value.isTextual() && value.textValue().equalsIgnoreCase(text);
    }
  }

  /** {@code *} matches any run of characters; compiled to a regular expression. */
  record Wildcard(Pattern regex) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      return value.isTextual() && regex.matcher(value.textValue()).matches();
    }
  }

  /** One comparison of a numeric matcher, e.g. {@code >= 5}. */
  record Comparison(String operator, BigDecimal bound) {
    boolean holds(BigDecimal number) {
      int order = number.compareTo(bound);
      return switch (operator) {
        case "=" -> order == 0;
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        case ">=" -> order >= 0;
        default -> throw new IllegalStateException(operator);
      };
    }
  }

  /** Numeric comparisons, all of which must hold; only JSON numbers match. */
  record Numeric(List<Comparison> comparisons) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      return value.isNumber() && comparisons.stream().allMatch(c -> c.holds(value.decimalValue()));
    }
  }

  /** An IPv4 or IPv6 network; only text values that are IP addresses of the same family match. */
  record Cidr(BigInteger network, int prefixLength, int addressBits) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      if (!value.isTextual()) {
        return false;
      }
      Optional<byte[]> address = IpAddresses.parse(value.textValue());
      return address.isPresent()
          && address.get().length * 8 == addressBits
          && IpAddresses.networkOf(new BigInteger(1, address.get()), prefixLength, addressBits)
              .equals(network);
    }
  }

  /** Any present value that none of {@code excluded} matches. */
  record AnythingBut(List<ValueMatcher> excluded) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      return excluded.stream().noneMatch(matcher -> matcher.test(value));
    }
  }

  /**
   * Presence ({@code true}) or absence ({@code false}) of a leaf; judged by the field, not per
   * value.
   */
  record Exists(boolean present) implements ValueMatcher {
    @Override
    public boolean test(JsonNode value) {
      return present;
    }
  }
}
