package com.aigency.local.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.kms.LocalKms;
import com.aigency.local.clock.LocalClock;
import com.aigency.local.meta.MetaSimulator;
import com.aigency.local.store.LocalDynamo;
import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Notification;
import com.aigency.shared.domain.Project;
import com.aigency.shared.facebook.FacebookConnect;
import com.aigency.shared.facebook.FacebookServices;
import com.aigency.shared.facebook.OAuthFailure;
import com.aigency.shared.facebook.OAuthFlowException;
import com.aigency.shared.facebook.TokenCheck;
import com.aigency.shared.meta.MetaGraph;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.meta.MetaRetryPolicy;
import com.aigency.shared.meta.MetaSettings;
import com.aigency.shared.notifications.NotificationService;
import com.aigency.shared.notifications.NotificationView;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.NotificationStore;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.ProjectStore;
import com.aigency.shared.vault.TokenVault;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The connection use cases wired to DynamoDB Local, the local KMS and the Meta simulator, all on
 * one controllable clock: state expiry, failed exchanges and the daily token check over 60 days.
 */
class FacebookConnectionFlowTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();
  private static final URI CALLBACK = URI.create("https://api.example.com/dev/auth/facebook/callback");
  private static final String USER = "k_01JD3XEXAMPKEAPPKEY0000001";

  private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private LocalClock clock;
  private MetaSimulator meta;
  private AwsJsonServer kmsServer;
  private KmsClient kms;
  private FacebookServices services;
  private FacebookConnectionStore connections;
  private NotificationService notifications;
  private String tenant;
  private String project;

  @BeforeEach
  void start() throws Exception {
    clock = new LocalClock();
    meta = MetaSimulator.start(0, clock, 11L, null, MetaSimulator.DEFAULT_APP_ID, MetaSimulator.DEFAULT_APP_SECRET);
    LocalKms localKms = new LocalKms(clock, null);
    kmsServer = AwsJsonServer.start(0).register(localKms);
    localKms.createKey(null, "alias/tokens", "test");
    kms = KmsClient.builder().endpointOverride(URI.create(kmsServer.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    String table = dynamo.freshTable();
    MetaGraph graph = new MetaGraph(
        MetaSettings.of(meta.baseUrl(), meta.baseUrl(), "v24.0", MetaSimulator.DEFAULT_APP_ID, MetaSimulator.DEFAULT_APP_SECRET),
        MetaGraph.defaultHttpClient(), clock, clock::advance, MetaRetryPolicy.DEFAULT);
    services = FacebookServices.wire(dynamo.client, table, () -> "test-signing-key", new MetaOAuth(graph),
        new TokenVault(kms, "alias/tokens"), clock);
    connections = new FacebookConnectionStore(dynamo.client, table);
    notifications = new NotificationService(new NotificationStore(dynamo.client, table), clock);
    tenant = Ids.newId("t", clock);
    project = Ids.newId("p", clock);
    new ProjectStore(dynamo.client, table).create(
        new Project(project, tenant, "Bakery", null, false, clock.instant(), clock.instant()));
  }

  @AfterEach
  void stop() {
    kms.close();
    kmsServer.close();
    meta.close();
  }

  /** Start -> Meta's dialog -> what the callback receives. */
  private FacebookConnect.Callback throughTheDialog() throws Exception {
    URI dialog = services.connect().start(tenant, USER, project, CALLBACK);
    HttpResponse<String> r = browser.send(HttpRequest.newBuilder(dialog).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(302);
    Map<String, String> q = new LinkedHashMap<>();
    String location = r.headers().firstValue("Location").orElseThrow().replace("#_=_", "");
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return new FacebookConnect.Callback(
        Optional.ofNullable(q.get("state")), Optional.ofNullable(q.get("code")), Optional.ofNullable(q.get("error")));
  }

  private void fault(String json) throws Exception {
    var r = browser.send(HttpRequest.newBuilder(URI.create(meta.baseUrl() + "/__admin/faults"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  private FacebookConnection connection() {
    return connections.find(tenant, project).orElseThrow();
  }

  private List<String> alertTitles() {
    return notifications.list(tenant, new PageRequest(50, Optional.empty())).items().stream()
        .filter(n -> n.kind() == Notification.Kind.ALERT).map(NotificationView::title).toList();
  }

  private static OAuthFailure failureOf(Runnable r) {
    try {
      r.run();
    } catch (OAuthFlowException e) {
      return e.failure();
    }
    throw new AssertionError("expected the callback to be refused");
  }

  @Test
  void aStateUsedAfterItsTimeIsRefusedAndConnectsNothing() throws Exception {
    var callback = throughTheDialog();
    clock.advance(FacebookConnect.STATE_TTL.plusSeconds(1));
    assertThat(failureOf(() -> services.connect().complete(callback, CALLBACK))).isEqualTo(OAuthFailure.EXPIRED);
    assertThat(connections.find(tenant, project)).isEmpty();
  }

  @Test
  void aFailedExchangeConnectsNothingAndTheStateStaysUsed() throws Exception {
    var callback = throughTheDialog();
    fault("{\"kind\":\"serverError\",\"times\":1,\"match\":{\"pathContains\":\"/oauth/access_token\"}}");
    assertThat(failureOf(() -> services.connect().complete(callback, CALLBACK))).isEqualTo(OAuthFailure.EXCHANGE_FAILED);
    assertThat(connections.find(tenant, project)).isEmpty();
    assertThat(failureOf(() -> services.connect().complete(callback, CALLBACK))).isEqualTo(OAuthFailure.REPLAYED);
  }

  @Test
  void aCodeForAnotherRedirectUriIsRefusedByMeta() throws Exception {
    var callback = throughTheDialog();
    URI elsewhere = URI.create("https://evil.example.com/auth/facebook/callback");
    assertThat(failureOf(() -> services.connect().complete(callback, elsewhere))).isEqualTo(OAuthFailure.EXCHANGE_FAILED);
    assertThat(connections.find(tenant, project)).isEmpty();
  }

  @Test
  void startingForAProjectThatDoesNotExistIs404() {
    assertThatThrownBy(() -> services.connect().start(tenant, USER, Ids.newId("p", clock), CALLBACK))
        .hasMessageContaining("Project not found");
  }

  @Test
  void theDailyCheckRefreshesThenFlagsExpiringThenInvalidAndNotifiesOnce() throws Exception {
    services.connect().complete(throughTheDialog(), CALLBACK);
    Instant firstExpiry = connection().tokenExpiresAt().orElseThrow();
    assertThat(Duration.between(clock.instant(), firstExpiry).toDays()).isBetween(59L, 60L);
    TokenCheck check = services.tokenCheck();

    // far from expiry: nothing to do
    assertThat(check.run(clock.instant())).isEqualTo(new TokenCheck.Summary(0, 0, 0, 0, 0));

    // within a week of expiry: Meta extends it
    clock.advanceTo(firstExpiry.minus(Duration.ofDays(5)));
    assertThat(check.run(clock.instant())).isEqualTo(new TokenCheck.Summary(1, 1, 0, 0, 0));
    Instant secondExpiry = connection().tokenExpiresAt().orElseThrow();
    assertThat(secondExpiry).isAfter(firstExpiry.plus(Duration.ofDays(50)));
    assertThat(connection().status()).isEqualTo(FacebookConnection.Status.VALID);

    // next time Meta will not extend it: EXPIRING, one notification however often the check runs
    clock.advanceTo(secondExpiry.minus(Duration.ofDays(3)));
    fault("{\"kind\":\"serverError\",\"times\":2,\"match\":{\"pathContains\":\"/oauth/access_token\"}}");
    assertThat(check.run(clock.instant())).isEqualTo(new TokenCheck.Summary(1, 0, 1, 0, 0));
    assertThat(check.run(clock.instant())).isEqualTo(new TokenCheck.Summary(1, 0, 1, 0, 0));
    assertThat(connection().status()).isEqualTo(FacebookConnection.Status.EXPIRING);
    assertThat(alertTitles()).containsExactly("Your Facebook connection expires soon");

    // past expiry: INVALID, reconnection asked, and no longer checked
    clock.advanceTo(secondExpiry.plusSeconds(60));
    assertThat(check.run(clock.instant())).isEqualTo(new TokenCheck.Summary(1, 0, 0, 1, 0));
    assertThat(connection().status()).isEqualTo(FacebookConnection.Status.INVALID);
    assertThat(alertTitles()).containsExactly("Reconnect your Facebook account", "Your Facebook connection expires soon");
    assertThat(check.run(clock.instant())).isEqualTo(new TokenCheck.Summary(0, 0, 0, 0, 0));
  }

  @Test
  void error190DuringTheCheckMarksTheConnectionInvalid() throws Exception {
    services.connect().complete(throughTheDialog(), CALLBACK);
    clock.advanceTo(connection().tokenExpiresAt().orElseThrow().minus(Duration.ofDays(2)));
    fault("{\"kind\":\"tokenInvalid\",\"times\":1,\"match\":{\"pathContains\":\"/oauth/access_token\"}}");
    assertThat(check().run(clock.instant())).isEqualTo(new TokenCheck.Summary(1, 0, 0, 1, 0));
    assertThat(connection().status()).isEqualTo(FacebookConnection.Status.INVALID);
    assertThat(connection().statusReason()).hasValueSatisfying(r -> assertThat(r).contains("190"));
    assertThat(alertTitles()).containsExactly("Reconnect your Facebook account");
  }

  private TokenCheck check() {
    return services.tokenCheck();
  }
}
