package com.aigency.local.services;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** Amazon's DynamoDB Local, in this JVM, in memory or in a folder. */
public final class DynamoDbLocalServer implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final int port;

  private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** {@code dataDir} null keeps tables in memory; otherwise one shared database file in it. */
  public static DynamoDbLocalServer start(int port, Path dataDir) throws Exception {
    List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry"));
    if (dataDir == null) {
      args.add("-inMemory");
    } else {
      Files.createDirectories(dataDir);
      args.addAll(List.of("-sharedDb", "-dbPath", dataDir.toString()));
    }
    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
    bindToLoopback(server);
    server.start();
    return new DynamoDbLocalServer(server, port);
  }

  /**
   * DynamoDB Local offers no host option and listens on every interface; its Jetty connector is
   * narrowed to 127.0.0.1 before start so the local stack is never reachable from the network.
   */
  private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (var connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        serverConnector.setHost("127.0.0.1");
      }
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
