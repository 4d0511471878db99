package com.aigency.shared.meta;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP transport to Meta's Graph API that {@link MetaOAuth}, {@link MetaAds} and {@link
 * MetaInsights} share. Build it once per container (cold start) and reuse it; it is thread-safe.
 *
 * <ul>
 *   <li>Every URL is {@code {META_GRAPH_BASE_URL}/{META_API_VERSION}{path}}: the version is pinned
 *       in {@link MetaSettings} and nowhere else.
 *   <li>The access token travels in the {@code Authorization: OAuth <token>} header, never in the
 *       URL, and every call with a token carries {@code appsecret_proof} (HMAC-SHA256 of the token
 *       keyed with the app secret, lower-case hex).
 *   <li>Errors become {@link MetaApiException}s classified by {@link MetaErrors}; rate limits are
 *       waited out inline when short and thrown otherwise, transient errors of idempotent calls
 *       are retried, per {@link MetaRetryPolicy}.
 *   <li>Each request is logged at INFO with method, path (ids, never a query string), status,
 *       duration and {@code fbtrace_id}. Tokens, the app secret, the proof and OAuth codes never
 *       reach a log line or an exception message.
 * </ul>
 */
public final class MetaGraph {
  private static final Logger LOG = LoggerFactory.getLogger(MetaGraph.class);

