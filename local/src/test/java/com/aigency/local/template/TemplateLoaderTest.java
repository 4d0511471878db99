package com.aigency.local.template;

import com.aigency.local.runtime.LocalLauncher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLoaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode load(String yaml) {
    return TemplateLoader.parse(yaml, "test");
  }

  private static JsonNode json(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }

  /** Loads "V: <yaml>" and returns V. */
  private static JsonNode value(String yaml) {
    return load("V: " + yaml).get("V");
  }

  @Test
  void refAndConditionBecomeTheirLongForms() throws Exception {
    assertThat(value("!Ref Stage")).isEqualTo(json("{'Ref':'Stage'}"));
    assertThat(value("!Ref AWS::Region")).isEqualTo(json("{'Ref':'AWS::Region'}"));
    assertThat(value("!Condition IsProd")).isEqualTo(json("{'Condition':'IsProd'}"));
  }

  @Test
  void getAttSplitsTheScalarFormAtTheFirstDotAndKeepsTheListForm() throws Exception {
    assertThat(value("!GetAtt Queue.Arn")).isEqualTo(json("{'Fn::GetAtt':['Queue','Arn']}"));
    assertThat(value("!GetAtt Stack.Outputs.Url"))
        .isEqualTo(json("{'Fn::GetAtt':['Stack','Outputs.Url']}"));
    assertThat(value("!GetAtt [Queue, Arn]")).isEqualTo(json("{'Fn::GetAtt':['Queue','Arn']}"));
    assertThat(value("!GetAtt [Queue, !Ref Attr]"))
        .isEqualTo(json("{'Fn::GetAtt':['Queue',{'Ref':'Attr'}]}"));
  }

  @Test
  void getAttWithoutAnAttributeIsRejected() {
    assertThatThrownBy(() -> value("!GetAtt Queue"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("!GetAtt 'Queue' is not Resource.Attribute");
  }

  @Test
  void subInStringAndListForms() throws Exception {
    assertThat(value("!Sub 'arn:aws:iam::${AWS::AccountId}:root'"))
        .isEqualTo(json("{'Fn::Sub':'arn:aws:iam::${AWS::AccountId}:root'}"));
    assertThat(value("!Sub ['${A}-${B}', {A: !Ref X, B: !GetAtt Y.Arn}]"))
        .isEqualTo(
            json("{'Fn::Sub':['${A}-${B}',{'A':{'Ref':'X'},'B':{'Fn::GetAtt':['Y','Arn']}}]}"));
  }

  @Test
  void sequenceFunctionsKeepTheirArgumentTypes() throws Exception {
    assertThat(value("!Join [',', [a, !Ref B]]"))
        .isEqualTo(json("{'Fn::Join':[',',['a',{'Ref':'B'}]]}"));
    assertThat(value("!Select [0, !GetAZs '']"))
        .isEqualTo(json("{'Fn::Select':[0,{'Fn::GetAZs':''}]}"));
    assertThat(value("!Select [0, !GetAZs '']").get("Fn::Select").get(0).isInt()).isTrue();
    assertThat(value("!Split ['|', !ImportValue Shared]"))
        .isEqualTo(json("{'Fn::Split':['|',{'Fn::ImportValue':'Shared'}]}"));
    assertThat(value("!FindInMap [Sizes, !Ref Stage, Memory]"))
        .isEqualTo(json("{'Fn::FindInMap':['Sizes',{'Ref':'Stage'},'Memory']}"));
    assertThat(value("!Cidr [10.0.0.0/16, 4, 8]"))
        .isEqualTo(json("{'Fn::Cidr':['10.0.0.0/16',4,8]}"));
  }

  @Test
  void conditionFunctionsNest() throws Exception {
    assertThat(value("!If [IsProd, !Ref Big, !Ref AWS::NoValue]"))
        .isEqualTo(json("{'Fn::If':['IsProd',{'Ref':'Big'},{'Ref':'AWS::NoValue'}]}"));
    assertThat(value("!Equals [!Ref Stage, prod]"))
        .isEqualTo(json("{'Fn::Equals':[{'Ref':'Stage'},'prod']}"));
    assertThat(value("!Not [!Condition IsProd]"))
        .isEqualTo(json("{'Fn::Not':[{'Condition':'IsProd'}]}"));
    assertThat(value("!And [!Condition A, !Or [!Condition B, !Equals [x, y]]]"))
        .isEqualTo(
            json(
                "{'Fn::And':[{'Condition':'A'},{'Fn::Or':[{'Condition':'B'},{'Fn::Equals':['x','y']}]}]}"));
  }

  @Test
  void mappingTaggedNodesBecomeLongForms() throws Exception {
    assertThat(value("!Base64 {'Fn::Sub': 'echo ${AWS::Region}'}"))
        .isEqualTo(json("{'Fn::Base64':{'Fn::Sub':'echo ${AWS::Region}'}}"));
    assertThat(value("!Transform {Name: AWS::Include, Parameters: {Location: !Ref Loc}}"))
        .isEqualTo(
            json(
                "{'Fn::Transform':{'Name':'AWS::Include','Parameters':{'Location':{'Ref':'Loc'}}}}"));
  }

  @Test
  void blockStyleTagsWork() throws Exception {
    JsonNode value =
        load("""
        V: !Sub
          - 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}'
          - Api: !Ref HttpApi
        """)
            .get("V");
    assertThat(value)
        .isEqualTo(
            json(
                "{'Fn::Sub':['https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}',"
                    + "{'Api':{'Ref':'HttpApi'}}]}"));
  }

  @Test
  void scalarsKeepTheTypesCloudFormationSees() {
    JsonNode node =
        load(
            """
            Version: 2010-09-09
            Quoted: '2010-09-09'
            Count: 29
            Big: 12345678901
            Ratio: 0.5
            Flag: true
            Empty:
            Text: hello
            """);
    assertThat(node.get("Version").isTextual()).isTrue();
    assertThat(node.get("Version").asText()).isEqualTo("2010-09-09");
    assertThat(node.get("Quoted").asText()).isEqualTo("2010-09-09");
    assertThat(node.get("Count").isInt()).isTrue();
    assertThat(node.get("Big").isLong()).isTrue();
    assertThat(node.get("Ratio").isDouble()).isTrue();
    assertThat(node.get("Flag").isBoolean()).isTrue();
    assertThat(node.get("Empty").isNull()).isTrue();
    assertThat(node.get("Text").asText()).isEqualTo("hello");
  }

  @Test
  void yaml11BooleansAreBooleansAsCloudFormationReadsThem() {
    // CloudFormation parses YAML 1.1: an unquoted yes/no/on/off is a boolean, not a string.
    JsonNode node = load("A: yes\nB: Off\nC: 'yes'\n");
    assertThat(node.get("A").isBoolean()).isTrue();
    assertThat(node.get("B").asBoolean(true)).isFalse();
    assertThat(node.get("C").isTextual()).isTrue();
  }

  @Test
  void taggedScalarsAreAlwaysStrings() {
    assertThat(value("!Base64 123").get("Fn::Base64").isTextual()).isTrue();
  }

  @Test
  void duplicateKeysAreRejectedAsCloudFormationDoes() {
    assertThatThrownBy(() -> load("A: 1\nA: 2\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("duplicate key A");
  }

  @Test
  void unknownTagsFailLoudly() {
    assertThatThrownBy(() -> value("!Frobnicate x"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("!Frobnicate");
  }

  @Test
  void aDocumentThatIsNotAMappingIsRejected() {
    assertThatThrownBy(() -> load("- a\n- b\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("top level must be a mapping");
  }

  @Test
  void loadReadsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, "Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOut: !GetAtt Q.Arn\n");
    assertThat(TemplateLoader.load(file).get("Out")).isEqualTo(json("{'Fn::GetAtt':['Q','Arn']}"));

    Files.writeString(file, "A: [unclosed\n");
    assertThatThrownBy(() -> TemplateLoader.load(file))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining(file.toString());
    assertThatThrownBy(() -> TemplateLoader.load(dir.resolve("missing.yaml")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("cannot read template");
  }

  @Test
  void theRepositoryTemplateLoadsWithItsShortFormsExpanded() throws Exception {
    JsonNode template = TemplateLoader.load(LocalLauncher.repoRoot().resolve("template.yaml"));
    JsonNode api = template.path("Resources").path("AigencyHttpApi").path("Properties");
    assertThat(api.path("StageName")).isEqualTo(json("{'Ref':'Stage'}"));
    assertThat(api.path("Auth").path("Authorizers").path("ApiKeyAuthorizer").path("FunctionArn"))
        .isEqualTo(json("{'Fn::GetAtt':['ApiKeyAuthorizerFunction','Arn']}"));
    assertThat(template.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
  }
}
