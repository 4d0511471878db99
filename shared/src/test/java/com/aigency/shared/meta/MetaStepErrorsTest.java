package com.aigency.shared.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.workflow.MetaStepErrors;
import com.aigency.shared.workflow.StepError;
import org.junit.jupiter.api.Test;

/** What ASL matches is the thrown class's name; it must equal the taxonomy's error name. */
class MetaStepErrorsTest {
  @Test
  void everyKindIsThrownAsTheClassNamedByItsErrorName() {
    for (MetaErrorKind kind : MetaErrorKind.values()) {
      StepError error = MetaStepErrors.of(MetaApiException.of(kind, "boom"));
      assertThat(error.getClass().getName()).as(kind.name()).isEqualTo(kind.errorName());
      assertThat(error.errorName()).isEqualTo(kind.errorName());
      assertThat(error.getMessage()).isEqualTo("boom");
    }
  }
}
