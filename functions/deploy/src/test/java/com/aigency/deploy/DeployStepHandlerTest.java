package com.aigency.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployStepHandlerTest {

  @Test
  void theInputNeedsEachFieldAsAString() {
    assertThat(DeployStepHandler.text(Map.of("tenantId", "t_1"), "tenantId")).isEqualTo("t_1");
    assertThatThrownBy(() -> DeployStepHandler.text(Map.of(), "campaignId"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaignId");
    assertThatThrownBy(() -> DeployStepHandler.text(Map.of("step", 3), "step")).isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> blank = new HashMap<>();
    blank.put("tenantId", " ");
    assertThatThrownBy(() -> DeployStepHandler.text(blank, "tenantId")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeployStepHandler.text(null, "tenantId")).isInstanceOf(IllegalArgumentException.class);
  }
}
