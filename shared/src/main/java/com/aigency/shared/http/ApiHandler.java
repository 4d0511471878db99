package com.aigency.shared.http;

import com.aigency.shared.domain.Scope;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The shape every HTTP API handler shares: resolve the caller, check the route's scope, run one use
 * case, map the result or the error to JSON. Subclasses only say which scope they need and what the
 * use case is.
 */
public abstract class ApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  protected abstract Scope requiredScope();

  protected abstract ApiResponse handle(ApiRequest request);

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    try {
      ApiRequest request = ApiRequest.from(event);
      MDC.put("tenantId", request.tenantId());
      if (!request.auth().grants(requiredScope())) {
        throw ApiException.forbidden(
            "This key lacks the '" + requiredScope().wireName() + "' scope this route needs");
      }
      return handle(request).toEvent();
    } catch (ApiException e) {
      LOG.info("request refused: {} {} ({})", e.status(), e.code(), e.field());
      return ApiResponse.error(e).toEvent();
    } catch (RuntimeException e) {
      LOG.error("request failed", e);
      return ApiResponse.error(
              new ApiException(500, "INTERNAL", "Something went wrong; it has been logged", null))
          .toEvent();
    } finally {
      MDC.remove("tenantId");
    }
  }
}
