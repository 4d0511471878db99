package com.aigency.local.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** Where each local service listens. The API port is the user's; the others are picked free. */
public record LocalPorts(int api, int dynamoDb, int sqs, int s3, int awsJson, int meta) {

  public List<String> asArgs() {
    return List.of(
        Integer.toString(api),
        Integer.toString(dynamoDb),
        Integer.toString(sqs),
        Integer.toString(s3),
        Integer.toString(awsJson),
        Integer.toString(meta));
  }

  public static LocalPorts fromArgs(List<String> args) {
    return new LocalPorts(
        Integer.parseInt(args.get(0)),
        Integer.parseInt(args.get(1)),
        Integer.parseInt(args.get(2)),
        Integer.parseInt(args.get(3)),
        Integer.parseInt(args.get(4)),
        Integer.parseInt(args.get(5)));
  }

  /** Fails with a clear message when {@code apiPort} is taken; other ports are chosen free. */
  public static LocalPorts choose(int apiPort) throws PortInUseException {
    requireFree(apiPort);
    return new LocalPorts(apiPort, freePort(), freePort(), freePort(), freePort(), freePort());
  }

  public static void requireFree(int port) throws PortInUseException {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new PortInUseException(port);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free local port", e);
    }
  }

  /** The requested port is already bound by another process. */
  public static final class PortInUseException extends Exception {
    public PortInUseException(int port) {
      super("Port " + port + " is already in use (is another ./aigency local running?). Choose another with --port N.");
    }
  }
}
