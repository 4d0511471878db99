package com.aigency.local.template;

import static com.aigency.local.template.FixtureRepo.HANDLERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves each check of {@link ConsistencyChecks} catches the drift it exists for, and names the
 * offender, by breaking a consistent miniature repository one thing at a time.
 */
class ConsistencyChecksTest {

  @TempDir Path dir;
  FixtureRepo repo;

  @BeforeEach
  void createRepo() {
    repo = new FixtureRepo(dir);
  }

  private List<String> all() {
    SamTemplate template = repo.template();
    List<String> problems = new ArrayList<>();
    problems.addAll(ConsistencyChecks.handlers(template));
    problems.addAll(ConsistencyChecks.runtimes(template));
    problems.addAll(ConsistencyChecks.codeUris(dir, template));
    problems.addAll(ConsistencyChecks.references(template));
    problems.addAll(ConsistencyChecks.stateMachines(template));
    problems.addAll(ConsistencyChecks.httpApis(template));
    problems.addAll(ConsistencyChecks.queues(template));
    problems.addAll(ConsistencyChecks.environment(template));
    problems.addAll(ConsistencyChecks.globals(template));
    problems.addAll(ConsistencyChecks.sampleLayout(dir, template));
    problems.addAll(ConsistencyChecks.sampleContents(dir, template));
    return problems;
  }

  @Test
  void theConsistentFixturePassesEveryCheck() {
    assertThat(all()).isEmpty();
  }

  @Test
  void missingHandlerClassesAreNamed() {
    repo.replaceInTemplate(
        HANDLERS + "Http::handleRequest", "com.aigency.api.MissingHandler::handleRequest");
    assertThat(ConsistencyChecks.handlers(repo.template()))
        .containsExactly(
            "GetThingFunction: handler class com.aigency.api.MissingHandler is not on the test"
                + " classpath (missing, or its function module is not a dependency of local/)");
  }

  @Test
  void handlersThatAreNotUsableLambdaHandlersAreNamed() {
    repo.replaceInTemplate(
            HANDLERS + "Http::handleRequest", HANDLERS + "NoDefaultConstructor::handleRequest")
        .replaceInTemplate(
            HANDLERS + "Authorizer::handleRequest", HANDLERS + "NotAHandler::handleRequest")
        .replaceInTemplate(HANDLERS + "SqsBatch::handleRequest", HANDLERS + "SqsBatch::process");
    assertThat(ConsistencyChecks.handlers(repo.template()))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("AuthFunction: ")
                    .contains(
                        "NotAHandler implements neither RequestHandler nor RequestStreamHandler"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("GetThingFunction: ")
                    .contains("NoDefaultConstructor has no public no-argument constructor"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("WorkerFunction: ")
                    .contains("SqsBatch has no public method process"));
  }

  @Test
  void handlersWhoseEventTypeTheRuntimeCannotTellAreNamed() {
    repo.replaceInTemplate(HANDLERS + "Scheduled\n", HANDLERS + "Scheduled::handleRequest\n")
        .replaceInTemplate(HANDLERS + "Http::handleRequest", HANDLERS + "Raw");
    assertThat(ConsistencyChecks.handlers(repo.template()))
        .containsExactly(
            "GetThingFunction: "
                + HANDLERS
                + "Raw does not bind RequestHandler's type arguments to"
                + " concrete types",
            "NightlyFunction: "
                + HANDLERS
                + "Scheduled::handleRequest declares its event as type"
                + " variable I; name only the class in Handler, or declare a concrete method");
  }

  @Test
  void handlerTypesThatDoNotFitTheirEventSourcesAreNamed() {
    repo.replaceInTemplate(HANDLERS + "Http::", HANDLERS + "WrongInput::")
        .replaceInTemplate(HANDLERS + "SqsBatch::", HANDLERS + "SqsWithoutBatchResponse::")
        .replaceInTemplate(HANDLERS + "Scheduled\n", HANDLERS + "JsonNodeScheduled\n")
        .replaceInTemplate(HANDLERS + "Authorizer::", HANDLERS + "Http::");
    assertThat(ConsistencyChecks.handlers(repo.template()))
        .contains(
            "GetThingFunction: HttpApi event GetThing delivers APIGatewayV2HTTPEvent, but "
                + HANDLERS
                + "WrongInput::handleRequest takes "
                + "com.amazonaws.services.lambda.runtime.events.SQSEvent",
            "WorkerFunction: SQS event Work (ReportBatchItemFailures) expects SQSBatchResponse, but"
                + " "
                + HANDLERS
                + "SqsWithoutBatchResponse::handleRequest returns java.lang.Void",
            "AuthFunction: authorizer Keys of Api delivers APIGatewayV2CustomAuthorizerEvent, but "
                + HANDLERS
                + "Http::handleRequest takes "
                + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "AuthFunction: authorizer Keys of Api expects SimpleIAMPolicyResponse, but "
                + HANDLERS
                + "Http::handleRequest returns "
                + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse")
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "NightlyFunction: schedule event Nightly delivers ScheduledEvent or a Map")
                    .endsWith("takes com.fasterxml.jackson.databind.JsonNode"));
  }

