package com.aigency.shared.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Meta Login for the ad-account connection: the OAuth dialog URL, the code exchange, the
 * long-lived token exchange, and who the user is and which ad accounts they can reach.
 *
 * <p>The app secret goes only to the token endpoint ({@code /oauth/access_token}) and into {@code
 * appsecret_proof}; neither it nor a code or token ever reaches a log line or exception message.
 */
public final class MetaOAuth {
  private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9_]*");

  static final String AD_ACCOUNT_FIELDS = "id,account_id,name,currency,timezone_name,account_status";

  private final MetaGraph graph;

  public MetaOAuth(MetaGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** From the environment ({@link MetaSettings#fromEnvironment()}); build once per container. */
  public static MetaOAuth fromEnvironment() {
    return new MetaOAuth(MetaGraph.fromEnvironment());
  }

  public MetaGraph graph() {
    return graph;
  }

  /**
   * The Meta Login dialog to send the user's browser to: {@code
   * {dialogBaseUrl}/{version}/dialog/oauth?client_id&redirect_uri&state&scope&response_type=code}.
   * After consent Meta redirects to {@code redirectUri?code=...&state=...}.
   *
   * @param redirectUri absolute http(s) URL registered with the app; the same value must be passed
   *     to {@link #exchangeCode}
   * @param state an unguessable value bound to the user's session (CSRF protection)
   * @param scopes permissions, e.g. {@code ads_management}, {@code ads_read}, {@code
   *     business_management}
   */
  public URI dialogUrl(String redirectUri, String state, List<String> scopes) {
    requireRedirectUri(redirectUri);
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException("state must not be blank");
    }
    if (scopes == null || scopes.isEmpty()) {
      throw new IllegalArgumentException("at least one scope is required");
    }
    for (String scope : scopes) {
      if (scope == null || !SCOPE.matcher(scope).matches()) {
        throw new IllegalArgumentException("Not a Meta permission name: " + scope);
      }
    }
    MetaSettings s = graph.settings();
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", s.requireAppId());
    q.put("redirect_uri", redirectUri);
    q.put("state", state);
    q.put("scope", String.join(",", scopes));
    q.put("response_type", "code");
    return URI.create(s.dialogBaseUrl() + "/" + s.apiVersion() + "/dialog/oauth?" + MetaGraph.form(q));
  }

  /**
   * Redeems the dialog's {@code code} for a short-lived user token ({@code GET
   * /oauth/access_token?client_id&client_secret&redirect_uri&code}).
   *
   * @param redirectUri exactly the value given to {@link #dialogUrl}
   * @throws MetaApiException {@code INVALID_PARAMETER} for a used, expired or mismatched code
   */
  public AccessToken exchangeCode(String code, String redirectUri) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    requireRedirectUri(redirectUri);
    MetaSettings s = graph.settings();
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", s.requireAppId());
    q.put("client_secret", s.requireAppSecret());
    q.put("redirect_uri", redirectUri);
    q.put("code", code);
    return token(graph.getWithoutToken("/oauth/access_token", q, List.of("client_secret", "code")));
  }

  /**
   * Exchanges a short-lived user token for a long-lived one (about 60 days): {@code GET
   * /oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token}.
   */
  public AccessToken exchangeForLongLived(AccessToken shortLived) {
    Objects.requireNonNull(shortLived, "shortLived");
    MetaSettings s = graph.settings();
    Map<String, String> q = new LinkedHashMap<>();
    q.put("grant_type", "fb_exchange_token");
    q.put("client_id", s.requireAppId());
    q.put("client_secret", s.requireAppSecret());
    q.put("fb_exchange_token", shortLived.value());
    return token(graph.getWithoutToken("/oauth/access_token", q, List.of("client_secret", "fb_exchange_token")));
  }

  /** The token's user: {@code GET /me?fields=id,name}. */
  public MetaUser me(AccessToken token) {
    JsonNode me = graph.get(token, "/me", Map.of("fields", "id,name"));
    return new MetaUser(me.path("id").asText(), me.path("name").asText(null));
  }

  /** Every ad account the user can reach, all pages of {@code GET /me/adaccounts}. */
  public List<AdAccount> adAccounts(AccessToken token) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", AD_ACCOUNT_FIELDS);
    q.put("limit", "100");
    List<AdAccount> out = new ArrayList<>();
    for (JsonNode a : graph.getAllPages(token, "/me/adaccounts", q)) {
      out.add(adAccount(a));
    }
    return List.copyOf(out);
  }

  static AdAccount adAccount(JsonNode a) {
    String id = a.path("id").asText();
    String accountId = a.path("account_id").asText(id.startsWith("act_") ? id.substring(4) : id);
    return new AdAccount(
        id.startsWith("act_") ? id : "act_" + accountId,
        accountId,
        a.path("name").asText(null),
        a.path("currency").asText(null),
        a.path("timezone_name").asText(null),
        a.path("account_status").asInt(0));
  }

  private AccessToken token(JsonNode body) {
    String value = body.path("access_token").asText("");
    if (value.isEmpty()) {
      throw MetaApiException.of(MetaErrorKind.UNKNOWN, "Meta.Failed: the token endpoint answered without an access_token");
    }
    long expiresIn = body.path("expires_in").asLong(0);
    Instant expiresAt = expiresIn > 0 ? graph.clock().instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(expiresIn) : null;
    return new AccessToken(value, expiresAt);
  }

  private static void requireRedirectUri(String redirectUri) {
    URI uri;
    try {
      uri = URI.create(Objects.requireNonNull(redirectUri, "redirectUri"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("redirectUri is not a URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException("redirectUri must be an absolute http(s) URL");
    }
  }
}
