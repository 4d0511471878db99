package com.aigency.local.aws.secretsmanager;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One version of a secret's value (string or binary) and the staging labels it carries. */
record SecretVersion(
    String versionId,
    String secretString,
    byte[] secretBinary,
    Instant createdAt,
    List<String> stages) {

  SecretVersion {
    stages = List.copyOf(stages);
  }

  boolean hasStage(String stage) {
    return stages.contains(stage);
  }

  boolean sameValue(String string, byte[] binary) {
    return Objects.equals(secretString, string) && Arrays.equals(secretBinary, binary);
  }

  SecretVersion withStages(List<String> newStages) {
    return new SecretVersion(versionId, secretString, secretBinary, createdAt, newStages);
  }
}
