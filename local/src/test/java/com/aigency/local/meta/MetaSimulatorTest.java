package com.aigency.local.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.clock.LocalClock;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetaSimulatorTest {

  private static final String V = "/v21.0";
  private static final String REDIRECT = "https://app.example.com/oauth/meta/callback";

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private LocalClock clock;
  private MetaSimulator sim;

  @BeforeEach
  void start() throws Exception {
    clock = new LocalClock();
    sim = MetaSimulator.start(0, clock, 42L, null);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  // ------------------------------------------------------------------ helpers

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append('&');
          }
          b.append(enc(k)).append('=').append(enc(v));
        });
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(b.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, String token, Object body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String location) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = location.substring(location.indexOf('?') + 1);
    int hash = q.indexOf('#');
    if (hash >= 0) {
      q = q.substring(0, hash);
    }
    for (String p : q.split("&")) {
      int i = p.indexOf('=');
      out.put(p.substring(0, i), URLDecoder.decode(p.substring(i + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private String dialogCode() throws Exception {
    HttpResponse<String> r =
        get(V + "/dialog/oauth?client_id=" + MetaSimulator.DEFAULT_APP_ID + "&redirect_uri="
            + enc(REDIRECT) + "&state=s-1&scope=ads_management,ads_read&response_type=code");
    assertThat(r.statusCode()).isEqualTo(302);
    return query(r.headers().firstValue("Location").orElseThrow()).get("code");
  }

  private String exchange(String code) throws Exception {
    HttpResponse<String> r =
        get(V + "/oauth/access_token?client_id=" + MetaSimulator.DEFAULT_APP_ID + "&client_secret="
            + MetaSimulator.DEFAULT_APP_SECRET + "&redirect_uri=" + enc(REDIRECT) + "&code=" + enc(code));
    assertThat(r.statusCode()).isEqualTo(200);
    return json(r).get("access_token").asText();
  }

  private String token() throws Exception {
    return exchange(dialogCode());
  }

  private String eurAccount(String token) throws Exception {
    JsonNode accounts = json(get(V + "/me/adaccounts?fields=id,currency&access_token=" + token));
    for (JsonNode a : accounts.get("data")) {
      if (a.get("currency").asText().equals("EUR")) {
        return a.get("id").asText();
      }
    }
    throw new AssertionError("no EUR account");
  }

  private static void assertInvalidParameter(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode e = json(r).get("error");
    assertThat(e.get("code").asInt()).isEqualTo(100);
    assertThat(e.get("message").asText()).isEqualTo("Invalid parameter");
    assertThat(e.get("type").asText()).isEqualTo("OAuthException");
    assertThat(e.has("error_subcode")).isTrue();
    assertThat(e.get("error_user_msg").asText()).contains(field);
    assertThat(e.has("error_user_title")).isTrue();
    assertThat(e.get("fbtrace_id").asText()).isNotEmpty();
  }

  private Map<String, String> campaign(String token) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("access_token", token);
    m.put("name", "Spring sale");
    m.put("objective", "OUTCOME_TRAFFIC");
    m.put("status", "PAUSED");
    m.put("special_ad_categories", "[]");
    return m;
  }

  // ------------------------------------------------------------------ OAuth

  @Test
  void oauthDanceIssuesShortThenLongLivedTokensAndCodesAreSingleUse() throws Exception {
    HttpResponse<String> dialog =
        get("/v19.0/dialog/oauth?client_id=" + MetaSimulator.DEFAULT_APP_ID + "&redirect_uri="
            + enc(REDIRECT) + "&state=xyz%20123&scope=ads_management&response_type=code");
    assertThat(dialog.statusCode()).isEqualTo(302);
    String location = dialog.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?");
    Map<String, String> q = query(location);
    assertThat(q.get("state")).isEqualTo("xyz 123");
    String code = q.get("code");
    assertThat(code).isNotBlank();

    String wrongRedirect =
        V + "/oauth/access_token?client_id=" + MetaSimulator.DEFAULT_APP_ID + "&client_secret="
            + MetaSimulator.DEFAULT_APP_SECRET + "&redirect_uri=" + enc("https://evil.example/cb")
            + "&code=" + enc(code);
    HttpResponse<String> bad = get(wrongRedirect);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).at("/error/type").asText()).isEqualTo("OAuthException");
    assertThat(json(bad).at("/error/error_subcode").asInt()).isEqualTo(36008);

    HttpResponse<String> badSecret =
        get(V + "/oauth/access_token?client_id=" + MetaSimulator.DEFAULT_APP_ID
            + "&client_secret=nope&redirect_uri=" + enc(REDIRECT) + "&code=" + enc(code));
    assertThat(json(badSecret).at("/error/message").asText()).isEqualTo("Error validating client secret.");
    assertThat(json(badSecret).at("/error/code").asInt()).isEqualTo(1);

    HttpResponse<String> ok =
        get(V + "/oauth/access_token?client_id=" + MetaSimulator.DEFAULT_APP_ID + "&client_secret="
            + MetaSimulator.DEFAULT_APP_SECRET + "&redirect_uri=" + enc(REDIRECT) + "&code=" + enc(code));
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode shortLived = json(ok);
    assertThat(shortLived.get("token_type").asText()).isEqualTo("bearer");
    assertThat(shortLived.get("expires_in").asLong()).isBetween(3600L, 7200L);
    String shortToken = shortLived.get("access_token").asText();

    HttpResponse<String> reused = get(ok.request().uri().getRawPath() + "?" + ok.request().uri().getRawQuery());
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(json(reused).at("/error/message").asText()).isEqualTo("This authorization code has been used.");
    assertThat(json(reused).at("/error/code").asInt()).isEqualTo(100);

    HttpResponse<String> longRes =
        get(V + "/oauth/access_token?grant_type=fb_exchange_token&client_id="
            + MetaSimulator.DEFAULT_APP_ID + "&client_secret=" + MetaSimulator.DEFAULT_APP_SECRET
            + "&fb_exchange_token=" + shortToken);
    assertThat(longRes.statusCode()).isEqualTo(200);
    JsonNode longLived = json(longRes);
    assertThat(longLived.get("expires_in").asLong()).isGreaterThan(50L * 86400);
    String longToken = longLived.get("access_token").asText();

    // the short-lived token expires after ~1.5 h on the local clock; the long-lived one does not
    clock.advance(Duration.ofHours(3));
    HttpResponse<String> expired = get(V + "/me?access_token=" + shortToken);
    assertThat(json(expired).at("/error/code").asInt()).isEqualTo(190);
    assertThat(json(expired).at("/error/error_subcode").asInt()).isEqualTo(463);
    HttpResponse<String> me = get(V + "/me?fields=id,name&access_token=" + longToken);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.headers().firstValue("facebook-api-version")).hasValue("v21.0");
    assertThat(json(me).get("name").asText()).isEqualTo("Sim User");
    assertThat(json(me).get("id").asText()).matches("\\d+");
  }

  @Test
  void deniedDialogRedirectsWithErrorAndState() throws Exception {
    admin("POST", "/__admin/oauth", "{\"deny\":true}");
    HttpResponse<String> r =
        get(V + "/dialog/oauth?client_id=" + MetaSimulator.DEFAULT_APP_ID + "&redirect_uri="
            + enc(REDIRECT) + "&state=abc&response_type=code");
    assertThat(r.statusCode()).isEqualTo(302);
    Map<String, String> q = query(r.headers().firstValue("Location").orElseThrow());
    assertThat(q).containsEntry("error", "access_denied").containsEntry("error_reason", "user_denied")
        .containsEntry("state", "abc").doesNotContainKey("code");
  }

  @Test
  void adAccountsAreListedWithPaging() throws Exception {
    String token = token();
    HttpResponse<String> r =
        get(V + "/me/adaccounts?fields=id,account_id,name,currency,account_status,timezone_name&access_token=" + token);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("data")).hasSize(2);
    assertThat(body.at("/data/0/id").asText()).isEqualTo("act_" + body.at("/data/0/account_id").asText());
    assertThat(body.at("/data/0/currency").asText()).isEqualTo("EUR");
    assertThat(body.at("/data/1/currency").asText()).isEqualTo("JPY");
    assertThat(body.at("/data/0/account_status").asInt()).isEqualTo(1);
    assertThat(body.at("/data/1/timezone_name").asText()).isEqualTo("Asia/Tokyo");
    assertThat(body.at("/paging/cursors/before").asText()).isNotEmpty();
    assertThat(body.at("/paging/cursors/after").asText()).isNotEmpty();
  }

  @Test
  void missingOrUnknownTokenIsRefused() throws Exception {
    HttpResponse<String> none = get(V + "/me");
    assertThat(json(none).at("/error/type").asText()).isEqualTo("OAuthException");
    HttpResponse<String> unknown = get(V + "/me?access_token=EAAbogus");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).at("/error/code").asInt()).isEqualTo(190);
    assertThat(json(unknown).at("/error/message").asText()).isEqualTo("Invalid OAuth access token - Cannot parse access token");
  }

  // ------------------------------------------------------------------ objects

  @Test
  void createsCampaignAdSetImageCreativeAdAndReadsThemBack() throws Exception {
    String token = token();
    String act = eurAccount(token);

    HttpResponse<String> c = form(V + "/" + act + "/campaigns", campaign(token));
    assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
    String campaignId = json(c).get("id").asText();

    Map<String, Object> adset = new LinkedHashMap<>();
    adset.put("name", "DE 25-45");
    adset.put("campaign_id", campaignId);
    adset.put("daily_budget", 2500);
    adset.put("billing_event", "IMPRESSIONS");
    adset.put("optimization_goal", "LINK_CLICKS");
    adset.put("targeting", Map.of("geo_locations", Map.of("countries", new String[] {"DE"}), "age_min", 25));
    adset.put("status", "PAUSED");
    HttpResponse<String> s = postJson(V + "/" + act + "/adsets", token, adset);
    assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
    String adsetId = json(s).get("id").asText();

    String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    HttpResponse<String> img =
        form(V + "/" + act + "/adimages", Map.of("access_token", token, "bytes", png, "name", "hero.png"));
    assertThat(img.statusCode()).as(img.body()).isEqualTo(200);
    String hash = json(img).at("/images/hero.png/hash").asText();
    assertThat(hash).matches("[0-9a-f]{32}");
    assertThat(json(img).at("/images/hero.png/url").asText()).startsWith("http");

    String spec =
        "{\"page_id\":\"1234567890\",\"link_data\":{\"message\":\"Spring is here\",\"link\":\"https://shop.example.com\","
            + "\"name\":\"Spring sale\",\"call_to_action\":{\"type\":\"SHOP_NOW\"},\"image_hash\":\"" + hash + "\"}}";
    HttpResponse<String> cr =
        form(V + "/" + act + "/adcreatives", Map.of("access_token", token, "name", "Creative A", "object_story_spec", spec));
    assertThat(cr.statusCode()).as(cr.body()).isEqualTo(200);
    String creativeId = json(cr).get("id").asText();

    HttpResponse<String> ad =
        form(V + "/" + act + "/ads", Map.of("access_token", token, "name", "Ad A", "adset_id", adsetId,
            "creative", "{\"creative_id\":\"" + creativeId + "\"}", "status", "PAUSED"));
    assertThat(ad.statusCode()).as(ad.body()).isEqualTo(200);
    String adId = json(ad).get("id").asText();

    JsonNode campaignBack =
        json(get(V + "/" + campaignId + "?fields=name,objective,status,special_ad_categories,buying_type&access_token=" + token));
    assertThat(campaignBack.get("id").asText()).isEqualTo(campaignId);
    assertThat(campaignBack.get("objective").asText()).isEqualTo("OUTCOME_TRAFFIC");
    assertThat(campaignBack.get("status").asText()).isEqualTo("PAUSED");
    assertThat(campaignBack.get("special_ad_categories")).isEmpty();
    assertThat(campaignBack.get("buying_type").asText()).isEqualTo("AUCTION");

    JsonNode adsetBack = json(get(V + "/" + adsetId + "?fields=daily_budget,campaign_id,targeting&access_token=" + token));
    assertThat(adsetBack.get("daily_budget").asText()).isEqualTo("2500");
    assertThat(adsetBack.get("campaign_id").asText()).isEqualTo(campaignId);
    assertThat(adsetBack.at("/targeting/geo_locations/countries/0").asText()).isEqualTo("DE");

    JsonNode creativeBack = json(get(V + "/" + creativeId + "?fields=object_story_spec&access_token=" + token));
    assertThat(creativeBack.at("/object_story_spec/link_data/image_hash").asText()).isEqualTo(hash);

    JsonNode adBack = json(get(V + "/" + adId + "?fields=name,adset_id,campaign_id,creative,status&access_token=" + token));
    assertThat(adBack.get("adset_id").asText()).isEqualTo(adsetId);
    assertThat(adBack.get("campaign_id").asText()).isEqualTo(campaignId);
    assertThat(adBack.at("/creative/id").asText()).isEqualTo(creativeId);
    assertThat(adBack.get("status").asText()).isEqualTo("PAUSED");

    // updates: activate last, change budget; budget below minimum refused
    assertThat(json(form(V + "/" + adsetId, Map.of("access_token", token, "daily_budget", "3000"))).get("success").asBoolean()).isTrue();
    assertInvalidParameter(form(V + "/" + adsetId, Map.of("access_token", token, "daily_budget", "50")), "daily_budget");
    assertThat(json(form(V + "/" + campaignId, Map.of("access_token", token, "status", "ACTIVE"))).get("success").asBoolean()).isTrue();
    assertThat(json(get(V + "/" + adsetId + "?fields=daily_budget&access_token=" + token)).get("daily_budget").asText()).isEqualTo("3000");
    assertThat(json(get(V + "/" + campaignId + "?fields=status&access_token=" + token)).get("status").asText()).isEqualTo("ACTIVE");

    // the ad is ACTIVE-able but reports its paused parent, Meta-style
    assertThat(json(form(V + "/" + adId, Map.of("access_token", token, "status", "ACTIVE"))).get("success").asBoolean()).isTrue();
    assertThat(json(get(V + "/" + adId + "?fields=effective_status&access_token=" + token)).get("effective_status").asText())
        .isEqualTo("ADSET_PAUSED");
    JsonNode campaignAds = json(get(V + "/" + campaignId + "/ads?fields=name&access_token=" + token));
    assertThat(campaignAds.at("/data/0/id").asText()).isEqualTo(adId);
    JsonNode campaignAdsets = json(get(V + "/" + campaignId + "/adsets?fields=name&access_token=" + token));
    assertThat(campaignAdsets.at("/data/0/name").asText()).isEqualTo("DE 25-45");

    JsonNode state = json(admin("GET", "/__admin/state", null));
    assertThat(state.get("objects")).hasSize(5);
  }

  @Test
  void listingPagesWithCursors() throws Exception {
    String token = token();
    String act = eurAccount(token);
    for (int i = 0; i < 3; i++) {
      Map<String, String> c = campaign(token);
      c.put("name", "C" + i);
      assertThat(form(V + "/" + act + "/campaigns", c).statusCode()).isEqualTo(200);
    }
    JsonNode p1 = json(get(V + "/" + act + "/campaigns?fields=name,objective&limit=2&access_token=" + token));
    assertThat(p1.get("data")).hasSize(2);
    assertThat(p1.at("/data/0/name").asText()).isEqualTo("C0");
    assertThat(p1.at("/data/0/objective").asText()).isEqualTo("OUTCOME_TRAFFIC");
    assertThat(p1.at("/paging/next").isMissingNode()).isFalse();
    String after = p1.at("/paging/cursors/after").asText();
    JsonNode p2 = json(get(V + "/" + act + "/campaigns?fields=name&limit=2&after=" + after + "&access_token=" + token));
    assertThat(p2.get("data")).hasSize(1);
    assertThat(p2.at("/data/0/name").asText()).isEqualTo("C2");
    assertThat(p2.at("/paging/next").isMissingNode()).isTrue();
  }

  @Test
  void validationErrorsNameTheField() throws Exception {
    String token = token();
    String act = eurAccount(token);

    Map<String, String> noCategories = campaign(token);
    noCategories.remove("special_ad_categories");
    assertInvalidParameter(form(V + "/" + act + "/campaigns", noCategories), "special_ad_categories");

    Map<String, String> badObjective = campaign(token);
    badObjective.put("objective", "CONVERSIONS");
    assertInvalidParameter(form(V + "/" + act + "/campaigns", badObjective), "objective");

    String campaignId = json(form(V + "/" + act + "/campaigns", campaign(token))).get("id").asText();
    Map<String, String> adset = new LinkedHashMap<>();
    adset.put("access_token", token);
    adset.put("name", "A");
    adset.put("campaign_id", campaignId);
    adset.put("daily_budget", "99");
    adset.put("billing_event", "IMPRESSIONS");
    adset.put("optimization_goal", "REACH");
    adset.put("targeting", "{\"geo_locations\":{\"countries\":[\"FR\"]}}");
    assertInvalidParameter(form(V + "/" + act + "/adsets", adset), "daily_budget");

    adset.put("daily_budget", "100");
    adset.put("targeting", "{\"age_min\":18}");
    assertInvalidParameter(form(V + "/" + act + "/adsets", adset), "geo_locations");

    adset.put("targeting", "{\"geo_locations\":{\"countries\":[\"FR\"]}}");
    assertThat(form(V + "/" + act + "/adsets", adset).statusCode()).isEqualTo(200);
  }

  @Test
  void objectsOfAnotherUsersAccountAreNotFound() throws Exception {
    String token = token();
    String act = eurAccount(token);
    String campaignId = json(form(V + "/" + act + "/campaigns", campaign(token))).get("id").asText();

    admin("POST", "/__admin/oauth", "{\"user\":1}");
    String other = token();
    HttpResponse<String> r = get(V + "/" + campaignId + "?fields=name&access_token=" + other);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode e = json(r).get("error");
    assertThat(e.get("code").asInt()).isEqualTo(100);
    assertThat(e.get("error_subcode").asInt()).isEqualTo(33);
    assertThat(e.get("type").asText()).isEqualTo("GraphMethodException");
    assertThat(e.get("message").asText()).startsWith("Unsupported get request. Object with ID '" + campaignId + "'");
    assertThat(get(V + "/" + act + "/campaigns?access_token=" + other).statusCode()).isEqualTo(400);
  }

  @Test
  void appSecretProofIsEnforcedWhenConfigured() throws Exception {
    sim.close();
    sim = MetaSimulator.start(0, clock, 7L, null, "555", "s3cret");
    HttpResponse<String> dialog =
        get(V + "/dialog/oauth?client_id=555&redirect_uri=" + enc(REDIRECT) + "&state=s&response_type=code");
    String code = query(dialog.headers().firstValue("Location").orElseThrow()).get("code");
    String token =
        json(get(V + "/oauth/access_token?client_id=555&client_secret=s3cret&redirect_uri=" + enc(REDIRECT) + "&code=" + enc(code)))
            .get("access_token").asText();

    JsonNode missing = json(get(V + "/me?access_token=" + token)).get("error");
    assertThat(missing.get("code").asInt()).isEqualTo(100);
    assertThat(missing.get("message").asText()).isEqualTo("API calls from the server require an appsecret_proof argument");

    JsonNode wrong = json(get(V + "/me?access_token=" + token + "&appsecret_proof=" + MetaSimulator.appSecretProof("other", token))).get("error");
    assertThat(wrong.get("code").asInt()).isEqualTo(100);
    assertThat(wrong.get("message").asText()).isEqualTo("Invalid appsecret_proof provided in the API argument");

    HttpResponse<String> ok = get(V + "/me?access_token=" + token + "&appsecret_proof=" + MetaSimulator.appSecretProof("s3cret", token));
    assertThat(ok.statusCode()).isEqualTo(200);
  }

  @Test
  void stateSurvivesARestartWithADataDir(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    sim.close();
    sim = MetaSimulator.start(0, clock, 42L, dir);
    String token = token();
    String act = eurAccount(token);
    String campaignId = json(form(V + "/" + act + "/campaigns", campaign(token))).get("id").asText();
    sim.close();

    sim = MetaSimulator.start(0, clock, 42L, dir);
    JsonNode back = json(get(V + "/" + campaignId + "?fields=name,objective&access_token=" + token));
    assertThat(back.get("name").asText()).isEqualTo("Spring sale");
    assertThat(eurAccount(token)).isEqualTo(act);
    String next = json(form(V + "/" + act + "/campaigns", campaign(token))).get("id").asText();
    assertThat(next).isNotEqualTo(campaignId);
  }

  // ------------------------------------------------------------------ faults

  @Test
  void rateLimitFaultCarriesBusinessUseCaseUsageAndExpiresAfterTimes() throws Exception {
    String token = token();
    String act = eurAccount(token);
    String accountId = act.substring(4);
    admin("POST", "/__admin/faults",
        "{\"match\":{\"method\":\"POST\",\"pathContains\":\"/campaigns\"},\"times\":2,\"kind\":\"rateLimit\",\"seconds\":7}");

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = form(V + "/" + act + "/campaigns", campaign(token));
      assertThat(r.statusCode()).isEqualTo(400);
      JsonNode e = json(r).get("error");
      assertThat(e.get("code").asInt()).isEqualTo(80004);
      assertThat(e.get("type").asText()).isEqualTo("OAuthException");
      assertThat(e.get("is_transient").asBoolean()).isTrue();
      assertThat(e.get("error_subcode").asInt()).isEqualTo(2446079);
      assertThat(e.get("message").asText()).startsWith("(#80004) There have been too many calls to this ad-account.");
      JsonNode usage = Json.MAPPER.readTree(r.headers().firstValue("X-Business-Use-Case-Usage").orElseThrow());
      JsonNode entry = usage.get(accountId).get(0);
      assertThat(entry.get("type").asText()).isEqualTo("ads_management");
      // Meta gives this estimate in minutes: 7 seconds round up to 1
      assertThat(entry.get("estimated_time_to_regain_access").asInt()).isEqualTo(1);
      assertThat(entry.has("call_count")).isTrue();
      assertThat(entry.has("total_cputime")).isTrue();
      assertThat(entry.has("total_time")).isTrue();
    }
    // GETs did not match; the third POST passes
    assertThat(get(V + "/" + act + "/campaigns?access_token=" + token).statusCode()).isEqualTo(200);
    assertThat(form(V + "/" + act + "/campaigns", campaign(token)).statusCode()).isEqualTo(200);
  }

  @Test
  void code17RateLimitFault() throws Exception {
    String token = token();
    admin("POST", "/__admin/faults", "{\"match\":{},\"times\":1,\"kind\":\"rateLimit\",\"code\":17,\"seconds\":3}");
    HttpResponse<String> r = get(V + "/me?access_token=" + token);
    assertThat(json(r).at("/error/code").asInt()).isEqualTo(17);
    assertThat(r.headers().firstValue("X-Business-Use-Case-Usage")).isPresent();
    assertThat(get(V + "/me?access_token=" + token).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenInvalidServerErrorAndLatencyFaults() throws Exception {
    String token = token();
    admin("POST", "/__admin/faults", "{\"match\":{\"pathContains\":\"/me\"},\"times\":1,\"kind\":\"tokenInvalid\"}");
    HttpResponse<String> invalid = get(V + "/me?access_token=" + token);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).at("/error/code").asInt()).isEqualTo(190);
    assertThat(json(invalid).at("/error/type").asText()).isEqualTo("OAuthException");
    assertThat(invalid.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");

    admin("POST", "/__admin/faults", "{\"match\":{\"method\":\"GET\"},\"times\":1,\"kind\":\"serverError\"}");
    HttpResponse<String> five = get(V + "/me?access_token=" + token);
    assertThat(five.statusCode()).isEqualTo(500);
    assertThat(json(five).at("/error/code").asInt()).isEqualTo(2);
    assertThat(json(five).at("/error/is_transient").asBoolean()).isTrue();

    admin("POST", "/__admin/faults", "{\"match\":{},\"times\":1,\"kind\":\"latency\",\"seconds\":300}");
    long t0 = System.nanoTime();
    HttpResponse<String> slow = get(V + "/me?access_token=" + token);
    assertThat(slow.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

    admin("POST", "/__admin/faults", "{\"times\":5,\"kind\":\"serverError\"}");
    admin("DELETE", "/__admin/faults", null);
    assertThat(get(V + "/me?access_token=" + token).statusCode()).isEqualTo(200);
  }
}
