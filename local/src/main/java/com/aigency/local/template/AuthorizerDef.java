package com.aigency.local.template;

import java.util.List;

/**
 * A Lambda authorizer declared under an HttpApi's {@code Auth.Authorizers}.
 *
 * @param functionLogicalId the function named by {@code FunctionArn: !GetAtt <Function>.Arn}
 * @param identityHeaders Identity.Headers as written (API Gateway matches them case-insensitively)
 * @param simpleResponses EnableSimpleResponses
 * @param payloadFormatVersion AuthorizerPayloadFormatVersion, "1.0" or "2.0"
 * @param ttlSeconds Identity.ReauthorizeEvery, 300 when omitted; 0 disables caching
 */
public record AuthorizerDef(
    String name,
    String functionLogicalId,
    List<String> identityHeaders,
    boolean simpleResponses,
    String payloadFormatVersion,
    int ttlSeconds) {

  public AuthorizerDef {
    identityHeaders = List.copyOf(identityHeaders);
  }
}
