package com.aigency.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.domain.Scope;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthContextTest {
  private static final String TENANT = "t_01JD3XEXAMPKETENANT0000001";
  private static final String OPERATOR_TENANT = "t_01JD3XEXAMPKE0PERAT0R00001";

  @Test
  void aContextSurvivesTheTripThroughTheAuthorizer() {
    AuthContext original = new AuthContext(TENANT, Set.of(Scope.ADMIN, Scope.APP), "k_1", Optional.empty());

    Optional<AuthContext> back = AuthContext.fromLambdaContext(original.toLambdaContext());

    assertThat(back).contains(original);
  }

  @Test
  void anOperatorContextKeepsTheOperatorTenant() {
    AuthContext original = new AuthContext(TENANT, Set.of(Scope.OPERATOR), "k_op", Optional.of(OPERATOR_TENANT));

    AuthContext back = AuthContext.fromLambdaContext(original.toLambdaContext()).orElseThrow();

    assertThat(back.tenantId()).isEqualTo(TENANT);
    assertThat(back.operatorTenantId()).contains(OPERATOR_TENANT);
    assertThat(back).isEqualTo(original);
  }

  @Test
  void theLambdaContextIsAMapOfStrings() {
    AuthContext context = new AuthContext(TENANT, EnumSet.of(Scope.WEBHOOK, Scope.APP), "k_1", Optional.empty());

    assertThat(context.toLambdaContext())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("tenantId", TENANT, "scopes", "app webhook", "keyId", "k_1", "operatorTenantId", ""));
  }

  @Test
  void unknownScopesAreIgnored() {
    Map<String, Object> lambda = Map.of("tenantId", TENANT, "scopes", "app superuser ADMIN root", "keyId", "k_1");

    AuthContext context = AuthContext.fromLambdaContext(lambda).orElseThrow();

    assertThat(context.scopes()).containsExactly(Scope.APP);
    assertThat(context.grants(Scope.ADMIN)).isFalse();
  }

  @Test
  void aContextWithoutScopesGrantsNothing() {
    AuthContext context = AuthContext.fromLambdaContext(Map.of("tenantId", TENANT)).orElseThrow();

    assertThat(context.scopes()).isEmpty();
    for (Scope scope : Scope.values()) {
      assertThat(context.grants(scope)).as(scope.name()).isFalse();
    }
  }

  @Test
  void anAdminContextGrantsAppRoutes() {
    AuthContext context = new AuthContext(TENANT, Set.of(Scope.ADMIN), "k_1", Optional.empty());

    assertThat(context.grants(Scope.APP)).isTrue();
    assertThat(context.grants(Scope.OPERATOR)).isFalse();
  }

  @Test
  void aMissingTenantResolvesToNothing() {
    assertThat(AuthContext.fromLambdaContext(Map.of("scopes", "admin", "keyId", "k_1"))).isEmpty();
  }

  @Test
  void aBlankTenantResolvesToNothing() {
    assertThat(AuthContext.fromLambdaContext(Map.of("tenantId", " ", "scopes", "admin"))).isEmpty();
  }

  @Test
  void aTenantThatIsNotAStringResolvesToNothing() {
    assertThat(AuthContext.fromLambdaContext(Map.of("tenantId", 42, "scopes", "admin"))).isEmpty();
  }

  @Test
  void noContextResolvesToNothing() {
    assertThat(AuthContext.fromLambdaContext(null)).isEmpty();
    assertThat(AuthContext.fromLambdaContext(Map.of())).isEmpty();
  }

  @Test
  void aBlankOperatorTenantMeansNoOperator() {
    Map<String, Object> lambda = new HashMap<>(Map.of("tenantId", TENANT, "scopes", "app", "operatorTenantId", ""));

    assertThat(AuthContext.fromLambdaContext(lambda).orElseThrow().operatorTenantId()).isEmpty();
  }
}
