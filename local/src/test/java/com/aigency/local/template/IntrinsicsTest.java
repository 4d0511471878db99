package com.aigency.local.template;

import com.aigency.local.runtime.LocalLauncher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final SamTemplate TEMPLATE =
      SamTemplate.parse(
          """
          Parameters:
            Stage: {Type: String, Default: dev}
            Subnets: {Type: CommaDelimitedList}
          Mappings:
            Sizes:
              dev: {Memory: 512}
              prod: {Memory: 2048}
          Conditions:
            IsProd: !Equals [!Ref Stage, prod]
            IsDev: !Equals [dev, !Ref Stage]
            NotProd: !Not [!Condition IsProd]
            DevOrProd: !Or [!Condition IsDev, !Condition IsProd]
            DevAndNotProd: !And [!Condition IsDev, !Condition NotProd]
            Loop1: !Not [!Condition Loop2]
            Loop2: !Not [!Condition Loop1]
            Broken: !Sub '${Stage}'
          Resources:
            Queue: {Type: AWS::SQS::Queue}
          """,
          Path.of("/repo"));

  /** Ref and GetAtt answers the way the local runner would give them; records what was asked. */
  private static final class MapResolver implements Intrinsics.Resolver {
    final List<String> asked = new ArrayList<>();
    final Map<String, JsonNode> refs;

    MapResolver(Map<String, JsonNode> refs) {
      this.refs = refs;
    }

    @Override
    public JsonNode ref(String name) {
      asked.add("Ref " + name);
      return refs.get(name);
    }

    @Override
    public JsonNode getAtt(String logicalId, String attribute) {
      asked.add("GetAtt " + logicalId + "." + attribute);
      return logicalId.equals("Queue") && attribute.equals("Arn")
          ? text("arn:aws:sqs:eu-west-1:000000000000:queue")
          : null;
    }
  }

  private static JsonNode text(String s) {
    return JsonNodeFactory.instance.textNode(s);
  }

  private static MapResolver resolver(String stage) {
    return new MapResolver(
        Map.of(
            "Stage", text(stage),
            "Queue", text("http://localhost:9324/000000000000/queue"),
            "AWS::Region", text("eu-west-1"),
            "AWS::AccountId", text("000000000000"),
            "Subnets", JSON.createArrayNode().add("a").add("b")));
  }

  private static JsonNode resolve(String yaml) {
    return resolve(yaml, "dev");
  }

  private static JsonNode resolve(String yaml, String stage) {
    JsonNode value = TemplateLoader.parse("V: " + yaml, "test").get("V");
    return Intrinsics.resolve(value, resolver(stage), TEMPLATE);
  }

  private static JsonNode json(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  void refAndGetAttAskTheResolver() {
    assertThat(resolve("!Ref Stage").asText()).isEqualTo("dev");
    assertThat(resolve("!Ref AWS::Region").asText()).isEqualTo("eu-west-1");
    assertThat(resolve("!GetAtt Queue.Arn").asText())
        .isEqualTo("arn:aws:sqs:eu-west-1:000000000000:queue");
    assertThat(resolve("{'Fn::GetAtt': 'Queue.Arn'}").asText()).endsWith(":queue");
  }

  @Test
  void resolutionRecursesThroughObjectsAndLists() throws Exception {
    assertThat(
            resolve("{Table: !Ref Stage, List: [a, !Ref Stage, {Deep: !GetAtt Queue.Arn}], N: 3}"))
        .isEqualTo(
            json(
                "{'Table':'dev','List':['a','dev',{'Deep':'arn:aws:sqs:eu-west-1:000000000000:queue'}],'N':3}"));
  }

  @Test
  void subReplacesRefsAttributesPseudoParametersAndVariables() {
    assertThat(resolve("!Sub 'arn:aws:iam::${AWS::AccountId}:root'").asText())
        .isEqualTo("arn:aws:iam::000000000000:root");
    assertThat(resolve("!Sub 'aigency-${Stage}-${Queue.Arn}'").asText())
        .isEqualTo("aigency-dev-arn:aws:sqs:eu-west-1:000000000000:queue");
    assertThat(resolve("!Sub ['${Name}/${Stage}', {Name: !Join ['-', [x, !Ref Stage]]}]").asText())
        .isEqualTo("x-dev/dev");
    assertThat(resolve("!Sub ['${Stage}', {Stage: overridden}]").asText()).isEqualTo("overridden");
  }

  @Test
  void subEscapesAndPlainDollarsAreLiteral() {
    assertThat(resolve("!Sub 'cost: $5, ${!Literal}, ${Stage}'").asText())
        .isEqualTo("cost: $5, ${Literal}, dev");
    assertThat(resolve("!Sub 'no variables'").asText()).isEqualTo("no variables");
  }

  @Test
  void subErrorsNameTheProblem() {
    assertThatThrownBy(() -> resolve("!Sub 'open ${Stage'"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("unterminated ${");
    assertThatThrownBy(() -> resolve("!Sub '${Unknown}'"))
        .hasMessageContaining("the resolver has no value for ${Unknown}");
    assertThatThrownBy(() -> resolve("!Sub '${Subnets}'"))
        .hasMessageContaining("expected a string");
    assertThatThrownBy(() -> resolve("!Sub [a, b, c]"))
        .hasMessageContaining("Fn::Sub takes a string or [string, {variables}]");
  }

  @Test
  void joinSelectAndSplit() throws Exception {
    assertThat(resolve("!Join [':', [a, !Ref Stage, 3]]").asText()).isEqualTo("a:dev:3");
    assertThat(resolve("!Join [',', !Ref Subnets]").asText()).isEqualTo("a,b");
    assertThat(resolve("!Select [1, [x, !Ref Stage]]").asText()).isEqualTo("dev");
    assertThat(resolve("!Select ['0', !Split ['|', 'a|b|']]").asText()).isEqualTo("a");
    assertThat(resolve("!Split ['|', 'a|b|']")).isEqualTo(json("['a','b','']"));
    assertThat(resolve("!Split ['.', !Sub '${Stage}.x']")).isEqualTo(json("['dev','x']"));
  }

  @Test
  void selectOutOfRangeAndMalformedArgumentsFail() {
    assertThatThrownBy(() -> resolve("!Select [2, [a, b]]"))
        .hasMessageContaining("index 2 is outside a list of 2");
    assertThatThrownBy(() -> resolve("!Select [x, [a]]"))
        .hasMessageContaining("index must be an integer");
    assertThatThrownBy(() -> resolve("!Join [',']"))
        .hasMessageContaining("Fn::Join takes [delimiter, [values]]");
    assertThatThrownBy(() -> resolve("!Join [',', [[a]]]"))
        .hasMessageContaining("expected a string");
  }

  @Test
  void ifEvaluatesTheTemplatesConditions() {
    assertThat(resolve("!If [IsProd, big, small]", "prod").asText()).isEqualTo("big");
    assertThat(resolve("!If [IsProd, big, small]", "dev").asText()).isEqualTo("small");
    assertThat(resolve("!If [NotProd, on-branch, off-branch]", "dev").asText())
        .isEqualTo("on-branch");
    assertThat(resolve("!If [DevOrProd, on-branch, off-branch]", "local").asText())
        .isEqualTo("off-branch");
    assertThat(resolve("!If [DevOrProd, on-branch, off-branch]", "prod").asText())
        .isEqualTo("on-branch");
    assertThat(resolve("!If [DevAndNotProd, on-branch, off-branch]", "dev").asText())
        .isEqualTo("on-branch");
    assertThat(resolve("!If [IsProd, !Ref Stage, !Sub 'x-${Stage}']", "dev").asText())
        .isEqualTo("x-dev");
  }

  @Test
  void conditionsCanBeEvaluatedDirectly() {
    assertThat(Intrinsics.condition("IsProd", resolver("prod"), TEMPLATE)).isTrue();
    assertThat(Intrinsics.condition("IsDev", resolver("prod"), TEMPLATE)).isFalse();
    assertThatThrownBy(() -> Intrinsics.condition("Loop1", resolver("dev"), TEMPLATE))
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> Intrinsics.condition("Broken", resolver("dev"), TEMPLATE))
        .hasMessageContaining(
            "a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition")
        .hasMessageContaining("Conditions.Broken");
    assertThatThrownBy(() -> resolve("!If [Missing, a, b]"))
        .hasMessageContaining("condition Missing is not declared");
  }

  @Test
  void noValueRemovesKeysAndListItems() throws Exception {
    assertThat(
            resolve(
                "{Keep: a, Drop: !Ref AWS::NoValue, Maybe: !If [IsProd, x, !Ref AWS::NoValue]}",
                "dev"))
        .isEqualTo(json("{'Keep':'a'}"));
    assertThat(resolve("[a, !If [IsProd, b, !Ref AWS::NoValue], c]", "dev"))
        .isEqualTo(json("['a','c']"));
    assertThat(resolve("!Ref AWS::NoValue").isMissingNode()).isTrue();
    assertThatThrownBy(() -> resolve("!Sub ['${X}', {X: !Ref AWS::NoValue}]"))
        .hasMessageContaining("AWS::NoValue cannot be used as a string");
  }

  @Test
  void base64FindInMapLengthAndToJsonString() {
    assertThat(resolve("{'Fn::Base64': !Sub 'stage=${Stage}'}").asText()).isEqualTo("c3RhZ2U9ZGV2");
    assertThat(resolve("!FindInMap [Sizes, !Ref Stage, Memory]", "prod").asInt()).isEqualTo(2048);
    assertThatThrownBy(() -> resolve("!FindInMap [Sizes, local, Memory]", "local"))
        .hasMessageContaining("finds no Mappings.Sizes.local.Memory");
    assertThat(resolve("{'Fn::Length': [a, b, !Ref Stage]}").asInt()).isEqualTo(3);
    assertThat(resolve("{'Fn::ToJsonString': {a: !Ref Stage}}").asText())
        .isEqualTo("{\"a\":\"dev\"}");
  }

  @Test
  void unknownAndUnsupportedFunctionsNameTheFunctionAndPath() {
    JsonNode value = TemplateLoader.parse("V: {Props: [x, {'Fn::Frobnicate': 1}]}", "t").get("V");
    assertThatThrownBy(
            () -> Intrinsics.resolve(value, resolver("dev"), TEMPLATE, "Resources.Fn.Properties"))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "unknown intrinsic function Fn::Frobnicate at"
                + " Resources.Fn.Properties.Props[1].Fn::Frobnicate");
    assertThatThrownBy(() -> resolve("!ImportValue SharedVpc"))
        .hasMessageContaining(
            "Fn::ImportValue is not supported by the local template resolver, at"
                + " $.Fn::ImportValue");
    assertThatThrownBy(() -> resolve("!Select [0, !GetAZs '']"))
        .hasMessageContaining("Fn::GetAZs is not supported");
  }

  @Test
  void anIntrinsicMustBeAlone() {
    assertThatThrownBy(() -> resolve("{Ref: Stage, Other: 1}"))
        .hasMessageContaining("intrinsic function Ref must be the only key of its object at $");
  }

  @Test
  void unansweredReferencesFail() {
    assertThatThrownBy(() -> resolve("!Ref Nowhere"))
        .hasMessageContaining("the resolver has no value for Ref Nowhere at $.Ref");
    assertThatThrownBy(() -> resolve("!GetAtt Queue.QueueUrl"))
        .hasMessageContaining("no value for Fn::GetAtt Queue.QueueUrl");
    assertThatThrownBy(() -> resolve("{Ref: [a]}"))
        .hasMessageContaining("Ref takes a literal name");
  }

  @Test
  void plainObjectsNamedConditionAreNotIntrinsics() throws Exception {
    // IAM policy statements have a Condition key; it must pass through untouched.
    assertThat(resolve("{Condition: {StringEquals: {'aws:SourceAccount': !Ref AWS::AccountId}}}"))
        .isEqualTo(json("{'Condition':{'StringEquals':{'aws:SourceAccount':'000000000000'}}}"));
  }

  @Test
  void eachConditionIsEvaluatedOncePerResolution() {
    MapResolver resolver = resolver("prod");
    JsonNode value =
        TemplateLoader.parse("V: [!If [IsProd, a, b], !If [IsProd, c, d]]", "t").get("V");
    assertThat(Intrinsics.resolve(value, resolver, TEMPLATE)).hasSize(2);
    assertThat(resolver.asked).containsExactly("Ref Stage");
  }

  @Test
  void theRepositoryTemplatesEnvironmentResolves() {
    SamTemplate template = SamTemplate.load(LocalLauncher.repoRoot().resolve("template.yaml"));
    Intrinsics.Resolver local =
        new Intrinsics.Resolver() {
          @Override
          public JsonNode ref(String name) {
            JsonNode parameter = template.parameters().get(name);
            return parameter != null ? parameter.get("Default") : text("local-" + name);
          }

          @Override
          public JsonNode getAtt(String logicalId, String attribute) {
            return text("arn:local:" + logicalId);
          }
        };
    FunctionDef fn = template.function("CreateProjectFunction");
    JsonNode env =
        Intrinsics.resolve(
            JSON.valueToTree(fn.environment()), local, template, fn.logicalId() + ".Environment");
    assertThat(env.get("STAGE").asText()).isEqualTo("dev");
    assertThat(env.get("TABLE_NAME").asText()).isEqualTo("local-AppTable");
    assertThat(env.get("S3_FORCE_PATH_STYLE").asText()).isEqualTo("false");
    JsonNode apiUrl = template.raw().path("Outputs").path("ApiUrl").path("Value");
    assertThat(Intrinsics.resolve(apiUrl, local, template).asText())
        .isEqualTo("https://local-AigencyHttpApi.execute-api.local-AWS::Region.amazonaws.com/dev");
  }
}
