package com.aigency.local.template;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What each way of invoking a function requires of its handler: the event type the service sends
 * and the response type the service reads.
 */
final class EventContracts {

  /**
   * @param source what invokes the function, for messages
   * @param sampleType the class a sample event of this source deserializes into when the handler
   *     itself cannot say (it is missing or takes raw JSON)
   */
  record Contract(
      String source,
      Predicate<Class<?>> input,
      String expectedInput,
      Predicate<Class<?>> output,
      String expectedOutput,
      Class<?> sampleType) {}

  private EventContracts() {}

  static List<Contract> of(FunctionDef function, SamTemplate template) {
    List<Contract> contracts = new ArrayList<>();
    for (EventSourceDef event : function.events()) {
      contracts.add(
          switch (event) {
            case HttpApiRoute route ->
                exact(
                    "HttpApi event " + route.eventName(),
                    APIGatewayV2HTTPEvent.class,
                    APIGatewayV2HTTPResponse.class);
            case SqsSource sqs when sqs.reportBatchItemFailures() ->
                exact(
                    "SQS event " + sqs.eventName() + " (ReportBatchItemFailures)",
                    SQSEvent.class,
                    SQSBatchResponse.class);
            case SqsSource sqs ->
                new Contract(
                    "SQS event " + sqs.eventName(),
                    SQSEvent.class::equals,
                    SQSEvent.class.getSimpleName(),
                    // Without ReportBatchItemFailures Lambda ignores a batch response: failed items
                    // would be deleted as if they had succeeded.
                    out -> out != SQSBatchResponse.class,
                    "anything but SQSBatchResponse (FunctionResponseTypes lacks"
                        + " ReportBatchItemFailures)",
                    SQSEvent.class);
            case ScheduleSource schedule -> scheduled("schedule event " + schedule.eventName());
            case EventRuleSource rule -> scheduled("EventBridge rule event " + rule.eventName());
          });
    }
    for (HttpApiDef api : template.httpApis()) {
      for (AuthorizerDef authorizer : api.authorizers().values()) {
        if (authorizer.functionLogicalId().equals(function.logicalId())) {
          contracts.add(authorizerContract(api, authorizer));
        }
      }
    }
    return contracts;
  }

  private static Contract authorizerContract(HttpApiDef api, AuthorizerDef authorizer) {
    String source = "authorizer " + authorizer.name() + " of " + api.logicalId();
    if (authorizer.payloadFormatVersion().equals("1.0")) {
      return exact(source, APIGatewayCustomAuthorizerEvent.class, IamPolicyResponseV1.class);
    }
    return exact(
        source,
        APIGatewayV2CustomAuthorizerEvent.class,
        authorizer.simpleResponses() ? SimpleIAMPolicyResponse.class : IamPolicyResponse.class);
  }

  private static Contract exact(String source, Class<?> input, Class<?> output) {
    return new Contract(
        source,
        input::equals,
        input.getSimpleName(),
        output::equals,
        output.getSimpleName(),
        input);
  }

  /**
   * EventBridge delivers its envelope; a handler may take it typed or as a JSON map. Not as a
   * Jackson JsonNode: the runtime deserializes with its own shaded Jackson, which cannot construct
   * the application's (abstract) com.fasterxml JsonNode, so such a handler fails on every event.
   */
  private static Contract scheduled(String source) {
    return new Contract(
        source,
        in -> in == ScheduledEvent.class || Map.class.isAssignableFrom(in),
        "ScheduledEvent or a Map (not JsonNode: the runtime cannot deserialize into it)",
        out -> true,
        "anything",
        ScheduledEvent.class);
  }
}
