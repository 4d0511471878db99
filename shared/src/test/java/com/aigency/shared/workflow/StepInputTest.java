package com.aigency.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepInputTest {

  @Test
  void theInputNeedsEachFieldAsAString() {
    assertThat(new StepInput(Map.of("tenantId", "t_1")).required("tenantId")).isEqualTo("t_1");
    assertThatThrownBy(() -> new StepInput(Map.of()).required("campaignId"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaignId");
    assertThatThrownBy(() -> new StepInput(Map.of("step", 3)).required("step")).isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> blank = new HashMap<>();
    blank.put("tenantId", " ");
    assertThatThrownBy(() -> new StepInput(blank).required("tenantId")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StepInput(null).required("tenantId")).isInstanceOf(IllegalArgumentException.class);
  }
}
