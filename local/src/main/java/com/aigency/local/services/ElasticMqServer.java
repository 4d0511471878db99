package com.aigency.local.services;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, the SQS-compatible broker, in this JVM on 127.0.0.1. Messages live in memory. */
public final class ElasticMqServer implements AutoCloseable {
  private final SQSRestServer server;
  private final int port;

  private ElasticMqServer(SQSRestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  public static ElasticMqServer start(int port) {
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .start();
    server.waitUntilStarted();
    return new ElasticMqServer(server, port);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
