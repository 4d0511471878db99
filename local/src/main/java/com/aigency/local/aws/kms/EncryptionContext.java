package com.aigency.local.aws.kms;

import com.aigency.local.aws.AwsJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The encryption context of a KMS request, in a canonical byte form (sorted by key, each key and
 * value length-prefixed) that is bound to the ciphertext as AES-GCM associated data. Order of the
 * pairs does not matter, any changed, added or missing pair does; an empty context equals no
 * context, as in KMS.
 */
final class EncryptionContext {

  private EncryptionContext() {}

  static SortedMap<String, String> from(JsonNode request) {
    SortedMap<String, String> context = new TreeMap<>();
    JsonNode node = request.get("EncryptionContext");
    if (node == null || node.isNull()) {
      return context;
    }
    if (!node.isObject()) {
      throw AwsJson.serialization("EncryptionContext must be a map of strings");
    }
    for (Map.Entry<String, JsonNode> pair : node.properties()) {
      if (!pair.getValue().isTextual()) {
        throw AwsJson.serialization("EncryptionContext values must be strings");
      }
      context.put(pair.getKey(), pair.getValue().textValue());
    }
    return context;
  }

  static byte[] canonicalBytes(SortedMap<String, String> context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> pair : context.entrySet()) {
      writeLengthPrefixed(out, pair.getKey());
      writeLengthPrefixed(out, pair.getValue());
    }
    return out.toByteArray();
  }

  private static void writeLengthPrefixed(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}