  @Test
  void aBatchResponseWithoutReportBatchItemFailuresIsFlagged() {
    repo.replaceInTemplate("            FunctionResponseTypes: [ReportBatchItemFailures]\n", "");
    assertThat(ConsistencyChecks.handlers(repo.template()))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("WorkerFunction: SQS event Work expects anything but SQSBatchResponse");
  }

  @Test
  void mapInputsServeSchedules() {
    repo.replaceInTemplate(HANDLERS + "Scheduled\n", HANDLERS + "MapScheduled\n");
    assertThat(ConsistencyChecks.handlers(repo.template())).isEmpty();
  }

  @Test
  void unsupportedRuntimesAreNamed() {
    repo.replaceInTemplate("Runtime: java21", "Runtime: java17");
    assertThat(ConsistencyChecks.runtimes(repo.template()))
        .contains(
            "GetThingFunction: Runtime java17 is not one of "
                + java.util.Set.of("java21", "java25"));
  }

  @Test
  void codeUrisThatDoNotPointAtTheHandlersModuleAreNamed() {
    repo.replaceInTemplate(
            "Handler: " + HANDLERS + "Authorizer::handleRequest",
            "Handler: "
                + HANDLERS
                + "Authorizer::handleRequest\n      CodeUri: functions/api/target/api.jar")
        .replaceInTemplate(
            "Handler: " + HANDLERS + "Http::handleRequest",
            "Handler: "
                + HANDLERS
                + "Http::handleRequest\n"
                + "      CodeUri: functions/ghost/target/function-ghost-lambda.jar")
        .replaceInTemplate(
            "Handler: " + HANDLERS + "SqsBatch::handleRequest",
            "Handler: com.aigency.elsewhere.Worker::handleRequest");
    List<String> problems = ConsistencyChecks.codeUris(dir, repo.template());
    assertThat(problems)
        .contains(
            "AuthFunction: CodeUri functions/api/target/api.jar is not"
                + " functions/<module>/target/function-<module>-lambda.jar",
            "GetThingFunction: CodeUri names module functions/ghost, which has no pom.xml",
            "WorkerFunction: handler com.aigency.elsewhere.Worker is not in functions/api (expected"
                + " functions/api/src/main/java/com/aigency/elsewhere/Worker.java)");

    repo.write("pom.xml", "<project><modules/></project>")
        .write("functions/api/pom.xml", "<project><artifactId>api</artifactId></project>");
    assertThat(ConsistencyChecks.codeUris(dir, repo.template()))
        .contains(
            "NightlyFunction: functions/api/pom.xml has artifactId api, so it does not build"
                + " function-api-lambda.jar",
            "NightlyFunction: functions/api is not a <module> of the root pom.xml");
  }

  @Test
  void referencesToUndeclaredThingsAreNamed() {
    repo.replaceInTemplate("QUEUE_URL: !Ref WorkQueue", "QUEUE_URL: !Ref WorkQ")
        .replaceInTemplate(
            "!GetAtt WorkerFunctionRole.Arn", "!Sub '${GhostFunction.Arn}/${Stage}/${!Literal}'")
        .replaceInTemplate("Condition: IsProd", "Condition: IsProduction")
        .replaceInTemplate("DependsOn: [WorkQueue]", "DependsOn: [WorkQueue, Nothing]")
        .replaceInTemplate(
            "WorkerArn: !GetAtt WorkerFunction.Arn", "WorkerArn: !GetAtt WorkQueue.Url")
        .replaceInTemplate(
            "Outputs:\n",
            "Outputs:\n"
                + "  Choice:\n"
                + "    Value: !If [Missing, !Ref AWS::Region, !Ref ServerlessHttpApi]\n");
    assertThat(ConsistencyChecks.references(repo.template()))
        .containsExactlyInAnyOrder(
            "Globals.Function.Environment.Variables.QUEUE_URL: Ref WorkQ names no parameter,"
                + " resource or pseudo parameter",
            "Resources.Flow.Properties.DefinitionSubstitutions.WorkerArn: Fn::GetAtt WorkQueue.Url:"
                + " a AWS::SQS::Queue has only "
                + TemplateReferences.ATTRIBUTES.get("AWS::SQS::Queue"),
            "Outputs.WorkerRole.Value: ${} GhostFunction.Arn names no resource",
            "Outputs.Choice.Value.Fn::If[0]: \"Missing\" is not a declared condition",
            "Outputs.Choice.Value.Fn::If[2]: Ref ServerlessHttpApi names no parameter, resource or"
                + " pseudo parameter",
            "Resources.NightlyFunction.DependsOn: \"Nothing\" names no resource",
            "Outputs.Url.Condition: \"IsProduction\" is not a declared condition");
  }

