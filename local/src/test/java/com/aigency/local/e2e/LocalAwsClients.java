package com.aigency.local.e2e;

import com.aigency.local.runtime.Endpoints;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Real SDK clients pointed at a running local system, as an operator's script would build them. */
final class LocalAwsClients implements AutoCloseable {
  private final S3Client s3;
  private final KmsClient kms;
  private final SecretsManagerClient secrets;

  LocalAwsClients(Endpoints endpoints) {
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    s3 = S3Client.builder().endpointOverride(URI.create(endpoints.s3())).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    kms = KmsClient.builder().endpointOverride(URI.create(endpoints.kms())).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    secrets = SecretsManagerClient.builder().endpointOverride(URI.create(endpoints.secretsmanager())).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
  }

  S3Client s3() {
    return s3;
  }

  KmsClient kms() {
    return kms;
  }

  SecretsManagerClient secrets() {
    return secrets;
  }

  @Override
  public void close() {
    s3.close();
    kms.close();
    secrets.close();
  }
}
