package com.aigency.shared.facebook;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes an {@link OAuthState} as {@code base64url(json).base64url(HMAC-SHA256)} and checks it.
 * The signature makes the tenant, user, project and expiry tamper-proof; single use is the
 * {@link com.aigency.shared.store.OAuthStateStore}'s job.
 */
public final class OAuthStateCodec {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final int MAX_LENGTH = 1024;

  private final Supplier<String> signingKey;
  private final SecureRandom random = new SecureRandom();

  public OAuthStateCodec(Supplier<String> signingKey) {
    this.signingKey = signingKey;
  }

  /** A fresh, unguessable nonce. */
  public String newNonce() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  public String encode(OAuthState state) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("n", state.nonce());
    payload.put("t", state.tenantId());
    payload.put("u", state.userId());
    payload.put("p", state.projectId());
    payload.put("e", state.expiresAt().getEpochSecond());
    String body = B64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
    return body + "." + B64.encodeToString(mac(body));
  }

  /** The state it carries, if the signature holds; {@link OAuthFailure#FORGED} otherwise. */
  public OAuthState decode(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new OAuthFlowException(OAuthFailure.FORGED, "The state is missing or not one we issued");
    }
    int dot = value.indexOf('.');
    if (dot <= 0 || dot != value.lastIndexOf('.')) {
      throw new OAuthFlowException(OAuthFailure.FORGED, "The state is not one we issued");
    }
    String body = value.substring(0, dot);
    byte[] signature;
    try {
      signature = B64D.decode(value.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new OAuthFlowException(OAuthFailure.FORGED, "The state is not one we issued");
    }
    if (!MessageDigest.isEqual(signature, mac(body))) {
      throw new OAuthFlowException(OAuthFailure.FORGED, "The state's signature does not match");
    }
    JsonNode json = Json.read(new String(B64D.decode(body), StandardCharsets.UTF_8));
    return new OAuthState(
        json.path("n").asText(), json.path("t").asText(), json.path("u").asText(), json.path("p").asText(),
        Instant.ofEpochSecond(json.path("e").asLong()));
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(("aigency-oauth-state:" + body).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
