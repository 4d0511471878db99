package com.aigency.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

  @ParameterizedTest(name = "{0} grants {1}: {2}")
  @CsvSource({
    "ADMIN,    ADMIN,    true",
    "ADMIN,    APP,      true",
    "ADMIN,    WEBHOOK,  false",
    "ADMIN,    OPERATOR, false",
    "APP,      APP,      true",
    "APP,      ADMIN,    false",
    "APP,      WEBHOOK,  false",
    "APP,      OPERATOR, false",
    "WEBHOOK,  WEBHOOK,  true",
    "WEBHOOK,  APP,      false",
    "WEBHOOK,  ADMIN,    false",
    "WEBHOOK,  OPERATOR, false",
    "OPERATOR, OPERATOR, true",
    "OPERATOR, APP,      false",
    "OPERATOR, ADMIN,    false",
    "OPERATOR, WEBHOOK,  false"
  })
  void adminImpliesAppAndNothingElseIsImplied(Scope held, Scope required, boolean granted) {
    assertThat(held.grants(required)).isEqualTo(granted);
  }

  @Test
  void wireNamesAreTheLowerCaseNames() {
    assertThat(Scope.ADMIN.wireName()).isEqualTo("admin");
    assertThat(Scope.APP.wireName()).isEqualTo("app");
    assertThat(Scope.WEBHOOK.wireName()).isEqualTo("webhook");
    assertThat(Scope.OPERATOR.wireName()).isEqualTo("operator");
  }

  @Test
  void everyScopeRoundTripsThroughItsWireName() {
    for (Scope scope : Scope.values()) {
      assertThat(Scope.fromWireName(scope.wireName())).contains(scope);
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ADMIN", "App", " app", "app ", "superuser", "admin,app"})
  void anythingButAnExactWireNameIsNoScope(String value) {
    assertThat(Scope.fromWireName(value)).isEmpty();
  }
}
