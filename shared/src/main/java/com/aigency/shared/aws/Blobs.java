package com.aigency.shared.aws;

import com.aigency.shared.config.AppConfig;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The artifact bucket ({@code BUCKET_NAME}): objects too large for a DynamoDB item. Path-style
 * addressing when {@code S3_FORCE_PATH_STYLE} says so (S3-compatible endpoints).
 */
public final class Blobs {
  private final S3Client s3;
  private final String bucket;

  public Blobs(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public static Blobs fromEnvironment() {
    AppConfig config = AppConfig.fromEnvironment();
    String bucket = config.bucketName()
        .orElseThrow(() -> new IllegalStateException("Environment variable BUCKET_NAME is not set"));
    return new Blobs(S3Client.builder().httpClient(AwsClients.http())
        .forcePathStyle(config.s3ForcePathStyle()).build(), bucket);
  }

  public void put(String key, byte[] bytes, String contentType) {
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
  }

  public byte[] get(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }
}
