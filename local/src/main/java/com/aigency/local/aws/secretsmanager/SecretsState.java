package com.aigency.local.aws.secretsmanager;

import java.util.List;

/** What the local Secrets Manager saves in its data directory. */
record SecretsState(List<Secret> secrets) {}
