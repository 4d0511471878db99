package com.aigency.local.aws.secretsmanager;

/** A tag given at CreateSecret, returned by DescribeSecret. */
record SecretTag(String key, String value) {}
