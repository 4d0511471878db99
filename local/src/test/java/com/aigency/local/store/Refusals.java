package com.aigency.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.http.ApiException;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Runs a call that must be refused with an ApiException of the given status, and returns it. */
final class Refusals {
  private Refusals() {}

  static ApiException refused(int status, ThrowingCallable call) {
    AtomicReference<ApiException> caught = new AtomicReference<>();
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, caught::set);
    assertThat(caught.get().status()).as("status of: " + caught.get().getMessage()).isEqualTo(status);
    return caught.get();
  }

  static ApiException invalid(String field, ThrowingCallable call) {
    ApiException e = refused(400, call);
    assertThat(e.field()).as("field").isEqualTo(field);
    return e;
  }
}
