package com.aigency.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import java.util.HashMap;
import java.util.Map;

/** HTTP API (payload 2.0) events as API Gateway hands them to a route after the authorizer. */
final class TestEvents {
  static final String TENANT = "t_01JD3XEXAMPKETENANT0000001";

  private TestEvents() {}

  /** An event whose authorizer context names {@link #TENANT} with the given scopes. */
  static APIGatewayV2HTTPEvent authorized(String scopes) {
    Map<String, Object> lambda = new HashMap<>();
    lambda.put("tenantId", TENANT);
    lambda.put("scopes", scopes);
    lambda.put("keyId", "k_01JD3XEXAMPKEAPPKEY0000001");
    lambda.put("operatorTenantId", "");
    return withAuthorizerContext(lambda);
  }

  static APIGatewayV2HTTPEvent withAuthorizerContext(Map<String, Object> lambda) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey("PUT /projects/{id}/brief");
    RequestContext context = new RequestContext();
    context.setAuthorizer(Authorizer.builder().withLambda(lambda).build());
    event.setRequestContext(context);
    return event;
  }

  static APIGatewayV2HTTPEvent withBody(String body) {
    APIGatewayV2HTTPEvent event = authorized("app");
    event.setBody(body);
    return event;
  }
}
