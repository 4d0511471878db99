package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code AWS::Serverless::HttpApi} (or the implicit {@code ServerlessHttpApi}) with {@code
 * Globals.HttpApi} merged in.
 *
 * @param defaultAuthorizer the authorizer every route uses unless it sets Authorizer: NONE; null
 *     when the API has none
 * @param authorizers every declared authorizer by name
 */
public record HttpApiDef(
    String logicalId,
    JsonNode properties,
    AuthorizerDef defaultAuthorizer,
    Map<String, AuthorizerDef> authorizers) {

  public HttpApiDef {
    authorizers = Collections.unmodifiableMap(new LinkedHashMap<>(authorizers));
  }
}
