package com.aigency.local.agents;

import com.aigency.local.store.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The test suite's shared DynamoDB Local, with a fresh AppTable per test. */
final class AgentsDynamo {
  private AgentsDynamo() {}

  static DynamoDbClient client() {
    return LocalDynamo.shared().client;
  }

  static String freshTable() {
    return LocalDynamo.shared().freshTable();
  }
}
