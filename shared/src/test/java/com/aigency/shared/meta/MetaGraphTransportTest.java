package com.aigency.shared.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport on the wire, against a scripted HTTP server: headers, proof, retry policy. */
class MetaGraphTransportTest {
  static final String SECRET = "unit-app-secret";
  static final AccessToken TOKEN = AccessToken.of("EAAunittoken42");

  record Reply(int status, String body, Map<String, String> headers) {}

  record Seen(String method, String uri, String authorization, String body) {}

  HttpServer server;
  final Deque<Reply> replies = new ArrayDeque<>();
  final List<Seen> seen = new ArrayList<>();
  final List<Duration> sleeps = new ArrayList<>();
  MetaGraph graph;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (seen) {
          seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders().getFirst("Authorization"), body));
        }
        Reply r;
        synchronized (replies) {
          r = replies.isEmpty() ? new Reply(200, "{\"id\":\"1\"}", Map.of()) : replies.poll();
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(r.status(), bytes.length);
        ex.getResponseBody().write(bytes);
      }
    });
    server.start();
    graph = graph(MetaRetryPolicy.DEFAULT);
  }

  MetaGraph graph(MetaRetryPolicy policy) {
    String base = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    return new MetaGraph(MetaSettings.of(base, base, "v24.0", "1", SECRET), MetaGraph.defaultHttpClient(), Clock.systemUTC(), sleeps::add, policy);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static Reply rateLimited(String bucJson) {
    return new Reply(400, "{\"error\":{\"message\":\"(#80004) too many calls\",\"type\":\"OAuthException\",\"code\":80004,"
        + "\"error_subcode\":2446079,\"is_transient\":true,\"fbtrace_id\":\"T1\"}}",
        bucJson == null ? Map.of() : Map.of("X-Business-Use-Case-Usage", bucJson));
  }

  @Test
  void theTokenTravelsInTheHeaderAndEveryCallCarriesTheProof() {
    graph.get(TOKEN, "/act_9/campaigns", Map.of("fields", "id,name", "access_token", "smuggled"));
    graph.post(TOKEN, "/act_9/campaigns", Map.of("name", "a b&c"), false);

    String proof = MetaGraph.appSecretProof(SECRET, TOKEN.value());
    Seen get = seen.get(0);
    assertThat(get.uri()).startsWith("/v24.0/act_9/campaigns?").contains("appsecret_proof=" + proof)
        .doesNotContain("access_token").doesNotContain(TOKEN.value());
    assertThat(get.authorization()).isEqualTo("OAuth " + TOKEN.value());
    Seen post = seen.get(1);
    assertThat(post.uri()).isEqualTo("/v24.0/act_9/campaigns");
    assertThat(post.body()).contains("name=a+b%26c", "appsecret_proof=" + proof).doesNotContain(TOKEN.value());
  }

  @Test
  void refusesWhatIsNotAGraphPath() {
    for (String bad : new String[] {"act_1", "/act_1?x=1", "/../me", "/me/..", "/a b", "/me#x", ""}) {
      assertThatThrownBy(() -> graph.get(TOKEN, bad, Map.of())).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void aRateLimitWithoutUsageHeadersIsHandedOnWithoutWaiting() {
    replies.add(new Reply(429, "", Map.of()));
    MetaApiException e = catchThrowableOfType(MetaApiException.class, () -> graph.get(TOKEN, "/me", Map.of()));
    assertThat(e.kind()).isEqualTo(MetaErrorKind.RATE_LIMITED);
    assertThat(e.retryAfter()).isEmpty();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void inlineWaitsAreBoundedInTotalAndInCount() {
    replies.add(rateLimited("{\"9\":[{\"type\":\"ads_management\",\"estimated_time_to_regain_access\":1}]}"));
    replies.add(rateLimited("{\"9\":[{\"type\":\"ads_management\",\"estimated_time_to_regain_access\":1}]}"));
    MetaApiException e = catchThrowableOfType(MetaApiException.class, () -> graph.post(TOKEN, "/act_9/ads", Map.of(), false));
    // 60 s waited once; a second minute would exceed the 60 s a call may wait inline
    assertThat(sleeps).containsExactly(Duration.ofMinutes(1));
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(1));
    assertThat(e.fbtraceId()).contains("T1");

    sleeps.clear();
    replies.clear();
    for (int i = 0; i < 3; i++) {
      replies.add(rateLimited("{\"9\":[{\"type\":\"ads_management\",\"estimated_time_to_regain_access\":0}]}"));
    }
    assertThat(catchThrowableOfType(MetaApiException.class, () -> graph.get(TOKEN, "/act_9", Map.of())).kind())
        .isEqualTo(MetaErrorKind.RATE_LIMITED);
    // "0 minutes" still waits the minimum; two retries, then handed on
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void aLongerInlineLimitWaitsLonger() {
    MetaGraph patient = graph(MetaRetryPolicy.DEFAULT.withMaxInlineWait(Duration.ofMinutes(5)));
    replies.add(rateLimited("{\"9\":[{\"type\":\"ads_management\",\"estimated_time_to_regain_access\":3}]}"));
    assertThat(patient.get(TOKEN, "/act_9", Map.of()).path("id").asText()).isEqualTo("1");
    assertThat(sleeps).containsExactly(Duration.ofMinutes(3));
  }

  @Test
  void aGatewayPageIsTransientAndRetriedForReads() {
    replies.add(new Reply(502, "<html>Bad gateway</html>", Map.of()));
    assertThat(graph.get(TOKEN, "/me", Map.of()).path("id").asText()).isEqualTo("1");
    assertThat(sleeps).containsExactly(Duration.ofMillis(500));

    replies.add(new Reply(502, "<html>Bad gateway</html>", Map.of()));
    MetaApiException e = catchThrowableOfType(MetaApiException.class, () -> graph.post(TOKEN, "/act_9/ads", Map.of(), false));
    assertThat(e.kind()).isEqualTo(MetaErrorKind.TRANSIENT);
    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void anUnreachableServerIsTransient() {
    server.stop(0);
    MetaApiException e = catchThrowableOfType(MetaApiException.class, () -> graph.get(TOKEN, "/me", Map.of()));
    assertThat(e.kind()).isEqualTo(MetaErrorKind.TRANSIENT);
    assertThat(e.httpStatus()).isZero();
    assertThat(e.getMessage()).contains("GET /me", "I/O error").doesNotContain(TOKEN.value());
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void aSuccessWithoutJsonIsAFailure() {
    replies.add(new Reply(200, "OK", Map.of()));
    assertThat(catchThrowableOfType(MetaApiException.class, () -> graph.get(TOKEN, "/me", Map.of())).kind())
        .isEqualTo(MetaErrorKind.UNKNOWN);
  }

  @Test
  void secretsMetaEchoesAreRedacted() {
    replies.add(new Reply(400, "{\"error\":{\"message\":\"Bad token " + TOKEN.value() + " with proof "
        + MetaGraph.appSecretProof(SECRET, TOKEN.value()) + "\",\"code\":190}}", Map.of()));
    MetaApiException e = catchThrowableOfType(MetaApiException.class, () -> graph.get(TOKEN, "/me", Map.of()));
    assertThat(e.getMessage()).contains("Bad token ***").doesNotContain(TOKEN.value())
        .doesNotContain(MetaGraph.appSecretProof(SECRET, TOKEN.value()));
    assertThat(e.toString()).startsWith("MetaApiException[Meta.TokenInvalid]");
  }
}