  @Test
  void samGeneratedResourcesMayBeReferenced() {
    repo.replaceInTemplate(
            "Path: '/things/{id}', Method: GET}",
            "Path: '/things/{id}', Method: GET}\n"
                + "        Public:\n"
                + "          Type: HttpApi\n"
                + "          Properties: {Path: /public, Method: GET}")
        .replaceInTemplate(
            "DependsOn: [WorkQueue]", "DependsOn: [WorkQueue, ServerlessHttpApi, FlowRole]");
    assertThat(ConsistencyChecks.references(repo.template())).isEmpty();
  }

  @Test
  void stateMachineDefinitionsAndSubstitutionsMustAgree() {
    repo.write(
        "statemachines/flow.asl.json",
        FixtureRepo.ASL.replace("${WorkerArn}", "${WorkerFunctionArn}"));
    assertThat(ConsistencyChecks.stateMachines(repo.template()))
        .containsExactly(
            "Flow: placeholders without a DefinitionSubstitutions entry: [WorkerFunctionArn]",
            "Flow: DefinitionSubstitutions the ASL never uses: [WorkerArn]");
    repo.replaceInTemplate("statemachines/flow.asl.json", "statemachines/missing.asl.json");
    assertThat(ConsistencyChecks.stateMachines(repo.template()))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("Flow: DefinitionUri ")
        .endsWith("missing.asl.json does not exist");
  }

  @Test
  void duplicateRoutesAndUndeclaredApisAreNamed() {
    repo.replaceInTemplate(
        "Path: '/things/{id}', Method: GET}",
        "Path: '/things/{id}', Method: GET}\n        Again:\n          Type: HttpApi\n"
            + "          Properties: {ApiId: !Ref Api, Path: '/things/{id}', Method: get}\n"
            + "        Elsewhere:\n          Type: HttpApi\n"
            + "          Properties: {ApiId: !Ref WorkQueue, Path: /x, Method: GET}");
    assertThat(ConsistencyChecks.httpApis(repo.template()))
        .containsExactly(
            "GetThingFunction.Elsewhere: ApiId WorkQueue is not an AWS::Serverless::HttpApi",
            "route Api GET /things/{id} is declared by more than one event:"
                + " [GetThingFunction.GetThing, GetThingFunction.Again]");
  }

  @Test
  void authorizersMustBeDeclaredFunctionsWithIdentityHeaders() {
    repo.replaceInTemplate("!GetAtt AuthFunction.Arn", "!GetAtt WorkQueue.Arn")
        .replaceInTemplate("Identity: {Headers: [X-API-Key]}", "Identity: {ReauthorizeEvery: 0}");
    assertThat(ConsistencyChecks.httpApis(repo.template()))
        .containsExactly(
            "Api authorizer Keys: WorkQueue is not an AWS::Serverless::Function",
            "Api authorizer Keys: declare Identity.Headers so requests without a key are refused up"
                + " front");
  }

