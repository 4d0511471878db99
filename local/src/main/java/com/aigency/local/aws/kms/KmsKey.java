package com.aigency.local.aws.kms;

import com.aigency.local.aws.LocalAwsAccount;
import java.time.Instant;

/** A symmetric KMS key: its id and its AES-256 key material, which never leaves the local KMS. */
record KmsKey(String keyId, String description, Instant createdAt, byte[] material) {

  String arn() {
    return LocalKms.keyArn(keyId);
  }

  static String aliasArn(String aliasName) {
    return LocalAwsAccount.arn("kms", aliasName);
  }
}
