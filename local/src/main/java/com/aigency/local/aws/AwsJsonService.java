package com.aigency.local.aws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One AWS service spoken over the AWS JSON protocol, registered with {@link AwsJsonServer}.
 *
 * <p>A request with header {@code X-Amz-Target: TrentService.Encrypt} reaches the service whose
 * {@link #targetPrefix()} is {@code TrentService}, as {@code handle("Encrypt", body)}.
 */
public interface AwsJsonService {

  /** The part of {@code X-Amz-Target} before the dot, e.g. {@code TrentService}. */
  String targetPrefix();

  /**
   * "1.1" for most services, "1.0" for some (Step Functions); used in the response content type.
   */
  default String jsonVersion() {
    return "1.1";
  }

  /**
   * Answers one operation.
   *
   * @param operation the part of {@code X-Amz-Target} after the dot
   * @param request the request body, always a JSON object ({@code {}} when the body is empty)
   * @return the response body
   * @throws AwsJsonException to answer with an AWS error; any other exception becomes a 500
   */
  JsonNode handle(String operation, JsonNode request) throws AwsJsonException;
}