  @Test
  void consumedQueuesNeedADeadLetterQueueAndEnoughVisibility() {
    repo.replaceInTemplate(
            "RedrivePolicy: {deadLetterTargetArn: !GetAtt WorkDeadLetterQueue.Arn, maxReceiveCount:"
                + " 5}",
            "RedrivePolicy: {deadLetterTargetArn: !GetAtt WorkQueue.Arn}")
        .replaceInTemplate("VisibilityTimeout: 180", "VisibilityTimeout: 20");
    assertThat(ConsistencyChecks.queues(repo.template()))
        .containsExactly(
            "WorkerFunction.Work: queue WorkQueue redrives to WorkQueue, which is not another"
                + " AWS::SQS::Queue",
            "WorkerFunction.Work: queue WorkQueue needs RedrivePolicy.maxReceiveCount >= 1",
            "WorkerFunction.Work: queue WorkQueue VisibilityTimeout 20 is shorter than the function"
                + " Timeout 29");

    repo.replaceInTemplate(
            "RedrivePolicy: {deadLetterTargetArn: !GetAtt WorkQueue.Arn}", "DelaySeconds: 0")
        .replaceInTemplate(
            "Queue: !GetAtt WorkQueue.Arn", "Queue: !GetAtt WorkDeadLetterQueue.Arn");
    assertThat(ConsistencyChecks.queues(repo.template()))
        .containsExactly(
            "WorkerFunction.Work: queue WorkDeadLetterQueue needs"
                + " RedrivePolicy.deadLetterTargetArn: !GetAtt <DeadLetterQueue>.Arn",
            "WorkerFunction.Work: queue WorkDeadLetterQueue needs RedrivePolicy.maxReceiveCount >="
                + " 1");

    repo.replaceInTemplate("Queue: !GetAtt WorkDeadLetterQueue.Arn", "Queue: !GetAtt Api.Arn");
    assertThat(ConsistencyChecks.queues(repo.template()))
        .containsExactly("WorkerFunction.Work: Queue Api is not an AWS::SQS::Queue");
  }

  @Test
  void perFunctionEnvironmentVariablesAreNamed() {
    repo.replaceInTemplate(
        "Handler: " + HANDLERS + "Http::handleRequest",
        "Handler: "
            + HANDLERS
            + "Http::handleRequest\n"
            + "      Environment: {Variables: {STAGE: other, PAGE_SIZE: '20'}}");
    assertThat(ConsistencyChecks.environment(repo.template()))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("GetThingFunction declares its own environment variables [STAGE, PAGE_SIZE]");
  }

  @Test
  void globalsSamRejectsAreNamed() {
    repo.replaceInTemplate(
            "    Runtime: java21\n",
            "    Runtime: java21\n    Policies: [AWSLambdaBasicExecutionRole]\n")
        .replaceInTemplate("Globals:\n", "Globals:\n  Queue:\n    VisibilityTimeout: 30\n");
    assertThat(ConsistencyChecks.globals(repo.template()))
        .containsExactly(
            "Globals.Queue is not a Globals section SAM knows",
            "Globals.Function.Policies is not supported by SAM (the transform rejects it)");
  }

