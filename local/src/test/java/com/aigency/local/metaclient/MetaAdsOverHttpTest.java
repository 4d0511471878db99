package com.aigency.local.metaclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aigency.shared.json.Json;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.AdAccount;
import com.aigency.shared.meta.AdImage;
import com.aigency.shared.meta.AdObjectSummary;
import com.aigency.shared.meta.AdObjectType;
import com.aigency.shared.meta.AdSetSpec;
import com.aigency.shared.meta.AdSpec;
import com.aigency.shared.meta.CampaignSpec;
import com.aigency.shared.meta.CreativeSpec;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaErrorKind;
import com.aigency.shared.meta.MetaStatus;
import com.aigency.shared.meta.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaign -> ad set -> image -> creative -> ad with the real client against the simulator. */
class MetaAdsOverHttpTest {
  static final byte[] PNG =
      Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  MetaHarness h;
  AccessToken token;
  AdAccount eur;
  AdAccount jpy;

  @BeforeEach
  void start() throws Exception {
    h = new MetaHarness();
    token = h.connect();
    List<AdAccount> accounts = h.oauth.adAccounts(token);
    eur = accounts.stream().filter(a -> a.currency().equals("EUR")).findFirst().orElseThrow();
    jpy = accounts.stream().filter(a -> a.currency().equals("JPY")).findFirst().orElseThrow();
  }

  @AfterEach
  void stop() {
    try {
      h.assertNoSecretLeaked();
    } finally {
      h.close();
    }
  }

  static ObjectNode targeting() {
    ObjectNode t = Json.MAPPER.createObjectNode();
    t.putObject("geo_locations").putArray("countries").add("DE");
    t.put("age_min", 25);
    return t;
  }

  static CampaignSpec campaign(String name) {
    return new CampaignSpec(name, "OUTCOME_TRAFFIC", MetaStatus.PAUSED, List.of(), null);
  }

