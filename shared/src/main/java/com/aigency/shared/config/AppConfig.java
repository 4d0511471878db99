package com.aigency.shared.config;

import java.util.Map;
import java.util.Optional;

/**
 * Settings every function reads from its environment, as template.yaml declares them. The same
 * names hold in AWS and locally; only the values differ.
 */
public record AppConfig(String tableName, Optional<String> bucketName, boolean s3ForcePathStyle) {

  public static AppConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static AppConfig from(Map<String, String> env) {
    return new AppConfig(
        required(env, "TABLE_NAME"),
        Optional.ofNullable(env.get("BUCKET_NAME")).filter(s -> !s.isBlank()),
        Boolean.parseBoolean(env.getOrDefault("S3_FORCE_PATH_STYLE", "false")));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "Environment variable " + name + " is not set (template.yaml Globals declares it)");
    }
    return value;
  }
}
