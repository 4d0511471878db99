package com.aigency.local.metaclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.clock.LocalClock;
import com.aigency.local.meta.MetaSimulator;
import com.aigency.local.testing.LogCapture;
import com.aigency.shared.json.Json;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.MetaAds;
import com.aigency.shared.meta.MetaGraph;
import com.aigency.shared.meta.MetaInsights;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.meta.MetaRetryPolicy;
import com.aigency.shared.meta.MetaSettings;
import com.aigency.shared.meta.Sleeper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real Meta client over HTTP against the simulator, with {@code appsecret_proof} enforced, a
 * {@link LocalClock} that the client's {@link Sleeper} advances (no real sleeping), and every log
 * line of the client captured so that a test can assert no secret reached it.
 */
final class MetaHarness implements AutoCloseable {
  static final String APP_ID = "100000000000042";
  static final String APP_SECRET = "harness-app-secret-4c1f9a7e2b";
  static final String API_VERSION = "v24.0";
  static final String REDIRECT = "https://app.example.com/oauth/meta/callback";
  static final List<String> SCOPES = List.of("ads_management", "ads_read", "business_management");

  final LocalClock clock = new LocalClock();
  final MetaSimulator sim;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final MetaGraph graph;
  final MetaOAuth oauth;
  final MetaAds ads;
  final MetaInsights insights;
  final StringWriter logs = new StringWriter();
  final StringWriter failures = new StringWriter();
  /** Every secret value the test saw: the app secret, codes, tokens and their proofs. */
  final Set<String> secrets = new LinkedHashSet<>();
  private final LogCapture capture;
  private final HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  MetaHarness() throws IOException {
    this(MetaRetryPolicy.DEFAULT);
  }

  MetaHarness(MetaRetryPolicy policy) throws IOException {
    sim = MetaSimulator.start(0, clock, 7L, null, APP_ID, APP_SECRET);
    MetaSettings settings = MetaSettings.of(sim.baseUrl(), sim.baseUrl(), API_VERSION, APP_ID, APP_SECRET);
    Sleeper sleeper = d -> {
      sleeps.add(d);
      clock.advance(d);
    };
    graph = new MetaGraph(settings, MetaGraph.defaultHttpClient(), clock, sleeper, policy);
    oauth = new MetaOAuth(graph);
    ads = new MetaAds(graph);
    insights = new MetaInsights(graph);
    secrets.add(APP_SECRET);
    capture = LogCapture.attach(logs, MetaGraph.class.getName(), MetaInsights.class.getName(), MetaSimulator.class.getName());
  }

  /** The whole Meta Login: dialog, redirect, code exchange, long-lived exchange. */
  AccessToken connect() throws Exception {
    String code = dialogCode("state-" + System.nanoTime());
    AccessToken shortLived = oauth.exchangeCode(code, REDIRECT);
    remember(shortLived);
    AccessToken longLived = oauth.exchangeForLongLived(shortLived);
    remember(longLived);
    return longLived;
  }

  /** GETs the dialog URL as a browser would (no redirects followed) and takes the code. */
  String dialogCode(String state) throws Exception {
    URI dialog = oauth.dialogUrl(REDIRECT, state, SCOPES);
    HttpResponse<String> r = raw.send(HttpRequest.newBuilder(dialog).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(302);
    Map<String, String> q = query(r.headers().firstValue("Location").orElseThrow());
    assertThat(q).containsEntry("state", state);
    String code = q.get("code");
    assertThat(code).isNotBlank();
    secrets.add(code);
    return code;
  }

  void remember(AccessToken token) {
    secrets.add(token.value());
    secrets.add(MetaGraph.appSecretProof(APP_SECRET, token.value()));
  }

  /** POST /__admin/faults. */
  void fault(String json) throws Exception {
    HttpResponse<String> r = admin("POST", "/__admin/faults", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  HttpResponse<String> admin(String method, String path, String json) throws Exception {
    return raw.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A raw Graph call without credentials (to read what a fault answers). */
  HttpResponse<String> rawGraph(String method, String pathAndQuery) throws Exception {
    return raw.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + API_VERSION + pathAndQuery))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.ofString(""))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode state() throws Exception {
    return Json.read(admin("GET", "/__admin/state", null).body());
  }

  /** Records an exception's message, toString and stack trace for the no-secrets check. */
  <T extends Throwable> T record(T failure) {
    failure.printStackTrace(new PrintWriter(failures, true));
    failures.append(String.valueOf(failure)).append('\n');
    return failure;
  }

  /** Asserts no secret appeared in a captured log line or recorded failure. */
  void assertNoSecretLeaked() {
    String logged = logs.toString();
    String failed = failures.toString();
    for (String secret : secrets) {
      assertThat(logged).as("logs must not contain a secret").doesNotContain(secret);
      assertThat(failed).as("failures must not contain a secret").doesNotContain(secret);
    }
  }

  @Override
  public void close() {
    try {
      capture.close();
    } finally {
      sim.close();
    }
  }

  static Map<String, String> query(String location) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = location.substring(location.indexOf('?') + 1);
    int hash = q.indexOf('#');
    if (hash >= 0) {
      q = q.substring(0, hash);
    }
    for (String p : q.split("&")) {
      int i = p.indexOf('=');
      out.put(
          URLDecoder.decode(p.substring(0, i), StandardCharsets.UTF_8),
          URLDecoder.decode(p.substring(i + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
