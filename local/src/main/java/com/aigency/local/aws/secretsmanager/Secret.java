package com.aigency.local.aws.secretsmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A secret and its versions. Staging labels follow Secrets Manager: each label is on at most one
 * version; when AWSCURRENT moves to a new version the old current version becomes AWSPREVIOUS.
 */
record Secret(
    String name,
    String arn,
    String description,
    String kmsKeyId,
    List<SecretTag> tags,
    Instant createdAt,
    Instant lastChangedAt,
    List<SecretVersion> versions) {

  static final String CURRENT = "AWSCURRENT";
  static final String PREVIOUS = "AWSPREVIOUS";

  // Secrets Manager keeps about 100 versions; unlabelled ones beyond that are dropped, oldest
  // first.
  private static final int MAX_VERSIONS = 100;

  Secret {
    tags = List.copyOf(tags);
    versions = List.copyOf(versions);
  }

  Optional<SecretVersion> version(String versionId) {
    return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
  }

  Optional<SecretVersion> versionWithStage(String stage) {
    return versions.stream().filter(v -> v.hasStage(stage)).findFirst();
  }

  /** This secret with {@code added} carrying {@code stages}, taken off the other versions. */
  Secret withVersion(SecretVersion added, Instant now) {
    boolean movesCurrent = added.hasStage(CURRENT);
    String oldCurrent = versionWithStage(CURRENT).map(SecretVersion::versionId).orElse(null);
    List<SecretVersion> updated = new ArrayList<>();
    for (SecretVersion version : versions) {
      List<String> stages = new ArrayList<>(version.stages());
      stages.removeAll(added.stages());
      if (movesCurrent) {
        stages.remove(PREVIOUS);
        if (version.versionId().equals(oldCurrent)) {
          stages.add(PREVIOUS);
        }
      }
      updated.add(version.withStages(stages));
    }
    updated.add(added);
    while (updated.size() > MAX_VERSIONS) {
      SecretVersion oldestUnlabelled =
          updated.stream().filter(v -> v.stages().isEmpty()).findFirst().orElse(null);
      if (oldestUnlabelled == null) {
        break;
      }
      updated.remove(oldestUnlabelled);
    }
    return new Secret(name, arn, description, kmsKeyId, tags, createdAt, now, updated);
  }
}
