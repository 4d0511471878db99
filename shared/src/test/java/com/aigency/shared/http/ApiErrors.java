package com.aigency.shared.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helper: runs code that must be refused and hands back the ApiException it threw. */
public final class ApiErrors {
  private ApiErrors() {}

  public static ApiException refusal(ThrowingCallable call) {
    AtomicReference<ApiException> caught = new AtomicReference<>();
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, caught::set);
    return caught.get();
  }

  /** A 400 VALIDATION_FAILED naming {@code field}. */
  public static ApiException invalidField(String field, ThrowingCallable call) {
    ApiException e = refusal(call);
    org.assertj.core.api.Assertions.assertThat(e.status()).as("status").isEqualTo(400);
    org.assertj.core.api.Assertions.assertThat(e.code()).as("code").isEqualTo("VALIDATION_FAILED");
    org.assertj.core.api.Assertions.assertThat(e.field()).as("field").isEqualTo(field);
    return e;
  }
}
