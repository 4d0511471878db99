package com.aigency.local.aws.kms;

import java.util.List;

/** What the local KMS saves in its data directory. */
record KmsState(List<KmsKey> keys, List<KmsAlias> aliases) {}
