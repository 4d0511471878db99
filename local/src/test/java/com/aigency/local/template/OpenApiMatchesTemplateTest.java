package com.aigency.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.runtime.LocalLauncher;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/api/openapi.yaml documents exactly the routes template.yaml declares, and which need no key. */
class OpenApiMatchesTemplateTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyRouteIsDocumentedAndNothingElse() throws Exception {
    SamTemplate template = SamTemplate.load(LocalLauncher.repoRoot().resolve("template.yaml"));
    Set<String> declared = new TreeSet<>();
    Set<String> declaredWithoutKey = new TreeSet<>();
    template.functions().forEach(f -> f.httpApiRoutes().forEach(r -> {
      declared.add(r.routeKey());
      if (r.authorizerDisabled()) {
        declaredWithoutKey.add(r.routeKey());
      }
    }));

    Map<String, Object> doc = new Yaml().load(
        Files.readString(LocalLauncher.repoRoot().resolve("docs/api/openapi.yaml")));
    Set<String> documented = new TreeSet<>();
    Set<String> documentedWithoutKey = new TreeSet<>();
    ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.forEach((method, op) -> {
      if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
        String key = method.toUpperCase(Locale.ROOT) + " " + path;
        documented.add(key);
        Object security = ((Map<String, Object>) op).get("security");
        if (security instanceof java.util.List<?> list && list.isEmpty()) {
          documentedWithoutKey.add(key);
        }
      }
    }));

    assertThat(documented).isEqualTo(declared);
    assertThat(documentedWithoutKey).isEqualTo(declaredWithoutKey);
  }
}
