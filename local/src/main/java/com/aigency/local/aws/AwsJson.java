package com.aigency.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/** JSON mapping and request-field reading shared by the local AWS services. */
public final class AwsJson {

  /** Instants as ISO-8601 text in state files; responses build their nodes by hand. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private AwsJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A required string member, or the ValidationException AWS answers when it is missing. */
  public static String requiredText(JsonNode request, String field) {
    return optionalText(request, field)
        .orElseThrow(
            () ->
                AwsJsonException.validation(
                    "1 validation error detected: Value null at '"
                        + memberName(field)
                        + "' failed to satisfy constraint: Member must not be null"));
  }

  public static Optional<String> optionalText(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw serialization("Member " + field + " must be a string");
    }
    return Optional.of(value.textValue());
  }

  /** A blob member: base64 text on the wire. */
  public static Optional<byte[]> optionalBlob(JsonNode request, String field) {
    return optionalText(request, field)
        .map(
            text -> {
              try {
                return Base64.getDecoder().decode(text);
              } catch (IllegalArgumentException e) {
                throw serialization("Member " + field + " is not valid base64");
              }
            });
  }

  public static byte[] requiredBlob(JsonNode request, String field) {
    requiredText(request, field);
    return optionalBlob(request, field).orElseThrow();
  }

  public static Optional<Integer> optionalInt(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw serialization("Member " + field + " must be an integer");
    }
    return Optional.of(value.intValue());
  }

  /** Timestamps on the JSON protocols are epoch seconds, with milliseconds as the fraction. */
  public static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3);
  }

  /** Reads a timestamp member sent as epoch seconds (what the SDK sends) or ISO-8601 text. */
  public static Optional<Instant> optionalTimestamp(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      BigDecimal millis = value.decimalValue().movePointRight(3);
      return Optional.of(Instant.ofEpochMilli(millis.longValue()));
    }
    try {
      return Optional.of(Instant.parse(value.asText()));
    } catch (DateTimeParseException e) {
      throw serialization("Member " + field + " is not a timestamp");
    }
  }

  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The error the SDK's own marshalling would never cause: the body does not fit the model. */
  public static AwsJsonException serialization(String message) {
    return AwsJsonException.badRequest("SerializationException", message);
  }

  // AWS validation messages name members in lower camel case ('keyId' for KeyId).
  private static String memberName(String field) {
    return Character.toLowerCase(field.charAt(0)) + field.substring(1);
  }
}
