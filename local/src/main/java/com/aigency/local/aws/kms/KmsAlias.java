package com.aigency.local.aws.kms;

import java.time.Instant;

/** {@code alias/<name>} pointing at a key. */
record KmsAlias(String aliasName, String targetKeyId, Instant createdAt) {}
