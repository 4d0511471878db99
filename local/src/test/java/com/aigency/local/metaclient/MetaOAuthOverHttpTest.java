package com.aigency.local.metaclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.AdAccount;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaConfigurationException;
import com.aigency.shared.meta.MetaErrorKind;
import com.aigency.shared.meta.MetaGraph;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.meta.MetaRetryPolicy;
import com.aigency.shared.meta.MetaSettings;
import com.aigency.shared.meta.MetaUser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meta Login with the real client over HTTP against the simulator. */
class MetaOAuthOverHttpTest {
  MetaHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new MetaHarness();
  }

  @AfterEach
  void stop() {
    try {
      h.assertNoSecretLeaked();
    } finally {
      h.close();
    }
  }

  @Test
  void dialogUrlCarriesTheAppRedirectStateScopesAndCodeResponseType() {
    URI url = h.oauth.dialogUrl(MetaHarness.REDIRECT, "st&ate=1", MetaHarness.SCOPES);

    assertThat(url.toString()).startsWith(h.sim.baseUrl() + "/v24.0/dialog/oauth?");
    assertThat(MetaHarness.query(url.toString()))
        .containsEntry("client_id", MetaHarness.APP_ID)
        .containsEntry("redirect_uri", MetaHarness.REDIRECT)
        .containsEntry("state", "st&ate=1")
        .containsEntry("scope", "ads_management,ads_read,business_management")
        .containsEntry("response_type", "code")
        .doesNotContainKey("client_secret");
  }

  @Test
  void fullLoginGivesALongLivedTokenForTheUserAndTheirAdAccounts() throws Exception {
    String code = h.dialogCode("state-1");
    AccessToken shortLived = h.oauth.exchangeCode(code, MetaHarness.REDIRECT);
    h.remember(shortLived);
    assertThat(shortLived.expiresAt()).isBetween(h.clock.instant().plus(Duration.ofMinutes(80)), h.clock.instant().plus(Duration.ofMinutes(91)));

    AccessToken longLived = h.oauth.exchangeForLongLived(shortLived);
    h.remember(longLived);
    assertThat(longLived.value()).isNotEqualTo(shortLived.value());
    assertThat(longLived.expiresAt()).isAfter(h.clock.instant().plus(Duration.ofDays(59)));

    MetaUser me = h.oauth.me(longLived);
    assertThat(me.id()).isNotBlank();
    assertThat(me.name()).isEqualTo("Sim User");

    List<AdAccount> accounts = h.oauth.adAccounts(longLived);
    assertThat(accounts).hasSize(2);
    assertThat(accounts).extracting(AdAccount::currency).containsExactlyInAnyOrder("EUR", "JPY");
    assertThat(accounts).allSatisfy(a -> {
      assertThat(a.id()).isEqualTo("act_" + a.accountId());
      assertThat(a.name()).startsWith("Sim ");
      assertThat(a.timezoneName()).isNotBlank();
      assertThat(a.isActive()).isTrue();
    });
    assertThat(h.logs.toString())
        .contains("Meta GET /oauth/access_token -> 200", "Meta GET /me -> 200", "Meta GET /me/adaccounts -> 200", "fbtrace_id");
  }

  @Test
  void adAccountsFollowsPaging() throws Exception {
    AccessToken token = h.connect();
    // one account per page: the client follows the cursor, never the next URL
    MetaOAuth paged = new MetaOAuth(h.graph);
    List<AdAccount> all = paged.adAccounts(token);
    assertThat(all).hasSize(2);
    var pages = h.graph.getAllPages(token, "/me/adaccounts", Map.of("fields", "id", "limit", "1"));
    assertThat(pages).hasSize(2);
    assertThat(h.logs.toString().split("Meta GET /me/adaccounts -> 200", -1)).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void aCodeIsRedeemedOnceAndOnlyWithItsRedirect() throws Exception {
    String code = h.dialogCode("s");
    MetaApiException wrongRedirect =
        h.record(catchThrowableOfType(MetaApiException.class, () -> h.oauth.exchangeCode(code, "https://evil.example.com/cb")));
    assertThat(wrongRedirect.kind()).isEqualTo(MetaErrorKind.INVALID_PARAMETER);
    assertThat(wrongRedirect.subcode()).contains(36008);

    h.remember(h.oauth.exchangeCode(code, MetaHarness.REDIRECT));
    MetaApiException reused =
        h.record(catchThrowableOfType(MetaApiException.class, () -> h.oauth.exchangeCode(code, MetaHarness.REDIRECT)));
    assertThat(reused.kind()).isEqualTo(MetaErrorKind.INVALID_PARAMETER);
    assertThat(reused.subcode()).contains(36009);
    assertThat(reused.errorName()).isEqualTo("Meta.InvalidParameter");
    assertThat(reused.getMessage()).contains("GET /oauth/access_token").doesNotContain(code);
  }

  @Test
  void aWrongAppSecretIsNotRetriedAsTransient() throws Exception {
    String code = h.dialogCode("s");
    String wrongSecret = "wrong-secret-0f9e8d7c";
    h.secrets.add(wrongSecret);
    MetaOAuth wrong =
        new MetaOAuth(new MetaGraph(
            MetaSettings.of(h.sim.baseUrl(), h.sim.baseUrl(), "v24.0", MetaHarness.APP_ID, wrongSecret),
            MetaGraph.defaultHttpClient(), h.clock, d -> h.sleeps.add(d), MetaRetryPolicy.DEFAULT));

    MetaApiException failure =
        h.record(catchThrowableOfType(MetaApiException.class, () -> wrong.exchangeCode(code, MetaHarness.REDIRECT)));

    assertThat(failure.kind()).isEqualTo(MetaErrorKind.PERMISSION);
    assertThat(h.sleeps).isEmpty();
  }

  @Test
  void aTokenIsSignedWithTheAppSecretOnEveryCall() throws Exception {
    AccessToken token = h.connect();
    MetaOAuth otherSecret =
        new MetaOAuth(new MetaGraph(
            MetaSettings.of(h.sim.baseUrl(), h.sim.baseUrl(), "v24.0", MetaHarness.APP_ID, "another-app-secret-99"),
            MetaGraph.defaultHttpClient(), h.clock, d -> h.sleeps.add(d), MetaRetryPolicy.DEFAULT));
    h.secrets.add("another-app-secret-99");
    h.secrets.add(MetaGraph.appSecretProof("another-app-secret-99", token.value()));

    MetaApiException failure = h.record(catchThrowableOfType(MetaApiException.class, () -> otherSecret.me(token)));

    assertThat(failure.kind()).isEqualTo(MetaErrorKind.INVALID_PARAMETER);
    assertThat(failure.field()).contains("appsecret_proof");
  }

  @Test
  void missingAppConfigurationIsAClearErrorBeforeAnyCall() {
    MetaOAuth unconfigured =
        new MetaOAuth(new MetaGraph(
            MetaSettings.of(h.sim.baseUrl(), h.sim.baseUrl(), "v24.0", "", null),
            MetaGraph.defaultHttpClient(), h.clock, d -> h.sleeps.add(d), MetaRetryPolicy.DEFAULT));

    assertThat(catchThrowableOfType(MetaConfigurationException.class, () -> unconfigured.dialogUrl(MetaHarness.REDIRECT, "s", List.of("ads_read"))))
        .hasMessageContaining("META_APP_ID");
    MetaOAuth noSecret =
        new MetaOAuth(new MetaGraph(
            MetaSettings.of(h.sim.baseUrl(), h.sim.baseUrl(), "v24.0", MetaHarness.APP_ID, null),
            MetaGraph.defaultHttpClient(), h.clock, d -> h.sleeps.add(d), MetaRetryPolicy.DEFAULT));
    assertThat(catchThrowableOfType(MetaConfigurationException.class, () -> noSecret.exchangeCode("c", MetaHarness.REDIRECT)))
        .hasMessageContaining("META_APP_SECRET_ARN");
    assertThat(catchThrowableOfType(MetaConfigurationException.class, () -> noSecret.me(AccessToken.of("EAAx"))))
        .hasMessageContaining("META_APP_SECRET_ARN");
    assertThat(h.logs.toString()).doesNotContain("Meta GET");
  }

  @Test
  void anInvalidatedTokenIsTokenInvalid() throws Exception {
    AccessToken token = h.connect();
    h.fault("{\"kind\":\"tokenInvalid\",\"match\":{\"pathContains\":\"/me\"}}");

    MetaApiException failure = h.record(catchThrowableOfType(MetaApiException.class, () -> h.oauth.me(token)));

    assertThat(failure.kind()).isEqualTo(MetaErrorKind.TOKEN_INVALID);
    assertThat(failure.errorName()).isEqualTo("Meta.TokenInvalid");
    assertThat(failure.code()).contains(190);
    assertThat(failure.subcode()).contains(460);
    assertThat(failure.httpStatus()).isEqualTo(400);
    assertThat(failure.fbtraceId()).isPresent();
    assertThat(h.sleeps).isEmpty();
  }

  @Test
  void anUnknownTokenIsTokenInvalid() {
    AccessToken forged = AccessToken.of("EAAforgedtoken1234567890");
    h.remember(forged);
    MetaApiException failure = h.record(catchThrowableOfType(MetaApiException.class, () -> h.oauth.adAccounts(forged)));
    assertThat(failure.kind()).isEqualTo(MetaErrorKind.TOKEN_INVALID);
  }
}
