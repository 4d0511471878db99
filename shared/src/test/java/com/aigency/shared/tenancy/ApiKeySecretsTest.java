package com.aigency.shared.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretsTest {

  @Test
  void aKeyIsThePrefixAnd43UrlSafeBase64Characters() {
    String key = ApiKeySecrets.generate();

    assertThat(key).startsWith("agk_").hasSize(47);
    assertThat(key.substring(4)).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void everyKeyIsDifferent() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      keys.add(ApiKeySecrets.generate());
    }

    assertThat(keys).hasSize(1_000);
  }

  @Test
  void aGeneratedKeyIsWellFormed() {
    for (int i = 0; i < 200; i++) {
      assertThat(ApiKeySecrets.wellFormed(ApiKeySecrets.generate())).isTrue();
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "agk_",
        "agk_EXAMPLEonlyNotARealKey-appKey_0123456789ab", // 42 characters
        "agk_EXAMPLEonlyNotARealKey-appKey_0123456789abcd", // 44 characters
        "AGK_EXAMPLEonlyNotARealKey-appKey_0123456789abc",
        "xyz_EXAMPLEonlyNotARealKey-appKey_0123456789abc",
        "agk-EXAMPLEonlyNotARealKey-appKey_0123456789abc",
        "agk_EXAMPLEonlyNotARealKey+appKey/0123456789abc",
        "agk_EXAMPLEonlyNotARealKey appKey_0123456789abc",
        "agk_EXAMPLEonlyNotARealKey-appKey_0123456789a=c",
        "agk_EXAMPLEonlyNotARealKey\n-appKey0123456789abc",
        "Bearer agk_EXAMPLEonlyNotARealKey-appKey_012345"
      })
  void anythingElseIsNotWellFormed(String key) {
    assertThat(ApiKeySecrets.wellFormed(key)).isFalse();
  }

  @Test
  void theSampleEventKeysAreWellFormed() {
    assertThat(ApiKeySecrets.wellFormed("agk_EXAMPLEonlyNotARealKey-appKey_0123456789abc")).isTrue();
    assertThat(ApiKeySecrets.wellFormed("agk_EXAMPLEonlyNotARealKey-operatorKey_01234567")).isTrue();
  }

  @Test
  void theHashIsLowerCaseHexSha256() {
    // FIPS 180-2 test vector: SHA-256("abc")
    assertThat(ApiKeySecrets.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void theHashOfAKeyIs64HexCharactersAndNeverTheKey() {
    String key = ApiKeySecrets.generate();

    String hash = ApiKeySecrets.hash(key);

    assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(key).doesNotContain(key.substring(4));
  }

  @Test
  void theHashIsDeterministicAndDistinguishesKeys() {
    String key = ApiKeySecrets.generate();

    assertThat(ApiKeySecrets.hash(key)).isEqualTo(ApiKeySecrets.hash(key));
    assertThat(ApiKeySecrets.hash(key)).isNotEqualTo(ApiKeySecrets.hash(ApiKeySecrets.generate()));
  }
}
