package com.aigency.shared.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OAuthStateCodecTest {
  private final OAuthStateCodec codec = new OAuthStateCodec(() -> "signing-key-1");
  private final OAuthState state =
      new OAuthState(codec.newNonce(), "t_A", "k_1", "p_1", Instant.parse("2026-11-23T10:15:00Z"));

  private static OAuthFailure failureOf(Runnable r) {
    try {
      r.run();
    } catch (OAuthFlowException e) {
      return e.failure();
    }
    throw new AssertionError("expected the state to be refused");
  }

  @Test
  void aStateDecodesToWhatWasEncoded() {
    assertThat(codec.decode(codec.encode(state))).isEqualTo(state);
  }

  @Test
  void nonceAreUniqueAndUrlSafe() {
    assertThat(codec.newNonce()).isNotEqualTo(codec.newNonce()).matches("[A-Za-z0-9_-]{24}");
  }

  @Test
  void aChangedPayloadOrAnotherKeyIsForged() {
    String encoded = codec.encode(state);
    String[] parts = encoded.split("\\.");
    String json = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).replace("t_A", "t_B");
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
    assertThat(failureOf(() -> codec.decode(tampered))).isEqualTo(OAuthFailure.FORGED);
    assertThat(failureOf(() -> new OAuthStateCodec(() -> "another-key").decode(encoded))).isEqualTo(OAuthFailure.FORGED);
  }

  @Test
  void malformedStatesAreForged() {
    for (String bad : new String[] {null, "", "abc", "a.b.c", ".sig", "payload.!!!", "x".repeat(2000)}) {
      assertThat(failureOf(() -> codec.decode(bad))).as(String.valueOf(bad)).isEqualTo(OAuthFailure.FORGED);
    }
  }
}