  @Test
  void strayAndMissingSampleEventsAreNamed() {
    repo.write("events/README.md", "samples")
        .write("events/GhostFunction/x.json", "{}")
        .write("events/GetThingFunction/nested/deep.json", "{}")
        .replaceInTemplate("  NightlyFunction:", "  NightlyFunction:")
        .write("events/NightlyFunction/nightly.json", FixtureRepo.SCHEDULED);
    try {
      java.nio.file.Files.delete(dir.resolve("events/WorkerFunction/batch.json"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(ConsistencyChecks.sampleLayout(dir, repo.template()))
        .containsExactlyInAnyOrder(
            "events/README.md is not at events/<FunctionLogicalId>/<name>.json",
            "events/GhostFunction/x.json belongs to no AWS::Serverless::Function of template.yaml",
            "events/GetThingFunction/nested/deep.json is not at"
                + " events/<FunctionLogicalId>/<name>.json",
            "WorkerFunction has no sample event at events/WorkerFunction/*.json");
  }

  @Test
  void misspeltFieldsAndBadJsonInSamplesAreNamed() {
    repo.write(
            "events/GetThingFunction/typo.json",
            FixtureRepo.GET_THING
                .replace("\"rawQueryString\"", "\"rawQueryStrnig\"")
                .replace("\"userAgent\"", "\"useragent\""))
        .write("events/WorkerFunction/broken.json", "{\"Records\": [");
    assertThat(ConsistencyChecks.sampleContents(dir, repo.template()))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "events/GetThingFunction/typo.json: fields lost when deserialized into"
                            + " APIGatewayV2HTTPEvent")
                    .contains("rawQueryStrnig", "requestContext.http.useragent"))
        .anySatisfy(
            p -> assertThat(p).startsWith("events/WorkerFunction/broken.json is not valid JSON"));
  }

  @Test
  void httpSamplesMustFitTheirRoute() {
    repo.write(
            "events/GetThingFunction/wrong-route.json",
            FixtureRepo.GET_THING.replace(
                "\"routeKey\": \"GET /things/{id}\", \"rawPath\"",
                "\"routeKey\": \"GET /things\", \"rawPath\""))
        .write(
            "events/GetThingFunction/wrong-details.json",
            FixtureRepo.GET_THING
                .replace(
                    "\"pathParameters\": {\"id\": \"t1\"}", "\"pathParameters\": {\"id\": \"t2\"}")
                .replace("\"x-api-key\"", "\"X-Api-Key\"")
                .replace(
                    "\"queryStringParameters\": {\"a\": \"1\", \"b\": \"x y\"}",
                    "\"queryStringParameters\": {\"a\": \"2\"}")
                .replace(
                    "\"authorizer\": {\"lambda\": {\"tenantId\": \"t_1\", \"scopes\": \"app\"}}",
                    "\"authorizer\": {\"lambda\": {\"tenantId\": \"t_1\"}}")
                .replace("\"method\": \"GET\"", "\"method\": \"POST\""))
        .write(
            "events/GetThingFunction/unauthorized.json",
            FixtureRepo.GET_THING.replace("{\"tenantId\": \"t_1\", \"scopes\": \"app\"}", "{}"));
    List<String> problems = ConsistencyChecks.sampleContents(dir, repo.template());
    assertThat(problems)
        .contains(
            "events/GetThingFunction/wrong-route.json: routeKey GET /things is none of"
                + " GetThingFunction's routes [GET /things/{id}]",
            "events/GetThingFunction/wrong-details.json: requestContext.http.method must be GET,"
                + " found POST",
            "events/GetThingFunction/wrong-details.json: pathParameters must be {id=t1} (from"
                + " rawPath), found {id=t2}",
            "events/GetThingFunction/wrong-details.json: header names must be lower case (payload"
                + " 2.0), found [X-Api-Key]",
            "events/GetThingFunction/wrong-details.json: queryStringParameters {a=2} do not match"
                + " rawQueryString a=1&b=x%20y",
            "events/GetThingFunction/unauthorized.json: route GET /things/{id} is behind authorizer"
                + " Keys, so requestContext.authorizer.lambda must hold its context")
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "samples behind AuthFunction disagree on the authorizer's lambda context"
                            + " keys"));
  }

  @Test
  void authorizerSamplesMustFitAGuardedRouteAndTheirIdentitySources() {
    repo.write(
            "events/AuthFunction/wrong.json",
            FixtureRepo.AUTHORIZE
                .replace("\"identitySource\": [\"k1\"]", "\"identitySource\": [\"other\"]")
                .replace("$default/GET/things/t1", "$default/GET/things/t9")
                .replace("\"type\": \"REQUEST\"", "\"type\": \"TOKEN\""))
        .write(
            "events/AuthFunction/no-key.json",
            FixtureRepo.AUTHORIZE.replace(
                "\"headers\": {\"x-api-key\": \"k1\"}", "\"headers\": {\"accept\": \"*/*\"}"))
        .write(
            "events/AuthFunction/unguarded.json",
            FixtureRepo.AUTHORIZE.replace(
                "\"identitySource\": [\"k1\"], \"routeKey\": \"GET /things/{id}\"",
                "\"identitySource\": [\"k1\"], \"routeKey\": \"GET /health\""));
    assertThat(ConsistencyChecks.sampleContents(dir, repo.template()))
        .contains(
            "events/AuthFunction/wrong.json: type must be REQUEST, found TOKEN",
            "events/AuthFunction/wrong.json: routeArn must be"
                + " arn:aws:execute-api:...:<apiId>/$default/GET/things/t1, found"
                + " arn:aws:execute-api:eu-west-1:123456789012:abc123/$default/GET/things/t9",
            "events/AuthFunction/wrong.json: identitySource must be the identity header values"
                + " [k1], found [other]",
            "events/AuthFunction/no-key.json: headers lack an identity source [X-API-Key]; API"
                + " Gateway would answer 401 without calling the authorizer",
            "events/AuthFunction/unguarded.json: routeKey GET /health is none of the routes"
                + " AuthFunction authorizes [GET /things/{id}]");
  }

  @Test
  void sqsAndScheduledSamplesNeedTheirEnvelopes() {
    repo.write("events/WorkerFunction/empty.json", "{\"Records\": []}")
        .write("events/NightlyFunction/bare.json", "{\"detail\": {}}");
    assertThat(ConsistencyChecks.sampleContents(dir, repo.template()))
        .containsExactlyInAnyOrder(
            "events/WorkerFunction/empty.json: an SQS event needs at least one record",
            "events/NightlyFunction/bare.json: a scheduled/EventBridge event needs source and"
                + " detail-type");
  }
}
