package com.aigency.local.template;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Handler classes, good and broken, that the fixture templates of ConsistencyChecksTest name. */
final class HandlerFixtures {

  private HandlerFixtures() {}

  public static final class Http
      implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
    }
  }

  public static final class Authorizer
      implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {
    @Override
    public SimpleIAMPolicyResponse handleRequest(
        APIGatewayV2CustomAuthorizerEvent event, Context context) {
      return SimpleIAMPolicyResponse.builder().withIsAuthorized(false).build();
    }
  }

  public static final class SqsBatch implements RequestHandler<SQSEvent, SQSBatchResponse> {
    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
      return new SQSBatchResponse();
    }
  }

  public static final class SqsWithoutBatchResponse implements RequestHandler<SQSEvent, Void> {
    @Override
    public Void handleRequest(SQSEvent event, Context context) {
      return null;
    }
  }

  /** Binds RequestHandler's type arguments through a generic superclass. */
  public abstract static class Base<I> implements RequestHandler<I, String> {
    @Override
    public String handleRequest(I event, Context context) {
      return "done";
    }
  }

  public static final class Scheduled extends Base<ScheduledEvent> {}

  public static final class MapScheduled extends Base<Map<String, Object>> {}

  public static final class JsonNodeScheduled extends Base<JsonNode> {}

  public static final class WrongInput
      implements RequestHandler<SQSEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(SQSEvent event, Context context) {
      return null;
    }
  }

  public static final class NoDefaultConstructor
      implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final String name;

    public NoDefaultConstructor(String name) {
      this.name = name;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
      return APIGatewayV2HTTPResponse.builder().withBody(name).build();
    }
  }

  /** Implements RequestHandler raw: the runtime cannot tell what to deserialize into. */
  @SuppressWarnings("rawtypes")
  public static final class Raw implements RequestHandler {
    @Override
    public Object handleRequest(Object event, Context context) {
      return event;
    }
  }

  public static final class NotAHandler {
    public String handleRequest(String input) {
      return input;
    }
  }
}
