package com.aigency.shared.projects;

import static com.aigency.shared.http.ApiErrors.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewProjectTest {

  private static ObjectNode body(String json) {
    return (ObjectNode) Json.read(json);
  }

  @Test
  void aNameAndDescriptionAreRead() {
    NewProject project = NewProject.from(body("{\"name\":\" Corner Bakery \",\"description\":\"Spring menu\"}"));

    assertThat(project.name()).isEqualTo("Corner Bakery");
    assertThat(project.description()).contains("Spring menu");
  }

  @Test
  void theDescriptionIsOptional() {
    assertThat(NewProject.from(body("{\"name\":\"Corner Bakery\"}")).description()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"name\":null}", "{\"name\":\"   \"}", "{\"description\":\"only this\"}"})
  void theNameIsRequired(String json) {
    var e = invalidField("name", () -> NewProject.from(body(json)));

    assertThat(e.getMessage()).contains("required");
  }

  @Test
  void theNameIsAtMost100Characters() {
    assertThat(NewProject.from(Json.MAPPER.createObjectNode().put("name", "n".repeat(100))).name()).hasSize(100);
    invalidField("name", () -> NewProject.from(Json.MAPPER.createObjectNode().put("name", "n".repeat(101))));
  }

  @Test
  void theDescriptionIsAtMost1000Characters() {
    ObjectNode atMax = Json.MAPPER.createObjectNode().put("name", "n").put("description", "d".repeat(1000));
    ObjectNode overMax = Json.MAPPER.createObjectNode().put("name", "n").put("description", "d".repeat(1001));

    assertThat(NewProject.from(atMax).description()).hasValueSatisfying(d -> assertThat(d).hasSize(1000));
    invalidField("description", () -> NewProject.from(overMax));
  }

  @Test
  void anUnknownFieldIsRefusedNamingIt() {
    var e = invalidField("tenantId", () -> NewProject.from(body("{\"name\":\"x\",\"tenantId\":\"t_other\"}")));

    assertThat(e.getMessage()).contains("'tenantId'").contains("description, name");
  }

  @Test
  void aNameThatIsNotAStringIsRefused() {
    invalidField("name", () -> NewProject.from(body("{\"name\":42}")));
  }

  @Test
  void controlCharactersInTheNameAreRefused() {
    invalidField("name", () -> NewProject.from(Json.MAPPER.createObjectNode().put("name", "Bakery\u0000")));
  }
}
