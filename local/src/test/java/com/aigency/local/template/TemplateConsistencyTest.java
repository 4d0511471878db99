package com.aigency.local.template;

import com.aigency.local.runtime.LocalLauncher;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is the single source of truth for wiring (DESIGN.md, principle 2). This test fails
 * when the template, the handler classes, the function modules, the ASL files and the sample events
 * drift apart. Each assertion lists every offender at once, named; the checks themselves are in
 * {@link ConsistencyChecks} and are proven against broken fixtures in {@link
 * ConsistencyChecksTest}.
 */
class TemplateConsistencyTest {

  private static Path root;
  private static SamTemplate template;

  @BeforeAll
  static void loadTemplate() {
    root = LocalLauncher.repoRoot();
    template = SamTemplate.load(root.resolve("template.yaml"));
  }

  @Test
  void everyHandlerIsALambdaHandlerWhoseTypesFitItsEventSources() {
    assertThat(ConsistencyChecks.handlers(template))
        .as("handler classes against template.yaml")
        .isEmpty();
  }

  @Test
  void everyFunctionRunsOnASupportedJavaRuntime() {
    assertThat(ConsistencyChecks.runtimes(template)).as("function runtimes").isEmpty();
  }

  @Test
  void everyCodeUriIsTheLambdaJarOfTheModuleHoldingTheHandler() {
    assertThat(ConsistencyChecks.codeUris(root, template))
        .as("CodeUri against the function modules")
        .isEmpty();
  }

  @Test
  void everyReferenceNamesSomethingDeclared() {
    assertThat(ConsistencyChecks.references(template))
        .as("Ref / Fn::GetAtt / Fn::Sub / Condition / DependsOn targets")
        .isEmpty();
  }

  @Test
  void everyStateMachineDefinitionExistsAndAgreesWithItsSubstitutions() {
    assertThat(ConsistencyChecks.stateMachines(template))
        .as("state machines against their ASL files")
        .isEmpty();
  }

  @Test
  void httpApiRoutesAreUniqueAndTheirApisAndAuthorizersDeclared() {
    assertThat(ConsistencyChecks.httpApis(template))
        .as("HTTP API routes and authorizers")
        .isEmpty();
  }

  @Test
  void everyQueueAFunctionConsumesIsDeclaredAndRedrivesToADeadLetterQueue() {
    assertThat(ConsistencyChecks.queues(template)).as("SQS event sources").isEmpty();
  }

  @Test
  void environmentVariablesAreDeclaredOnlyInGlobals() {
    assertThat(ConsistencyChecks.environment(template))
        .as("per-function environment variables")
        .isEmpty();
  }

  @Test
  void globalsSetOnlyPropertiesSamSupports() {
    assertThat(ConsistencyChecks.globals(template)).as("Globals").isEmpty();
  }

  @Test
  void everySampleEventBelongsToAFunctionAndEveryFunctionHasOne() {
    assertThat(ConsistencyChecks.sampleLayout(root, template)).as("layout of events/").isEmpty();
  }

  @Test
  void everySampleEventDeserializesIntoItsFunctionsInputAndFitsItsRoute() {
    assertThat(ConsistencyChecks.sampleContents(root, template))
        .as("sample events against handlers and routes")
        .isEmpty();
  }
}
