package com.aigency.local.meta;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the simulator's Graph and admin endpoints, for tests. */
final class SimClient {

  static final String V = "/v21.0";
  private static final String REDIRECT = "https://app.example.com/oauth/meta/callback";

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final MetaSimulator sim;
  private String token;

  SimClient(MetaSimulator sim) {
    this.sim = sim;
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GET {@code V + path} with the access token and the given query parameters (encoded here). */
  HttpResponse<String> graph(String path, Map<String, String> query) throws Exception {
    StringBuilder q = new StringBuilder("?access_token=").append(enc(token()));
    query.forEach((k, v) -> q.append('&').append(enc(k)).append('=').append(enc(v)));
    return get(V + path + q);
  }

  JsonNode graphJson(String path, Map<String, String> query) throws Exception {
    return json(graph(path, query));
  }

  /** POST {@code V + path} as a form, with the access token. */
  HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("access_token", token());
    StringBuilder b = new StringBuilder();
    all.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append('&');
          }
          b.append(enc(k)).append('=').append(enc(v));
        });
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + V + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(b.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POST that must succeed; returns the body. */
  JsonNode ok(String path, Map<String, String> fields) throws Exception {
    HttpResponse<String> r = post(path, fields);
    if (r.statusCode() != 200) {
      throw new AssertionError("POST " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return json(r);
  }

  HttpResponse<String> admin(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A long-lived-enough user token from the OAuth dialog (user 0), fetched once. */
  String token() throws Exception {
    if (token == null) {
      HttpResponse<String> dialog =
          get(V + "/dialog/oauth?client_id=" + MetaSimulator.DEFAULT_APP_ID + "&redirect_uri=" + enc(REDIRECT)
              + "&state=s&response_type=code");
      String location = dialog.headers().firstValue("Location").orElseThrow();
      String code = null;
      for (String p : location.substring(location.indexOf('?') + 1).split("[&#]")) {
        if (p.startsWith("code=")) {
          code = URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8);
        }
      }
      JsonNode shortLived =
          json(get(V + "/oauth/access_token?client_id=" + MetaSimulator.DEFAULT_APP_ID + "&client_secret="
              + MetaSimulator.DEFAULT_APP_SECRET + "&redirect_uri=" + enc(REDIRECT) + "&code=" + enc(code)));
      JsonNode longLived =
          json(get(V + "/oauth/access_token?grant_type=fb_exchange_token&client_id=" + MetaSimulator.DEFAULT_APP_ID
              + "&client_secret=" + MetaSimulator.DEFAULT_APP_SECRET + "&fb_exchange_token="
              + shortLived.get("access_token").asText()));
      token = longLived.get("access_token").asText();
    }
    return token;
  }

  /** An ACTIVE campaign; with a daily budget (minor units) it is a campaign-budget campaign. */
  String campaign(String act, String name, String objective, Long dailyBudget) throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("objective", objective);
    f.put("status", "ACTIVE");
    f.put("special_ad_categories", "[]");
    if (dailyBudget != null) {
      f.put("daily_budget", String.valueOf(dailyBudget));
    }
    return ok("/" + act + "/campaigns", f).get("id").asText();
  }

  /** An ACTIVE ad set targeting Germany; {@code dailyBudget} null under a campaign budget. */
  String adset(String act, String campaignId, String name, String goal, Long dailyBudget) throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("campaign_id", campaignId);
    f.put("billing_event", "IMPRESSIONS");
    f.put("optimization_goal", goal);
    f.put("targeting", "{\"geo_locations\":{\"countries\":[\"DE\"]}}");
    f.put("status", "ACTIVE");
    if (dailyBudget != null) {
      f.put("daily_budget", String.valueOf(dailyBudget));
    }
    return ok("/" + act + "/adsets", f).get("id").asText();
  }

  /** An ACTIVE ad with a fresh link creative. */
  String ad(String act, String adsetId, String name) throws Exception {
    String spec = "{\"page_id\":\"1234567890\",\"link_data\":{\"link\":\"https://shop.example.com\",\"message\":\"" + name + "\"}}";
    String creative = ok("/" + act + "/adcreatives", Map.of("name", name + " creative", "object_story_spec", spec)).get("id").asText();
    return ok("/" + act + "/ads", Map.of("name", name, "adset_id", adsetId, "creative", "{\"creative_id\":\"" + creative + "\"}", "status", "ACTIVE"))
        .get("id").asText();
  }

  void status(String id, String status) throws Exception {
    ok("/" + id, Map.of("status", status));
  }

  void dailyBudget(String id, long minor) throws Exception {
    ok("/" + id, Map.of("daily_budget", String.valueOf(minor)));
  }

  /** Every row of an insights query, following the paging cursors. */
  java.util.List<JsonNode> insights(String path, Map<String, String> query) throws Exception {
    java.util.List<JsonNode> rows = new java.util.ArrayList<>();
    Map<String, String> q = new LinkedHashMap<>(query);
    while (true) {
      HttpResponse<String> r = graph(path, q);
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + path + " " + q + " -> " + r.statusCode() + " " + r.body());
      }
      JsonNode body = json(r);
      body.get("data").forEach(rows::add);
      if (body.at("/paging/next").isMissingNode()) {
        return rows;
      }
      q.put("after", body.at("/paging/cursors/after").asText());
    }
  }

  /** The {@code act_...} id of the user's ad account in {@code currency}. */
  String account(String currency) throws Exception {
    for (JsonNode a : graphJson("/me/adaccounts", Map.of("fields", "id,currency")).get("data")) {
      if (a.get("currency").asText().equals(currency)) {
        return a.get("id").asText();
      }
    }
    throw new AssertionError("no " + currency + " account");
  }
}