  AdSetSpec adSet(String campaignId, String name, Money budget) {
    return new AdSetSpec(
        campaignId, name, budget, "IMPRESSIONS", "LINK_CLICKS", targeting(), MetaStatus.PAUSED,
        h.clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void createsTheWholeChainAndReadsItBack() {
    String campaignId = h.ads.createCampaign(token, eur.id(), campaign("aig-p1-campaign"));
    String adSetId = h.ads.createAdSet(token, eur.id(), adSet(campaignId, "aig-p1-adset-1", Money.parseMajor("25.50", "EUR")));
    AdImage image = h.ads.uploadImage(token, eur.id(), "hero.png", PNG);
    assertThat(image.hash()).hasSize(32);
    assertThat(image.url()).isNotBlank();
    assertThat(h.ads.uploadImage(token, eur.id(), "hero.png", PNG).hash()).isEqualTo(image.hash());

    ObjectNode story = Json.MAPPER.createObjectNode().put("page_id", "1234567890");
    story.putObject("link_data").put("link", "https://shop.example.com").put("message", "Hello").put("image_hash", image.hash());
    String creativeId = h.ads.createCreative(token, eur.id(), new CreativeSpec("aig-p1-creative-1", story));
    String adId = h.ads.createAd(token, eur.id(), new AdSpec("aig-p1-ad-1", adSetId, creativeId, MetaStatus.PAUSED));

    JsonNode c = h.ads.read(token, campaignId, List.of("name", "objective", "status", "special_ad_categories"));
    assertThat(c.path("id").asText()).isEqualTo(campaignId);
    assertThat(c.path("name").asText()).isEqualTo("aig-p1-campaign");
    assertThat(c.path("objective").asText()).isEqualTo("OUTCOME_TRAFFIC");
    assertThat(c.path("status").asText()).isEqualTo("PAUSED");
    assertThat(c.path("special_ad_categories").isArray()).isTrue();

    JsonNode s = h.ads.read(token, adSetId, List.of("campaign_id", "daily_budget", "billing_event", "optimization_goal", "targeting", "start_time"));
    assertThat(s.path("campaign_id").asText()).isEqualTo(campaignId);
    assertThat(s.path("daily_budget").asText()).isEqualTo("2550");
    assertThat(s.path("billing_event").asText()).isEqualTo("IMPRESSIONS");
    assertThat(s.path("targeting").path("geo_locations").path("countries").get(0).asText()).isEqualTo("DE");
    assertThat(s.path("start_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");

    JsonNode cr = h.ads.read(token, creativeId, List.of("object_story_spec"));
    assertThat(cr.path("object_story_spec").path("link_data").path("image_hash").asText()).isEqualTo(image.hash());

    JsonNode ad = h.ads.read(token, adId, List.of("adset_id", "campaign_id", "creative", "status", "account_id"));
    assertThat(ad.path("adset_id").asText()).isEqualTo(adSetId);
    assertThat(ad.path("campaign_id").asText()).isEqualTo(campaignId);
    assertThat(ad.path("creative").path("id").asText()).isEqualTo(creativeId);
    assertThat(h.ads.adAccountOf(token, adId)).isEqualTo(eur.id());

    List<AdObjectSummary> found = h.ads.findByName(token, eur.id(), AdObjectType.AD_SET, "aig-p1-adset-1");
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(adSetId);
      assertThat(f.campaignId()).isEqualTo(campaignId);
      assertThat(f.dailyBudget()).isEqualTo(Money.parseMajor("25.50", "EUR"));
      assertThat(f.status()).isEqualTo("PAUSED");
    });
    assertThat(h.ads.findByName(token, eur.id(), AdObjectType.CAMPAIGN, "aig-p1-campaign")).extracting(AdObjectSummary::id).containsExactly(campaignId);
    assertThat(h.ads.findByName(token, eur.id(), AdObjectType.AD, "aig-p1-ad-1")).extracting(AdObjectSummary::adSetId).containsExactly(adSetId);
    assertThat(h.ads.findByName(token, eur.id(), AdObjectType.CAMPAIGN, "aig-p1")).isEmpty();
  }

  @Test
  void findByNameIsExactAcrossPages() {
    for (int i = 0; i < 3; i++) {
      h.ads.createCampaign(token, eur.id(), campaign("aig-p2-campaign-" + i));
    }
    String wanted = h.ads.createCampaign(token, eur.id(), campaign("aig-p2-campaign"));
    assertThat(h.ads.findByName(token, eur.id(), AdObjectType.CAMPAIGN, "aig-p2-campaign"))
        .extracting(AdObjectSummary::id).containsExactly(wanted);
  }

  @Test
  void updatesStatusAndDailyBudget() {
    String campaignId = h.ads.createCampaign(token, eur.id(), campaign("aig-p3-campaign"));
    String adSetId = h.ads.createAdSet(token, eur.id(), adSet(campaignId, "aig-p3-adset", Money.parseMajor("10", "EUR")));

    h.ads.updateStatus(token, adSetId, MetaStatus.ACTIVE);
    h.ads.updateDailyBudget(token, adSetId, Money.parseMajor("42.10", "EUR"));
    JsonNode s = h.ads.read(token, adSetId, List.of("status", "effective_status", "daily_budget"));
    assertThat(s.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(s.path("effective_status").asText()).isEqualTo("CAMPAIGN_PAUSED");
    assertThat(s.path("daily_budget").asText()).isEqualTo("4210");

    h.ads.updateStatus(token, campaignId, MetaStatus.ACTIVE);
    assertThat(h.ads.read(token, adSetId, List.of("effective_status")).path("effective_status").asText()).isEqualTo("ACTIVE");
    h.ads.updateStatus(token, adSetId, MetaStatus.ARCHIVED);
    assertThat(h.ads.read(token, adSetId, List.of("status")).path("status").asText()).isEqualTo("ARCHIVED");
    h.ads.updateStatus(token, adSetId, MetaStatus.DELETED);
    assertThat(h.ads.findByName(token, eur.id(), AdObjectType.AD_SET, "aig-p3-adset")).isEmpty();
  }

  @Test
  void jpyBudgetsGoToMetaInWholeYen() {
    String campaignId =
        h.ads.createCampaign(token, jpy.id(), new CampaignSpec("aig-p4-cbo", "OUTCOME_SALES", MetaStatus.PAUSED, List.of(), Money.parseMajor("3000", "JPY")));
    assertThat(h.ads.read(token, campaignId, List.of("daily_budget")).path("daily_budget").asText()).isEqualTo("3000");

    String plain = h.ads.createCampaign(token, jpy.id(), campaign("aig-p4-campaign"));
    String adSetId = h.ads.createAdSet(token, jpy.id(), adSet(plain, "aig-p4-adset", new Money(1500, "JPY")));
    assertThat(h.ads.read(token, adSetId, List.of("daily_budget")).path("daily_budget").asText()).isEqualTo("1500");
    h.ads.updateDailyBudget(token, adSetId, Money.parseMajor("2000", "JPY"));
    assertThat(h.ads.read(token, adSetId, List.of("daily_budget")).path("daily_budget").asText()).isEqualTo("2000");
    assertThat(h.ads.findByName(token, jpy.id(), AdObjectType.AD_SET, "aig-p4-adset").get(0).dailyBudget())
        .isEqualTo(new Money(2000, "JPY"));

    // a EUR budget on a JPY account is refused before anything is sent
    int objects = objectCount();
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
            () -> h.ads.createAdSet(token, jpy.id(), adSet(plain, "aig-p4-wrong", Money.parseMajor("20", "EUR")))))
        .hasMessageContaining("JPY");
    assertThat(objectCount()).isEqualTo(objects);
  }

