package com.aigency.local.metaclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aigency.shared.json.Json;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.AdAccount;
import com.aigency.shared.meta.AdSetSpec;
import com.aigency.shared.meta.CampaignSpec;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaStatus;
import com.aigency.shared.meta.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's log lines name method, path, status, duration and fbtrace_id, and never a token,
 * the app secret, an appsecret_proof or an OAuth code, whatever happens (the other test classes of
 * this package make the same check after each of their tests).
 */
class MetaClientLogsTest {

  @Test
  void logsEveryCallWithoutASecret() throws Exception {
    try (MetaHarness h = new MetaHarness()) {
      AccessToken token = h.connect();
      AdAccount eur = h.oauth.adAccounts(token).stream().filter(a -> a.currency().equals("EUR")).findFirst().orElseThrow();
      String campaignId = h.ads.createCampaign(token, eur.id(), new CampaignSpec("aig-log-c", "OUTCOME_TRAFFIC", MetaStatus.PAUSED, List.of(), null));
      var targeting = Json.MAPPER.createObjectNode();
      targeting.putObject("geo_locations").putArray("countries").add("FR");

      h.fault("{\"kind\":\"serverError\",\"times\":1,\"match\":{\"method\":\"GET\",\"pathContains\":\"/" + campaignId + "\"}}");
      h.ads.read(token, campaignId, List.of("name"));
      h.fault("{\"kind\":\"rateLimit\",\"blockSeconds\":20,\"match\":{\"method\":\"POST\",\"pathContains\":\"/adsets\"}}");
      h.ads.createAdSet(token, eur.id(), new AdSetSpec(campaignId, "aig-log-s", Money.parseMajor("5", "EUR"), "IMPRESSIONS",
          "LINK_CLICKS", targeting, MetaStatus.PAUSED, null));
      h.record(catchThrowableOfType(MetaApiException.class, () -> h.ads.createAdSet(token, eur.id(),
          new AdSetSpec(campaignId, "aig-log-s2", new Money(1, "EUR"), "IMPRESSIONS", "LINK_CLICKS", targeting, MetaStatus.PAUSED, null))));
      h.fault("{\"kind\":\"tokenInvalid\",\"match\":{\"pathContains\":\"/me\"}}");
      h.record(catchThrowableOfType(MetaApiException.class, () -> h.oauth.me(token)));
      h.record(catchThrowableOfType(MetaApiException.class, () -> h.oauth.exchangeCode("AQnotacode", MetaHarness.REDIRECT)));
      h.secrets.add("AQnotacode");

      String logs = h.logs.toString();
      assertThat(logs)
          .contains("Meta GET /oauth/access_token -> 200")
          .contains("Meta POST /" + eur.id() + "/campaigns -> 200")
          .contains("Meta GET /" + campaignId + " -> 500")
          .contains("failed transiently; retry 1")
          .contains("Meta POST /" + eur.id() + "/adsets -> 400")
          .contains("rate limited; waiting PT1M")
          .contains("Meta GET /me -> 400")
          .containsPattern("in \\d+ ms \\(fbtrace_id [A-Za-z0-9_\\-]+\\)")
          .doesNotContain("access_token=")
          .doesNotContain("appsecret_proof=")
          .doesNotContain("client_secret");
      assertThat(h.failures.toString()).contains("Meta.InvalidParameter", "Meta.TokenInvalid");
      assertThat(h.secrets).hasSizeGreaterThanOrEqualTo(6);
      h.assertNoSecretLeaked();
    }
  }
}
