package com.aigency.local.template;

/**
 * An {@code HttpApi} event (payload format 2.0).
 *
 * @param method upper case HTTP method, or {@code ANY}
 * @param path the route path, e.g. {@code /projects/{id}}; {@code $default} for the catch-all route
 *     SAM creates when Path and Method are omitted
 * @param apiLogicalId the {@code AWS::Serverless::HttpApi} named by ApiId, or null for the implicit
 *     {@code ServerlessHttpApi}
 * @param authorizerDisabled true when the event sets {@code Auth.Authorizer: NONE}
 */
public record HttpApiRoute(
    String eventName, String method, String path, String apiLogicalId, boolean authorizerDisabled)
    implements EventSourceDef {

  /** Logical id SAM gives the API it generates for HttpApi events without an ApiId. */
  public static final String IMPLICIT_API = "ServerlessHttpApi";

  /** The API Gateway route key, e.g. {@code GET /projects/{id}} or {@code $default}. */
  public String routeKey() {
    return path.equals("$default") ? "$default" : method + " " + path;
  }

  /** The API this route belongs to, with the implicit API named. */
  public String effectiveApiLogicalId() {
    return apiLogicalId == null ? IMPLICIT_API : apiLogicalId;
  }
}
