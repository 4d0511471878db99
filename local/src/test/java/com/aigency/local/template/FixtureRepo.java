package com.aigency.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A miniature repository (root pom, one function module, template, ASL, sample events) that passes
 * every consistency check, for ConsistencyChecksTest to break one thing at a time.
 */
final class FixtureRepo {

  static final String HANDLERS = "com.aigency.local.template.HandlerFixtures$";
  static final String JAR = "functions/api/target/function-api-lambda.jar";

  static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Stage: {Type: String, Default: dev}
      Conditions:
        IsProd: !Equals [!Ref Stage, prod]
      Globals:
        Function:
          Runtime: java21
          Timeout: 29
          CodeUri: %2$s
          Environment:
            Variables:
              STAGE: !Ref Stage
              QUEUE_URL: !Ref WorkQueue
      Resources:
        Api:
          Type: AWS::Serverless::HttpApi
          Properties:
            Auth:
              DefaultAuthorizer: Keys
              Authorizers:
                Keys:
                  FunctionArn: !GetAtt AuthFunction.Arn
                  AuthorizerPayloadFormatVersion: '2.0'
                  EnableSimpleResponses: true
                  Identity: {Headers: [X-API-Key]}
        AuthFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: %1$sAuthorizer::handleRequest
        GetThingFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: %1$sHttp::handleRequest
            Events:
              GetThing:
                Type: HttpApi
                Properties: {ApiId: !Ref Api, Path: '/things/{id}', Method: GET}
        WorkDeadLetterQueue:
          Type: AWS::SQS::Queue
        WorkQueue:
          Type: AWS::SQS::Queue
          Properties:
            VisibilityTimeout: 180
            RedrivePolicy: {deadLetterTargetArn: !GetAtt WorkDeadLetterQueue.Arn, maxReceiveCount: 5}
        WorkerFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: %1$sSqsBatch::handleRequest
            Events:
              Work:
                Type: SQS
                Properties:
                  Queue: !GetAtt WorkQueue.Arn
                  FunctionResponseTypes: [ReportBatchItemFailures]
        NightlyFunction:
          Type: AWS::Serverless::Function
          DependsOn: [WorkQueue]
          Properties:
            Handler: %1$sScheduled
            Events:
              Nightly:
                Type: Schedule
                Properties: {Schedule: rate(1 day)}
        Flow:
          Type: AWS::Serverless::StateMachine
          Properties:
            DefinitionUri: statemachines/flow.asl.json
            DefinitionSubstitutions:
              WorkerArn: !GetAtt WorkerFunction.Arn
      Outputs:
        Url:
          Condition: IsProd
          Value: !Sub 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com'
        WorkerRole:
          Value: !GetAtt WorkerFunctionRole.Arn
      """
          .formatted(HANDLERS, JAR);

  static final String ASL =
      """
      {"StartAt": "Work", "States": {"Work": {"Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "${WorkerArn}", "Payload.$": "$"}, "End": true}}}
      """;

  static final String CONTEXT =
      """
      "accountId": "123456789012", "apiId": "abc123", "domainName": "abc123.execute-api.eu-west-1.amazonaws.com",
      "domainPrefix": "abc123", "requestId": "r-1", "stage": "$default",
      "time": "18/Nov/2025:09:30:12 +0000", "timeEpoch": 1763458212417,
      "http": {"method": "GET", "path": "/things/t1", "protocol": "HTTP/1.1", "sourceIp": "203.0.113.7", "userAgent": "curl/8.5.0"}
      """;

  static final String GET_THING =
      """
      {"version": "2.0", "routeKey": "GET /things/{id}", "rawPath": "/things/t1", "rawQueryString": "a=1&b=x%%20y",
       "headers": {"x-api-key": "k1", "accept": "application/json"},
       "queryStringParameters": {"a": "1", "b": "x y"},
       "pathParameters": {"id": "t1"}, "isBase64Encoded": false,
       "requestContext": {%s, "routeKey": "GET /things/{id}",
         "authorizer": {"lambda": {"tenantId": "t_1", "scopes": "app"}}}}
      """
          .formatted(CONTEXT);

  static final String AUTHORIZE =
      """
      {"version": "2.0", "type": "REQUEST",
       "routeArn": "arn:aws:execute-api:eu-west-1:123456789012:abc123/$default/GET/things/t1",
       "identitySource": ["k1"], "routeKey": "GET /things/{id}", "rawPath": "/things/t1", "rawQueryString": "",
       "headers": {"x-api-key": "k1"}, "pathParameters": {"id": "t1"},
       "requestContext": {%s, "routeKey": "GET /things/{id}"}}
      """
          .formatted(CONTEXT);

  static final String SQS =
      """
      {"Records": [{"messageId": "m-1", "receiptHandle": "h", "body": "{}", "attributes": {},
        "messageAttributes": {}, "md5OfBody": "99914b932bd37a50b983c5e7c90ae93b", "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:work", "awsRegion": "eu-west-1"}]}
      """;

  static final String SCHEDULED =
      """
      {"version": "0", "id": "e-1", "detail-type": "Scheduled Event", "source": "aws.events",
       "account": "123456789012", "time": "2025-11-18T02:00:00Z", "region": "eu-west-1",
       "resources": ["arn:aws:events:eu-west-1:123456789012:rule/nightly"], "detail": {}}
      """;

  final Path root;

  FixtureRepo(Path root) {
    this.root = root;
    write(
        "pom.xml",
        "<project><artifactId>parent</artifactId><modules><module>functions/api</module></modules></project>");
    write(
        "functions/api/pom.xml",
        "<project><parent><artifactId>parent</artifactId></parent><artifactId>function-api</artifactId></project>");
    write(
        "functions/api/src/main/java/com/aigency/local/template/HandlerFixtures.java",
        "// fixture\n");
    write("template.yaml", TEMPLATE);
    write("statemachines/flow.asl.json", ASL);
    write("events/GetThingFunction/get.json", GET_THING);
    write("events/AuthFunction/authorize.json", AUTHORIZE);
    write("events/WorkerFunction/batch.json", SQS);
    write("events/NightlyFunction/nightly.json", SCHEDULED);
  }

  FixtureRepo write(String relative, String content) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites the template, replacing {@code from} (which must occur) with {@code to}. */
  FixtureRepo replaceInTemplate(String from, String to) {
    try {
      String text = Files.readString(root.resolve("template.yaml"));
      if (!text.contains(from)) {
        throw new IllegalArgumentException("fixture template has no " + from);
      }
      return write("template.yaml", text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SamTemplate template() {
    return SamTemplate.load(root.resolve("template.yaml"));
  }
}
