package com.aigency.local.template;

import com.aigency.local.runtime.LocalLauncher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

  private static final Path BASE = Path.of("/repo");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SamTemplate parse(String yaml) {
    return SamTemplate.parse(yaml, BASE);
  }

  private static JsonNode json(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }

  private static final String GLOBALS =
      """
      Globals:
        Function:
          Runtime: java21
          Timeout: 29
          Layers: [GlobalLayer]
          Environment:
            Variables:
              STAGE: !Ref Stage
              TABLE_NAME: !Ref Table
          Tags: {team: growth, tier: api}
      """;

  @Test
  void globalsMergeIntoFunctionsAsSamMergesThem() throws Exception {
    SamTemplate template =
        parse(
            GLOBALS
                + """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.x.Handler::handleRequest
                      CodeUri: fn.jar
                      Timeout: 60
                      Layers: [OwnLayer]
                      Environment:
                        Variables:
                          TABLE_NAME: own-table
                          EXTRA: '1'
                      Tags: !Ref TagsParam
                """);
    FunctionDef fn = template.function("Fn");
    assertThat(fn.environment().keySet()).containsExactly("STAGE", "TABLE_NAME", "EXTRA");
    assertThat(fn.environment().get("STAGE")).isEqualTo(json("{'Ref':'Stage'}"));
    assertThat(fn.environment().get("TABLE_NAME").asText()).isEqualTo("own-table");
    JsonNode props = fn.properties();
    assertThat(props.get("Runtime").asText()).isEqualTo("java21");
    assertThat(props.get("Timeout").asInt()).isEqualTo(60);
    // SAM concatenates lists, globals first (GlobalProperties._merge_lists).
    assertThat(props.get("Layers")).isEqualTo(json("['GlobalLayer','OwnLayer']"));
    // An intrinsic is a value, not a map to merge into: the function's wins whole.
    assertThat(props.get("Tags")).isEqualTo(json("{'Ref':'TagsParam'}"));
  }

  @Test
  void ignoreGlobalsDropsSomeOrAllGlobals() {
    SamTemplate template =
        parse(
            GLOBALS
                + """
                Resources:
                  Some:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [Environment]
                    Properties: {Handler: a.B, CodeUri: b.jar}
                  All:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: '*'
                    Properties: {Handler: a.B, CodeUri: b.jar}
                """);
    assertThat(template.function("Some").environment()).isEmpty();
    assertThat(template.function("Some").properties().get("Runtime").asText()).isEqualTo("java21");
    assertThat(template.function("All").properties().has("Runtime")).isFalse();
  }

  @Test
  void handlerSplitsIntoClassAndOptionalMethod() {
    SamTemplate template =
        parse(
            """
            Resources:
              WithMethod:
                Type: AWS::Serverless::Function
                Properties: {Handler: 'com.x.A::handle', CodeUri: a.jar}
              ClassOnly:
                Type: AWS::Serverless::Function
                Properties: {Handler: com.x.B, CodeUri: b.jar}
            """);
    FunctionDef a = template.function("WithMethod");
    assertThat(a.handlerClass()).isEqualTo("com.x.A");
    assertThat(a.handlerMethod()).isEqualTo("handle");
    FunctionDef b = template.function("ClassOnly");
    assertThat(b.handlerClass()).isEqualTo("com.x.B");
    assertThat(b.handlerMethod()).isNull();
    assertThat(template.functions())
        .extracting(FunctionDef::logicalId)
        .containsExactly("WithMethod", "ClassOnly");
  }

  @Test
  void everySupportedEventSourceIsModelled() throws Exception {
    SamTemplate template =
        parse(
            """
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
              Queue:
                Type: AWS::SQS::Queue
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B
                  CodeUri: b.jar
                  Events:
                    Get:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: '/things/{id}', Method: get}
                    Open:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: /health, Method: any, Auth: {Authorizer: NONE}}
                    Implicit:
                      Type: HttpApi
                    Work:
                      Type: SQS
                      Properties: {Queue: !GetAtt Queue.Arn}
                    Batch:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Queue.Arn
                        BatchSize: 5
                        FunctionResponseTypes: [ReportBatchItemFailures]
                    Hourly:
                      Type: Schedule
                      Properties: {Schedule: rate(1 hour), Input: '{"kind":"hourly"}', Enabled: false}
                    Daily:
                      Type: ScheduleV2
                      Properties: {ScheduleExpression: 'cron(0 6 * * ? *)', State: ENABLED}
                    Paused:
                      Type: ScheduleV2
                      Properties: {ScheduleExpression: rate(5 minutes), State: DISABLED}
                    Rule:
                      Type: EventBridgeRule
                      Properties: {Pattern: {source: [aigency.deploy]}}
                    Legacy:
                      Type: CloudWatchEvent
                      Properties: {Pattern: {detail-type: [Thing]}}
            """);
    assertThat(template.function("Fn").events())
        .containsExactly(
            new HttpApiRoute("Get", "GET", "/things/{id}", "Api", false),
            new HttpApiRoute("Open", "ANY", "/health", "Api", true),
            new HttpApiRoute("Implicit", "ANY", "$default", null, false),
            new SqsSource("Work", "Queue", 10, false),
            new SqsSource("Batch", "Queue", 5, true),
            new ScheduleSource("Hourly", "rate(1 hour)", json("{'kind':'hourly'}"), false),
            new ScheduleSource("Daily", "cron(0 6 * * ? *)", null, true),
            new ScheduleSource("Paused", "rate(5 minutes)", null, false),
            new EventRuleSource("Rule", json("{'source':['aigency.deploy']}")),
            new EventRuleSource("Legacy", json("{'detail-type':['Thing']}")));
    HttpApiRoute get = template.function("Fn").httpApiRoutes().get(0);
    assertThat(get.routeKey()).isEqualTo("GET /things/{id}");
    assertThat(template.function("Fn").httpApiRoutes().get(2).routeKey()).isEqualTo("$default");
    assertThat(template.function("Fn").httpApiRoutes().get(2).effectiveApiLogicalId())
        .isEqualTo("ServerlessHttpApi");
  }

  @Test
  void unsupportedEventTypesFailNamingTheFunctionAndEvent() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: a.B
                          CodeUri: b.jar
                          Events:
                            Upload: {Type: S3, Properties: {Bucket: !Ref B, Events: 's3:ObjectCreated:*'}}
                    """))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("Fn event Upload has Type S3");
  }

  @Test
  void eventValuesTheRunnerCannotUseFailLoudly() {
    String head =
        """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B
              CodeUri: b.jar
              Events:
        """;
    assertThatThrownBy(
            () -> parse(head + "        Q: {Type: SQS, Properties: {Queue: !Ref QueueArn}}\n"))
        .hasMessageContaining("Fn event Q: Queue must be !GetAtt <Queue>.Arn");
    assertThatThrownBy(
            () ->
                parse(
                    head
                        + "        R: {Type: HttpApi, Properties: {ApiId: Api, Path: /a, Method:"
                        + " GET}}\n"))
        .hasMessageContaining("Fn event R: ApiId must be !Ref <HttpApi>");
    assertThatThrownBy(() -> parse(head + "        R: {Type: HttpApi, Properties: {Path: /a}}\n"))
        .hasMessageContaining("Fn event R: give both Path and Method");
    assertThatThrownBy(
            () ->
                parse(
                    head
                        + "        R: {Type: HttpApi, Properties: {Path: /a, Method: GET,"
                        + " PayloadFormatVersion: '1.0'}}\n"))
        .hasMessageContaining("PayloadFormatVersion 1.0 is not supported");
    assertThatThrownBy(
            () ->
                parse(
                    head
                        + "        S: {Type: Schedule, Properties: {Schedule: rate(1 day), Input:"
                        + " '{nope'}}\n"))
        .hasMessageContaining("Fn event S: Input is not valid JSON");
    assertThatThrownBy(
            () ->
                parse(
                    head + "        S: {Type: ScheduleV2, Properties: {Schedule: rate(1 day)}}\n"))
        .hasMessageContaining("Fn event S: ScheduleExpression is required");
  }

  @Test
  void functionsNeedALiteralHandlerAndCodeUri() {
    assertThatThrownBy(
            () ->
                parse(
                    "Resources:\n"
                        + "  Fn:\n"
                        + "    Type: AWS::Serverless::Function\n"
                        + "    Properties: {CodeUri: a.jar}\n"))
        .hasMessageContaining("Fn: Handler is required");
    assertThatThrownBy(
            () ->
                parse(
                    "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                        + "    Properties: {Handler: a.B, CodeUri: {Bucket: b, Key: k}}\n"))
        .hasMessageContaining("Fn CodeUri must be a literal value");
  }

  private static final String HTTP_API =
      """
      Globals:
        HttpApi:
          CorsConfiguration: {AllowOrigins: ['*']}
      Resources:
        Api:
          Type: AWS::Serverless::HttpApi
          Properties:
            Auth:
              DefaultAuthorizer: Keys
              Authorizers:
                Keys:
                  FunctionArn: !GetAtt AuthFn.Arn
                  AuthorizerPayloadFormatVersion: '2.0'
                  EnableSimpleResponses: true
                  Identity: {Headers: [X-API-Key], ReauthorizeEvery: 0}
                Other:
                  FunctionArn: !GetAtt AuthFn.Arn
                  AuthorizerPayloadFormatVersion: 2.0
        AuthFn:
          Type: AWS::Serverless::Function
          Properties: {Handler: a.Auth, CodeUri: a.jar}
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: a.B
            CodeUri: b.jar
            Events:
              Secure: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /s, Method: GET}}
              Named: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /n, Method: GET, Auth: {Authorizer: Keys}}}
              Open: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /o, Method: GET, Auth: {Authorizer: NONE}}}
              Implicit: {Type: HttpApi, Properties: {Path: /i, Method: GET}}
      """;

  @Test
  void httpApisCarryTheirAuthorizersAndTheImplicitApiComesLast() throws Exception {
    SamTemplate template = parse(HTTP_API);
    assertThat(template.httpApis())
        .extracting(HttpApiDef::logicalId)
        .containsExactly("Api", "ServerlessHttpApi");
    HttpApiDef api = template.httpApi("Api");
    AuthorizerDef keys =
        new AuthorizerDef("Keys", "AuthFn", java.util.List.of("X-API-Key"), true, "2.0", 0);
    assertThat(api.defaultAuthorizer()).isEqualTo(keys);
    assertThat(api.authorizers().get("Other"))
        .isEqualTo(new AuthorizerDef("Other", "AuthFn", java.util.List.of(), false, "2.0", 300));
    assertThat(api.properties().get("CorsConfiguration")).isEqualTo(json("{'AllowOrigins':['*']}"));
    HttpApiDef implicit = template.httpApi("ServerlessHttpApi");
    assertThat(implicit.properties().get("CorsConfiguration")).isNotNull();
    assertThat(implicit.defaultAuthorizer()).isNull();

    var routes = template.function("Fn").httpApiRoutes();
    assertThat(template.authorizerFor(routes.get(0))).contains(keys);
    assertThat(template.authorizerFor(routes.get(1))).contains(keys);
    assertThat(template.authorizerFor(routes.get(2))).isEmpty();
    assertThat(template.authorizerFor(routes.get(3))).isEmpty();
  }

  @Test
  void aRouteNamingANonDefaultAuthorizerIsRejected() {
    String yaml = HTTP_API.replace("Auth: {Authorizer: Keys}", "Auth: {Authorizer: Other}");
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining(
            "Fn event Named: Auth.Authorizer Other is neither NONE nor the DefaultAuthorizer of"
                + " Api");
  }

  @Test
  void anUndeclaredDefaultAuthorizerOrANonLambdaAuthorizerIsRejected() {
    assertThatThrownBy(
            () -> parse(HTTP_API.replace("DefaultAuthorizer: Keys", "DefaultAuthorizer: Nope")))
        .hasMessageContaining(
            "Api: DefaultAuthorizer Nope is not one of Auth.Authorizers [Keys, Other]");
    assertThatThrownBy(
            () ->
                parse(
                    HTTP_API.replace(
                        "FunctionArn: !GetAtt AuthFn.Arn\n"
                            + "            AuthorizerPayloadFormatVersion: 2.0",
                        "JwtConfiguration: {issuer: x}")))
        .hasMessageContaining("Api authorizer Other: only Lambda authorizers");
  }

  @Test
  void stateMachinesResolveTheirDefinitionAndKeepSubstitutionsRaw() throws Exception {
    SamTemplate template =
        parse(
            """
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: statemachines/flow.asl.json
                  DefinitionSubstitutions:
                    StepArn: !GetAtt StepFn.Arn
                    Table: !Ref Table
                  Events:
                    Nightly: {Type: Schedule, Properties: {Schedule: 'cron(0 2 * * ? *)'}}
            """);
    StateMachineDef flow = template.stateMachines().get(0);
    assertThat(flow.logicalId()).isEqualTo("Flow");
    assertThat(flow.definitionPath()).isEqualTo(BASE.resolve("statemachines/flow.asl.json"));
    assertThat(flow.substitutions().get("StepArn"))
        .isEqualTo(json("{'Fn::GetAtt':['StepFn','Arn']}"));
    assertThat(flow.substitutions()).containsOnlyKeys("StepArn", "Table");
    assertThat(flow.events())
        .containsExactly(new ScheduleSource("Nightly", "cron(0 2 * * ? *)", null, true));
  }

  @Test
  void stateMachinesWithoutADefinitionFileOrWithFunctionOnlyEventsAreRejected() {
    assertThatThrownBy(
            () ->
                parse(
                    "Resources:\n"
                        + "  Flow:\n"
                        + "    Type: AWS::Serverless::StateMachine\n"
                        + "    Properties: {Definition: {}}\n"))
        .hasMessageContaining("Flow: DefinitionUri");
    assertThatThrownBy(
            () ->
                parse(
                    "Resources:\n"
                        + "  Q: {Type: AWS::SQS::Queue}\n"
                        + "  Flow:\n"
                        + "    Type: AWS::Serverless::StateMachine\n"
                        + "    Properties:\n"
                        + "      DefinitionUri: f.json\n"
                        + "      Events: {Q: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}}\n"))
        .hasMessageContaining("Flow event Q has Type SQS");
  }

  @Test
  void sectionsAreExposedInTemplateOrder() {
    SamTemplate template =
        parse(
            """
            Parameters:
              Stage: {Type: String, Default: dev}
              LogLevel: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              B: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 60}}
              A: {Type: AWS::SQS::Queue}
              T: {Type: AWS::DynamoDB::Table}
            """);
    assertThat(template.parameters()).containsOnlyKeys("Stage", "LogLevel");
    assertThat(template.parameters().keySet()).containsExactly("Stage", "LogLevel");
    assertThat(template.conditions()).containsOnlyKeys("IsProd");
    assertThat(template.resources().keySet()).containsExactly("B", "A", "T");
    assertThat(template.resourcesOfType("AWS::SQS::Queue"))
        .extracting(TemplateResource::logicalId)
        .containsExactly("B", "A");
    assertThat(template.resources().get("A").properties().isEmpty()).isTrue();
    assertThat(template.resources().get("B").properties().get("VisibilityTimeout").asInt())
        .isEqualTo(60);
    assertThat(template.functions()).isEmpty();
    assertThat(template.httpApis()).isEmpty();
    assertThat(template.baseDir()).isEqualTo(BASE.toAbsolutePath());
  }

  @Test
  void rawIsACopy() {
    SamTemplate template = parse("Resources:\n  A: {Type: AWS::SQS::Queue}\n");
    ((ObjectNode) template.raw()).remove("Resources");
    assertThat(template.raw().has("Resources")).isTrue();
  }

  @Test
  void unknownFunctionsAndApisAreNamedInTheError() {
    SamTemplate template = parse("Resources:\n  A: {Type: AWS::SQS::Queue}\n");
    assertThatThrownBy(() -> template.function("Nope"))
        .hasMessageContaining("no AWS::Serverless::Function named Nope");
    assertThatThrownBy(() -> template.httpApi("Nope"))
        .hasMessageContaining("no AWS::Serverless::HttpApi named Nope");
  }

  @Test
  void resourcesNeedATypeAndATemplateNeedsResources() {
    assertThatThrownBy(() -> parse("Resources:\n  A: {Properties: {}}\n"))
        .hasMessageContaining("resource A has no Type");
    assertThatThrownBy(() -> parse("Parameters: {}\n")).hasMessageContaining("no Resources");
  }

  @Test
  void theRepositoryTemplateIsModelled() {
    SamTemplate template = SamTemplate.load(LocalLauncher.repoRoot().resolve("template.yaml"));
    assertThat(template.functions())
        .extracting(FunctionDef::logicalId)
        .containsExactly(
            "ApiKeyAuthorizerFunction",
            "CreateProjectFunction",
            "ListProjectsFunction",
            "GetProjectFunction",
            "GetBriefFunction",
            "PutBriefFunction",
            "GetConversationMessagesFunction",
            "PostMessageFunction",
            "ListNotificationsFunction",
            "MarkNotificationReadFunction",
            "StartFacebookAuthFunction",
            "FacebookCallbackFunction",
            "ListAdAccountsFunction",
            "SelectAdAccountFunction",
            "TokenCheckFunction",
            "LaunchCampaignFunction",
            "GetCampaignFunction",
            "ListApprovalsFunction",
            "ApproveFunction",
            "RequestChangesFunction",
            "RejectFunction",
            "ListArtifactsFunction",
            "ListActivityFunction",
            "PlanCampaignFunction",
            "RequestApprovalFunction",
            "StartDeploymentFunction",
            "DeployStepFunction",
            "CompleteLaunchFunction",
            "CancelLaunchFunction",
            "FailLaunchFunction");
    FunctionDef create = template.function("CreateProjectFunction");
    assertThat(create.httpApiRoutes())
        .containsExactly(
            new HttpApiRoute("CreateProject", "POST", "/projects", "AigencyHttpApi", false));
    assertThat(create.environment()).containsKeys("STAGE", "TABLE_NAME", "JAVA_TOOL_OPTIONS");
    assertThat(create.properties().get("Runtime").asText()).isEqualTo("java21");
    assertThat(template.httpApi("AigencyHttpApi").defaultAuthorizer())
        .isEqualTo(
            new AuthorizerDef(
                "ApiKeyAuthorizer",
                "ApiKeyAuthorizerFunction",
                java.util.List.of("X-API-Key"),
                true,
                "2.0",
                0));
    assertThat(template.baseDir()).isEqualTo(LocalLauncher.repoRoot());
  }
}
