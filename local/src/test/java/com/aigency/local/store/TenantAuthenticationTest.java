package com.aigency.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.domain.ApiKey;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.domain.Tenant;
import com.aigency.shared.domain.Tenant.TenantStatus;
import com.aigency.shared.http.AuthContext;
import com.aigency.shared.store.TenantStore;
import com.aigency.shared.tenancy.ApiKeySecrets;
import com.aigency.shared.tenancy.TenantService;
import com.aigency.shared.tenancy.TenantService.NewTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolving a presented API key (and X-Client-Id) to a tenant context, against the real table. */
class TenantAuthenticationTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();

  private final SteppingClock clock = new SteppingClock(Instant.parse("2025-11-18T09:00:00Z"), Duration.ofSeconds(1));
  private String table;
  private TenantStore store;
  private TenantService service;
  private NewTenant client;
  private NewTenant otherClient;
  private NewTenant operator;



  @BeforeEach
  void twoClientsAndAnOperator() {
    table = dynamo.freshTable();
    store = new TenantStore(dynamo.client, table);
    service = new TenantService(store, clock);
    client = service.createTenant("Corner Bakery", Set.of(Scope.APP));
    otherClient = service.createTenant("Harbour Gym", Set.of(Scope.ADMIN));
    operator = service.createTenant("Aigency Ops", Set.of(Scope.OPERATOR));
  }

  /** Adds a key with a known secret straight through the store. */
  private String addKey(String tenantId, Set<Scope> scopes, boolean revoked) {
    String secret = ApiKeySecrets.generate();
    store.addKey(
        new ApiKey(
            Ids.newId("k", clock), tenantId, "test", scopes, ApiKeySecrets.hash(secret), revoked, clock.instant()));
    return secret;
  }

  @Test
  void aValidKeyResolvesToItsTenantWithItsScopes() {
    Optional<AuthContext> context = service.authenticate(client.apiKey(), Optional.empty());

    assertThat(context)
        .contains(new AuthContext(client.tenantId(), Set.of(Scope.APP), client.keyId(), Optional.empty()));
  }

  @Test
  void anAdminKeyCarriesTheAdminScope() {
    AuthContext context = service.authenticate(otherClient.apiKey(), Optional.empty()).orElseThrow();

    assertThat(context.scopes()).containsExactly(Scope.ADMIN);
    assertThat(context.grants(Scope.APP)).isTrue();
  }

  @Test
  void anUnknownWellFormedKeyResolvesToNothing() {
    assertThat(service.authenticate(ApiKeySecrets.generate(), Optional.empty())).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"garbage", "agk_", "Bearer something", "agk_EXAMPLEonlyNotARealKey-appKey_0123456789ab"})
  void aMalformedKeyResolvesToNothing(String key) {
    assertThat(service.authenticate(key, Optional.empty())).isEmpty();
  }

  @Test
  void theHashOfAValidKeyIsNotAKey() {
    String hash = ApiKeySecrets.hash(client.apiKey());

    assertThat(service.authenticate(hash, Optional.empty())).isEmpty();
    assertThat(service.authenticate("agk_" + hash.substring(0, 43), Optional.empty())).isEmpty();
  }

  @Test
  void aKeyAddedThroughTheStoreResolves() {
    String secret = addKey(client.tenantId(), Set.of(Scope.WEBHOOK), false);

    assertThat(service.authenticate(secret, Optional.empty()))
        .map(AuthContext::scopes)
        .contains(Set.of(Scope.WEBHOOK));
  }

  @Test
  void aRevokedKeyResolvesToNothing() {
    String revoked = addKey(client.tenantId(), Set.of(Scope.APP), true);

    assertThat(service.authenticate(revoked, Optional.empty())).isEmpty();
  }

  @Test
  void aKeyOfASuspendedTenantResolvesToNothing() {
    String suspendedId = Ids.newId("t", clock);
    store.create(new Tenant(suspendedId, "Closed Shop", TenantStatus.SUSPENDED, clock.instant()));
    String key = addKey(suspendedId, Set.of(Scope.ADMIN), false);

    assertThat(service.authenticate(key, Optional.empty())).isEmpty();
  }

  @Test
  void aKeyWhoseTenantDoesNotExistResolvesToNothing() {
    String key = addKey(Ids.newId("t", clock), Set.of(Scope.ADMIN), false);

    assertThat(service.authenticate(key, Optional.empty())).isEmpty();
  }

  @Test
  void aClientIdNamingTheKeysOwnTenantResolvesToItself() {
    Optional<AuthContext> context = service.authenticate(client.apiKey(), Optional.of(client.tenantId()));

    assertThat(context)
        .contains(new AuthContext(client.tenantId(), Set.of(Scope.APP), client.keyId(), Optional.empty()));
  }

  @Test
  void aBlankClientIdIsIgnored() {
    assertThat(service.authenticate(client.apiKey(), Optional.of("  ")))
        .map(AuthContext::tenantId)
        .contains(client.tenantId());
  }

  @Test
  void aClientIdNamingAnotherTenantWithoutOperatorScopeResolvesToNothing() {
    assertThat(service.authenticate(client.apiKey(), Optional.of(otherClient.tenantId()))).isEmpty();
    assertThat(service.authenticate(otherClient.apiKey(), Optional.of(client.tenantId()))).isEmpty();
  }

  @Test
  void anOperatorKeyActsForTheNamedTenantAndRecordsTheOperator() {
    AuthContext context = service.authenticate(operator.apiKey(), Optional.of(client.tenantId())).orElseThrow();

    assertThat(context.tenantId()).isEqualTo(client.tenantId());
    assertThat(context.operatorTenantId()).contains(operator.tenantId());
    assertThat(context.keyId()).isEqualTo(operator.keyId());
  }

  @Test
  void anOperatorKeyWithoutClientIdActsForItsOwnTenant() {
    AuthContext context = service.authenticate(operator.apiKey(), Optional.empty()).orElseThrow();

    assertThat(context.tenantId()).isEqualTo(operator.tenantId());
    assertThat(context.operatorTenantId()).isEmpty();
  }

  @Test
  void anOperatorNamingANonexistentTenantResolvesToNothing() {
    assertThat(service.authenticate(operator.apiKey(), Optional.of(Ids.newId("t", clock)))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"T#t_01JD3XEXAMPKETENANT0000001", "t_short", "p_01JD4C0RNERBAKERYPR0JECT01", "*", "t_01JD3XEXAMPKETENANT0000001#P#x"})
  void anOperatorNamingAMalformedTenantIdResolvesToNothing(String clientId) {
    assertThat(service.authenticate(operator.apiKey(), Optional.of(clientId))).isEmpty();
  }

  @Test
  void anOperatorNamingASuspendedTenantResolvesToNothing() {
    String suspendedId = Ids.newId("t", clock);
    store.create(new Tenant(suspendedId, "Closed Shop", TenantStatus.SUSPENDED, clock.instant()));

    assertThat(service.authenticate(operator.apiKey(), Optional.of(suspendedId))).isEmpty();
  }

  @Test
  void aRevokedOperatorKeyCannotActForAnyone() {
    String revoked = addKey(operator.tenantId(), Set.of(Scope.OPERATOR), true);

    assertThat(service.authenticate(revoked, Optional.of(client.tenantId()))).isEmpty();
  }

  @Test
  void theTableNeverHoldsAPlaintextKey() {
    String extra = addKey(client.tenantId(), Set.of(Scope.APP), false);
    var items = TestTables.scanAll(dynamo.client, table);

    assertThat(items).isNotEmpty();
    for (String key : new String[] {client.apiKey(), otherClient.apiKey(), operator.apiKey(), extra}) {
      String secretPart = key.substring(ApiKeySecrets.PREFIX.length());
      assertThat(items)
          .allSatisfy(item -> assertThat(TestTables.allText(item)).noneMatch(text -> text.contains(secretPart)));
    }
  }

  @Test
  void aKeyIsStoredUnderItsHashWithItsTenantAndScopes() {
    var items = TestTables.scanAll(dynamo.client, table);

    assertThat(items)
        .filteredOn(i -> i.get("PK").s().equals("APIKEY#" + ApiKeySecrets.hash(client.apiKey())))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.get("tenantId").s()).isEqualTo(client.tenantId());
              assertThat(item.get("scopes").ss()).containsExactly("app");
              assertThat(item.get("revoked").bool()).isFalse();
            });
  }

  @Test
  void createTenantRefusesABlankNameOrNoScopes() {
    assertThatThrownBy(() -> service.createTenant(" ", Set.of(Scope.APP))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> service.createTenant("Shop", Set.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
