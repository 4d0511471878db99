package com.aigency.shared.store;

import static com.aigency.shared.http.ApiErrors.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageTokensTest {
  private static final String TENANT_A = "T#t_01JD3XEXAMPKETENANT0000001";
  private static final String TENANT_B = "T#t_01JD3XEXAMPKETENANT0000002";

  private static Map<String, AttributeValue> lastKey(String partition) {
    return Map.of(
        "PK", AttributeValue.fromS(partition),
        "SK", AttributeValue.fromS("PROJECT#p_01JD4C0RNERBAKERYPR0JECT01"));
  }

  private static String token(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTokenDecodesToTheKeyItWasMadeFrom() {
    String token = PageTokens.encode(lastKey(TENANT_A));

    assertThat(PageTokens.decode(token, PageTokens.ListKey.table(TENANT_A, "PROJECT#"))).isEqualTo(lastKey(TENANT_A));
  }

  @Test
  void aTokenIsUrlSafe() {
    String token = PageTokens.encode(lastKey(TENANT_A));

    assertThat(token).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void noLastKeyMeansNoToken() {
    assertThat(PageTokens.encode(null)).isNull();
    assertThat(PageTokens.encode(Map.of())).isNull();
  }

  @Test
  void aTokenFromAnotherPartitionIsRefused() {
    String tokenOfA = PageTokens.encode(lastKey(TENANT_A));

    var e = invalidField("nextToken", () -> PageTokens.decode(tokenOfA, PageTokens.ListKey.table(TENANT_B, "PROJECT#")));

    assertThat(e.getMessage()).contains("nextToken");
  }

  @Test
  void aTokenWhosePartitionMerelyStartsLikeTheExpectedOneIsRefused() {
    String token = PageTokens.encode(lastKey(TENANT_A + "#P#p_01JD4C0RNERBAKERYPR0JECT01"));

    invalidField("nextToken", () -> PageTokens.decode(token, PageTokens.ListKey.table(TENANT_A, "PROJECT#")));
  }

  @Test
  void aTokenWithoutThePartitionAttributeIsRefused() {
    invalidField("nextToken", () -> PageTokens.decode(token("{\"SK\":\"PROJECT#x\"}"), PageTokens.ListKey.table(TENANT_A, "PROJECT#")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a token",
        "%%%",
        "eyJQSyI6", // base64 of a truncated JSON object
        "bnVsbA", // base64 of null
        "W10", // base64 of []
        "e30", // base64 of {}
        "aGVsbG8" // base64 of hello
      })
  void garbageIsRefused(String garbage) {
    invalidField("nextToken", () -> PageTokens.decode(garbage, PageTokens.ListKey.table(TENANT_A, "PROJECT#")));
  }

  @Test
  void aTokenWithNonStringValuesIsRefused() {
    String token = token("{\"PK\":\"" + TENANT_A + "\",\"SK\":{\"S\":\"x\"}}");

    invalidField("nextToken", () -> PageTokens.decode(token, PageTokens.ListKey.table(TENANT_A, "PROJECT#")));
  }

  @Test
  void aTokenWithANumericPartitionIsRefused() {
    invalidField("nextToken", () -> PageTokens.decode(token("{\"PK\":1,\"SK\":\"x\"}"), PageTokens.ListKey.table(TENANT_A, "PROJECT#")));
  }
}
