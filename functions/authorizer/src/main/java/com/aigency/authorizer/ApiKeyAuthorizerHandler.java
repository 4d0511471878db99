package com.aigency.authorizer;

import com.aigency.shared.config.AppClock;
import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.store.TenantStore;
import com.aigency.shared.tenancy.TenantService;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP API Lambda authorizer (payload 2.0, simple responses): {@code X-API-Key}, and {@code
 * X-Client-Id} for operator keys, become the tenant context every route reads. The key itself is
 * never logged.
 */
public final class ApiKeyAuthorizerHandler
    implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthorizerHandler.class);

  private final TenantService tenants;

  public ApiKeyAuthorizerHandler() {
    this(
        new TenantService(
            new TenantStore(AwsClients.dynamoDb(), AppConfig.fromEnvironment().tableName()),
            AppClock.system()));
  }

  public ApiKeyAuthorizerHandler(TenantService tenants) {
    this.tenants = tenants;
  }

  @Override
  public SimpleIAMPolicyResponse handleRequest(
      APIGatewayV2CustomAuthorizerEvent event, Context context) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    var resolved =
        tenants.authenticate(header(headers, "x-api-key"), Optional.ofNullable(header(headers, "x-client-id")));
    if (resolved.isEmpty()) {
      LOG.info("denied {}", event.getRouteKey());
      return SimpleIAMPolicyResponse.builder().withIsAuthorized(false).build();
    }
    return SimpleIAMPolicyResponse.builder()
        .withIsAuthorized(true)
        .withContext(resolved.get().toLambdaContext())
        .build();
  }

  /** API Gateway lower-cases header names in payload 2.0; match case-insensitively anyway. */
  private static String header(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
