package com.aigency.shared.facebook;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the OAuth callback sends the owner's browser back to: the app's connection page, with the
 * outcome in the query ({@code status=connected} or {@code status=error&code=...&message=...}).
 */
public final class AppRedirects {
  static final String PAGE = "/connections/facebook";

  private final String appBaseUrl;

  public AppRedirects(String appBaseUrl) {
    URI parsed = URI.create(appBaseUrl);
    if (parsed.getScheme() == null || parsed.getHost() == null) {
      throw new IllegalStateException("APP_BASE_URL must be an absolute URL");
    }
    this.appBaseUrl = appBaseUrl.replaceAll("/+$", "");
  }

  public static AppRedirects fromEnvironment() {
    String url = System.getenv("APP_BASE_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("Environment variable APP_BASE_URL is not set (template.yaml Globals declares it)");
    }
    return new AppRedirects(url.trim());
  }

  public URI connected(FacebookConnect.Connected c) {
    return URI.create(appBaseUrl + PAGE + "?status=connected&projectId=" + enc(c.projectId()) + "&adAccounts=" + c.adAccounts());
  }

  public URI failed(OAuthFailure failure) {
    return URI.create(appBaseUrl + PAGE + "?status=error&code=" + failure.name() + "&message=" + enc(failure.userMessage()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
