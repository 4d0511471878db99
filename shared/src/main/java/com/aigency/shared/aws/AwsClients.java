package com.aigency.shared.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds SDK clients the same way everywhere. Region, credentials and endpoints come from the
 * standard SDK environment ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_<SERVICE>}), so the same
 * code talks to AWS, LocalStack or the embedded local stack.
 */
public final class AwsClients {
  private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

  private AwsClients() {}

  public static SdkHttpClient http() {
    return HTTP;
  }

  public static DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder().httpClient(HTTP).build();
  }
}