  /** Path segments are Graph ids and edge names: {@code act_123}, {@code 120200}, {@code adsets}. */
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_:.\\-]+)+");

  private static final Pattern ACT = Pattern.compile("^/(act_\\d+)(?:/.*)?$");

  /** Usage (percent of quota) from which the client warns in its log. */
  static final double USAGE_WARN_PERCENT = 75;

  /** Pages followed at most by {@link #getAllPages}, a guard against a cursor that never ends. */
  static final int MAX_PAGES = 500;

  private final MetaSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final MetaRetryPolicy policy;

  public MetaGraph(
      MetaSettings settings, HttpClient http, Clock clock, Sleeper sleeper, MetaRetryPolicy policy) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Real HTTP client, UTC system clock, {@link Thread#sleep}, {@link MetaRetryPolicy#DEFAULT}. */
  public static MetaGraph create(MetaSettings settings) {
    return new MetaGraph(settings, defaultHttpClient(), Clock.systemUTC(), Sleeper.system(), MetaRetryPolicy.DEFAULT);
  }

  /** {@link #create} with {@link MetaSettings#fromEnvironment()}. */
  public static MetaGraph fromEnvironment() {
    return create(MetaSettings.fromEnvironment());
  }

  /** HTTP/1.1, redirects not followed, 10 s connect timeout. */
  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public MetaSettings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public MetaRetryPolicy policy() {
    return policy;
  }

  /**
   * Lower-case hex HMAC-SHA256 of {@code accessToken} keyed with {@code appSecret}: Meta's {@code
   * appsecret_proof}.
   */
  public static String appSecretProof(String appSecret, String accessToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  // ------------------------------------------------------------------ calls with a token

  /** {@code GET path} with {@code params} in the query; retried on transient errors. */
  public JsonNode get(AccessToken token, String path, Map<String, String> params) {
    return call(new Call("GET", path, params, token, true));
  }

  /**
   * {@code POST path} with {@code params} as a form body.
   *
   * @param idempotent true only when repeating the request cannot create or change anything twice
   *     (setting a status or a budget to an absolute value); creates pass false and are never
   *     retried after a transient error
   */
  public JsonNode post(AccessToken token, String path, Map<String, String> params, boolean idempotent) {
    return call(new Call("POST", path, params, token, idempotent));
  }

  /**
   * The {@code data} elements of every page of {@code GET path}, following {@code
   * paging.cursors.after} while Meta reports a {@code paging.next}. The {@code next} URL itself is
   * never fetched: Meta puts the access token in it.
   */
  public List<JsonNode> getAllPages(AccessToken token, String path, Map<String, String> params) {
    Map<String, String> p = new LinkedHashMap<>(params);
    List<JsonNode> out = new ArrayList<>();
    String previous = null;
    for (int page = 1; ; page++) {
      JsonNode body = get(token, path, p);
      body.path("data").forEach(out::add);
      JsonNode paging = body.path("paging");
      String next = paging.path("next").asText("");
      if (next.isEmpty()) {
        return out;
      }
      String after = paging.path("cursors").path("after").asText("");
      if (after.isEmpty()) {
        after = queryParam(next, "after").orElse("");
      }
      if (after.isEmpty() || after.equals(previous)) {
        Optional<String> offset = queryParam(next, "offset");
        if (offset.isEmpty() || offset.get().equals(p.get("offset"))) {
          return out;
        }
        p.put("offset", offset.get());
      } else {
        p.put("after", after);
        previous = after;
      }
      if (page >= MAX_PAGES) {
        throw MetaApiException.of(
            MetaErrorKind.UNKNOWN, "GET " + path + " returned more than " + MAX_PAGES + " pages");
      }
    }
  }

  // ------------------------------------------------------------------ OAuth endpoint

  /**
   * {@code GET path} without an access token, for {@code /oauth/access_token}: the app secret and
   * the code or token being exchanged go in the query as Meta documents, so none of {@code
   * secretParams}' values may appear in a log line or exception. Never retried after a transient
   * error (a code can be redeemed once); rate limits are handled as for every call.
   */
  JsonNode getWithoutToken(String path, Map<String, String> params, List<String> secretParams) {
    List<String> secrets = new ArrayList<>();
    for (String name : secretParams) {
      String value = params.get(name);
      if (value != null) {
        secrets.add(value);
      }
    }
    return call(new Call("GET", path, params, null, false, List.copyOf(secrets)));
  }

  // ------------------------------------------------------------------ machinery

  private record Call(
      String method,
      String path,
      Map<String, String> params,
      AccessToken token,
      boolean idempotent,
      List<String> extraSecrets) {
    Call(String method, String path, Map<String, String> params, AccessToken token, boolean idempotent) {
      this(method, path, params, token, idempotent, List.of());
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private JsonNode call(Call call) {
    if (!PATH.matcher(call.path()).matches() || call.path().contains("/../") || call.path().endsWith("/..")) {
      throw new IllegalArgumentException("Not a Graph path: " + call.path());
    }
    Map<String, String> params = new LinkedHashMap<>(call.params());
    List<String> secrets = new ArrayList<>(call.extraSecrets());
    if (call.token() != null) {
      String appSecret = settings.requireAppSecret();
      String proof = appSecretProof(appSecret, call.token().value());
      params.put("appsecret_proof", proof);
      secrets.add(call.token().value());
      secrets.add(appSecret);
      secrets.add(proof);
    }
    params.remove("access_token");
    HttpRequest request = request(call, params);

    Duration waited = Duration.ZERO;
    int rateLimitRetries = 0;
    int transientRetries = 0;
    while (true) {
      try {
        return once(call, request, secrets);
      } catch (MetaApiException e) {
        Duration wait;
        if (e.kind() == MetaErrorKind.RATE_LIMITED) {
          wait = e.retryAfter().orElse(policy.fallbackRateLimitWait());
          if (wait.compareTo(policy.minRateLimitWait()) < 0) {
            wait = policy.minRateLimitWait();
          }
          if (rateLimitRetries >= policy.maxRateLimitRetries()
              || waited.plus(wait).compareTo(policy.maxInlineWait()) > 0) {
            LOG.warn(
                "Meta {} rate limited; retry after {} exceeds what this call may wait inline, handing"
                    + " the wait to the caller",
                call,
                wait);
            throw e;
          }
          rateLimitRetries++;
          LOG.warn("Meta {} rate limited; waiting {} as the usage headers say, then retry {}", call, wait, rateLimitRetries);
        } else if (e.kind() == MetaErrorKind.TRANSIENT && call.idempotent()
            && transientRetries < policy.maxTransientRetries()) {
          transientRetries++;
          wait = policy.transientBackoff(transientRetries);
          LOG.warn("Meta {} failed transiently; retry {} in {}", call, transientRetries, wait);
        } else {
          throw e;
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        waited = waited.plus(wait);
      }
    }
  }

  private HttpRequest request(Call call, Map<String, String> params) {
    String form = form(params);
    String url = settings.versionedGraphUrl() + call.path();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder().timeout(policy.requestTimeout()).header("Accept", "application/json");
    if (call.token() != null) {
      builder.header("Authorization", "OAuth " + call.token().value());
    }
    if (call.method().equals("GET")) {
      builder.uri(URI.create(form.isEmpty() ? url : url + "?" + form)).GET();
    } else {
      builder
          .uri(URI.create(url))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .method(call.method(), HttpRequest.BodyPublishers.ofString(form));
    }
    return builder.build();
  }

  private JsonNode once(Call call, HttpRequest request, List<String> secrets) {
    long started = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      long ms = (System.nanoTime() - started) / 1_000_000;
      String detail = e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + MetaErrors.redact(e.getMessage(), secrets));
      LOG.warn("Meta {} {} failed after {} ms: {}", call.method(), call.path(), ms, detail);
      MetaApiException failure =
          MetaApiException.of(MetaErrorKind.TRANSIENT, "Meta.Transient on " + call + ": I/O error " + detail);
      return throwWithSafeCause(failure, e, secrets);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MetaApiException.of(MetaErrorKind.TRANSIENT, "Meta.Transient on " + call + ": interrupted");
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    int status = response.statusCode();
    RateLimitUsage usage = RateLimitUsage.parse(name -> response.headers().firstValue(name));
    JsonNode body = parseBody(response.body());
    Optional<MetaErrors.GraphErrorBody> error = MetaErrors.parse(body);
    String traceId =
        error.map(MetaErrors.GraphErrorBody::fbtraceId)
            .or(() -> response.headers().firstValue("x-fb-trace-id"))
            .orElse("-");
    LOG.info("Meta {} {} -> {} in {} ms (fbtrace_id {})", call.method(), call.path(), status, ms, traceId);
    if (usage.maxUsagePercent() >= USAGE_WARN_PERCENT) {
      LOG.warn("Meta usage at {}% of quota after {}", Math.round(usage.maxUsagePercent()), call);
    }
    if (status >= 200 && status < 300 && error.isEmpty()) {
      if (body == null) {
        throw MetaApiException.of(
            MetaErrorKind.UNKNOWN, "Meta.Failed on " + call + ": HTTP " + status + " with a body that is not JSON");
      }
      return body;
    }
    throw failure(call, status, error, usage, traceId, secrets);
  }

  private MetaApiException failure(
      Call call,
      int status,
      Optional<MetaErrors.GraphErrorBody> error,
      RateLimitUsage usage,
      String traceId,
      List<String> secrets) {
    if (error.isEmpty()) {
      MetaErrorKind kind = MetaErrors.classify(status, null, null, null, null);
      Duration retryAfter = kind == MetaErrorKind.RATE_LIMITED ? usage.regainAccessIn(accountOf(call.path())).orElse(null) : null;
      return new MetaApiException(
          kind,
          kind.errorName() + " on " + call + ": HTTP " + status + " without a Graph error body",
          status, null, null, null, "-".equals(traceId) ? null : traceId, null, null, null, retryAfter);
    }
    MetaErrors.GraphErrorBody e = error.get();
    MetaErrorKind kind = MetaErrors.classify(status, e.code(), e.subcode(), e.isTransient(), e.message());
    String field = kind == MetaErrorKind.INVALID_PARAMETER ? MetaErrors.offendingField(e).orElse(null) : null;
    Duration retryAfter =
        kind == MetaErrorKind.RATE_LIMITED ? usage.regainAccessIn(accountOf(call.path())).orElse(null) : null;
    StringBuilder message = new StringBuilder()
        .append(kind.errorName()).append(" on ").append(call).append(": HTTP ").append(status)
        .append(", code ").append(e.code());
    if (e.subcode() != null) {
      message.append(" subcode ").append(e.subcode());
    }
    if (e.type() != null) {
      message.append(" (").append(e.type()).append(')');
    }
    message.append(": ").append(e.message());
    if (e.userTitle() != null || e.userMessage() != null) {
      message.append(" | ").append(e.userTitle() == null ? "" : e.userTitle() + ": ")
          .append(e.userMessage() == null ? "" : e.userMessage());
    }
    if (field != null) {
      message.append(" [field ").append(field).append(']');
    }
    if (retryAfter != null) {
      message.append(" [retry after ").append(retryAfter).append(']');
    }
    message.append(" [fbtrace_id ").append(traceId).append(']');
    return new MetaApiException(
        kind,
        MetaErrors.redact(message.toString(), secrets),
        status,
        e.code(),
        e.subcode(),
        e.type(),
        "-".equals(traceId) ? null : traceId,
        MetaErrors.redact(e.userTitle(), secrets),
        MetaErrors.redact(e.userMessage(), secrets),
        field,
        retryAfter);
  }

  private static JsonNode throwWithSafeCause(MetaApiException failure, Throwable cause, List<String> secrets) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      for (String secret : secrets) {
        if (secret != null && !secret.isEmpty() && m.contains(secret)) {
          throw failure;
        }
      }
    }
    throw failure.withCause(cause);
  }

  /** The ad account a path is about ({@code /act_123/...}), for picking the usage entry. */
  static String accountOf(String path) {
    var m = ACT.matcher(path);
    return m.matches() ? m.group(1) : null;
  }

  private static JsonNode parseBody(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static String form(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach((k, v) -> {
      if (v == null) {
        return;
      }
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return out.toString();
  }

  private static Optional<String> queryParam(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return Optional.empty();
    }
    String query = url.substring(q + 1);
    int hash = query.indexOf('#');
    if (hash >= 0) {
      query = query.substring(0, hash);
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