  @Test
  void aValidationErrorIsInvalidParameterWithItsField() {
    String campaignId = h.ads.createCampaign(token, jpy.id(), campaign("aig-p5-campaign"));

    MetaApiException tooLow =
        h.record(catchThrowableOfType(MetaApiException.class,
            () -> h.ads.createAdSet(token, jpy.id(), adSet(campaignId, "aig-p5-adset", new Money(10, "JPY")))));
    assertThat(tooLow.kind()).isEqualTo(MetaErrorKind.INVALID_PARAMETER);
    assertThat(tooLow.errorName()).isEqualTo("Meta.InvalidParameter");
    assertThat(tooLow.code()).contains(100);
    assertThat(tooLow.subcode()).contains(1885272);
    assertThat(tooLow.field()).contains("daily_budget");
    assertThat(tooLow.userTitle()).contains("Budget Is Too Low");
    assertThat(tooLow.getMessage()).contains("POST /" + jpy.id() + "/adsets", "daily_budget", "fbtrace_id");
    assertThat(h.sleeps).isEmpty();

    ObjectNode noGeo = Json.MAPPER.createObjectNode().put("age_min", 30);
    MetaApiException noLocation =
        h.record(catchThrowableOfType(MetaApiException.class,
            () -> h.ads.createAdSet(token, jpy.id(), new AdSetSpec(campaignId, "aig-p5-adset", new Money(500, "JPY"),
                "IMPRESSIONS", "LINK_CLICKS", noGeo, MetaStatus.PAUSED, null))));
    assertThat(noLocation.field()).contains("targeting.geo_locations");
  }

