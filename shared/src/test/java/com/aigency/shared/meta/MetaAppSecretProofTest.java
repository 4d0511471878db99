package com.aigency.shared.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetaAppSecretProofTest {

  @Test
  void isLowerCaseHexHmacSha256OfTheTokenKeyedWithTheAppSecret() {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
    assertThat(MetaGraph.appSecretProof("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // RFC 4231, test case 1: key 20 x 0x0b, data "Hi There" (the key as a string of those bytes)
    assertThat(MetaGraph.appSecretProof("\u000b".repeat(20), "Hi There"))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  }

  @Test
  void anAccessTokenNeverShowsItsValue() {
    AccessToken token = new AccessToken("EAAsecretvalue123", Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(token.toString()).doesNotContain("EAAsecretvalue123").contains("***").contains("2026-03-01T00:00:00Z");
    assertThat(String.valueOf(java.util.List.of(token))).doesNotContain("EAAsecretvalue123");
    assertThat(token.isExpiredAt(Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
    assertThat(token.isExpiredAt(Instant.parse("2026-02-28T23:59:59Z"))).isFalse();
    assertThat(AccessToken.of("x").isExpiredAt(Instant.MAX)).isFalse();
  }
}
