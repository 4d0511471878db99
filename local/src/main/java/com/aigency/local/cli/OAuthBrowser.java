package com.aigency.local.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Walks the Meta connection as a browser would, against the local system and its Meta simulator
 * (whose dialog consents at once): the start route with the API key, then the 302s to the dialog,
 * to our callback, and back to the app. Returns where the app was sent.
 */
public final class OAuthBrowser {
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public URI connect(String api, String apiKey, String projectId) throws Exception {
    URI dialog = redirect(get(URI.create(api + "/auth/facebook?projectId=" + projectId), apiKey));
    URI callback = redirect(get(dialog, null));
    return redirect(get(callback, null));
  }

  private HttpResponse<String> get(URI uri, String apiKey) throws Exception {
    var request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI redirect(HttpResponse<String> response) {
    if (response.statusCode() != 302) {
      throw new IllegalStateException(response.request().uri().getPath() + " answered " + response.statusCode()
          + " instead of a redirect: " + response.body());
    }
    return URI.create(response.headers().firstValue("Location").orElseThrow().replace("#_=_", ""));
  }
}