  @Test
  void serverErrorsAreTransientAndRetriedOnlyForIdempotentCalls() throws Exception {
    String campaignId = h.ads.createCampaign(token, eur.id(), campaign("aig-p6-campaign"));

    // a read: retried after a backoff on the clock, then succeeds
    h.fault("{\"kind\":\"serverError\",\"times\":1,\"match\":{\"method\":\"GET\",\"pathContains\":\"/" + campaignId + "\"}}");
    assertThat(h.ads.read(token, campaignId, List.of("name")).path("name").asText()).isEqualTo("aig-p6-campaign");
    assertThat(h.sleeps).containsExactly(Duration.ofMillis(500));

    // still failing after the bounded retries: TRANSIENT
    h.sleeps.clear();
    h.fault("{\"kind\":\"serverError\",\"times\":5,\"match\":{\"method\":\"GET\",\"pathContains\":\"/" + campaignId + "\"}}");
    MetaApiException down = h.record(catchThrowableOfType(MetaApiException.class, () -> h.ads.read(token, campaignId, List.of("name"))));
    assertThat(down.kind()).isEqualTo(MetaErrorKind.TRANSIENT);
    assertThat(down.errorName()).isEqualTo("Meta.Transient");
    assertThat(down.httpStatus()).isEqualTo(500);
    assertThat(h.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    h.admin("DELETE", "/__admin/faults", null);

    // a create: never retried (it could create twice); the caller finds by name first
    h.sleeps.clear();
    h.fault("{\"kind\":\"serverError\",\"times\":1,\"match\":{\"method\":\"POST\",\"pathContains\":\"/campaigns\"}}");
    MetaApiException create =
        h.record(catchThrowableOfType(MetaApiException.class, () -> h.ads.createCampaign(token, eur.id(), campaign("aig-p6-other"))));
    assertThat(create.kind()).isEqualTo(MetaErrorKind.TRANSIENT);
    assertThat(h.sleeps).isEmpty();
    assertThat(h.ads.findByName(token, eur.id(), AdObjectType.CAMPAIGN, "aig-p6-other")).isEmpty();

    // a status update sets an absolute value: retried
    h.fault("{\"kind\":\"serverError\",\"times\":1,\"match\":{\"method\":\"POST\",\"pathContains\":\"/" + campaignId + "\"}}");
    h.ads.updateStatus(token, campaignId, MetaStatus.ACTIVE);
    assertThat(h.sleeps).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void aShortRateLimitIsWaitedOutOnTheClockExactlyAsTheHeaderSays() throws Exception {
    h.fault("{\"kind\":\"rateLimit\",\"blockSeconds\":30,\"match\":{\"method\":\"POST\",\"pathContains\":\"/campaigns\"}}");
    // what Meta's header says now (this probe also opens the simulator's 30 s window)
    var probe = h.rawGraph("POST", "/" + eur.id() + "/campaigns");
    assertThat(probe.statusCode()).isEqualTo(400);
    JsonNode usage = Json.read(probe.headers().firstValue("X-Business-Use-Case-Usage").orElseThrow());
    long minutes = usage.path(eur.accountId()).get(0).path("estimated_time_to_regain_access").asLong();
    assertThat(minutes).isEqualTo(1);

    Instant before = h.clock.instant();
    String id = h.ads.createCampaign(token, eur.id(), campaign("aig-p7-campaign"));

    assertThat(h.sleeps).containsExactly(Duration.ofMinutes(minutes));
    Duration advanced = Duration.between(before, h.clock.instant());
    assertThat(advanced).isBetween(Duration.ofMinutes(minutes), Duration.ofMinutes(minutes).plusSeconds(5));
    assertThat(h.ads.read(token, id, List.of("name")).path("name").asText()).isEqualTo("aig-p7-campaign");
    assertThat(h.logs.toString()).contains("rate limited; waiting PT1M");
  }

  @Test
  void anAdAccountLevelLimitUsesTheLargerOfBothHeaders() throws Exception {
    h.fault("{\"kind\":\"rateLimit\",\"code\":17,\"blockSeconds\":45,\"match\":{\"method\":\"POST\",\"pathContains\":\"/campaigns\"}}");

    h.ads.createCampaign(token, eur.id(), campaign("aig-p8-campaign"));

    // X-Business-Use-Case-Usage says 1 minute, X-Ad-Account-Usage 45 seconds: 1 minute
    assertThat(h.sleeps).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void aLongRateLimitIsHandedToStepFunctionsWithRetryAfter() throws Exception {
    h.fault("{\"kind\":\"rateLimit\",\"blockSeconds\":600,\"match\":{\"method\":\"POST\",\"pathContains\":\"/campaigns\"}}");

    MetaApiException limited =
        h.record(catchThrowableOfType(MetaApiException.class, () -> h.ads.createCampaign(token, eur.id(), campaign("aig-p9-campaign"))));

    assertThat(limited.kind()).isEqualTo(MetaErrorKind.RATE_LIMITED);
    assertThat(limited.errorName()).isEqualTo("Meta.RateLimited");
    assertThat(limited.retryAfter()).contains(Duration.ofMinutes(10));
    assertThat(limited.code()).contains(80004);
    assertThat(h.sleeps).isEmpty();
    assertThat(h.ads.findByName(token, eur.id(), AdObjectType.CAMPAIGN, "aig-p9-campaign")).isEmpty();

    // what the state machine's Retry does: wait, then call again
    h.clock.advance(limited.retryAfter().orElseThrow());
    String id = h.ads.createCampaign(token, eur.id(), campaign("aig-p9-campaign"));
    assertThat(h.ads.findByName(token, eur.id(), AdObjectType.CAMPAIGN, "aig-p9-campaign")).extracting(AdObjectSummary::id).containsExactly(id);
  }

  private int objectCount() {
    try {
      return h.state().path("objects").size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
