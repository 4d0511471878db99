package com.aigency.local.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays the Lambda Java runtime inside a fresh JVM, for the cold-start benchmark: loads and
 * constructs one handler (the init phase), deserialises one event with the runtime's own
 * serialisers, invokes the handler, serialises its result, and prints one JSON line to stdout.
 *
 * <p>Arguments: {@code pkg.Class::method}, the path of an event JSON file, and optionally the
 * epoch millisecond at which the parent launched this process (the origin of {@code jvmToMainMs}
 * and {@code totalMs}); without it the origin is the JVM's own start time ({@code
 * RuntimeMXBean.getStartTime}, which is recorded after the VM has been created and so misses a few
 * tens of milliseconds).
 *
 * <p>With {@code -Daigency.bench.prime=true}, a handler that is an {@code org.crac.Resource} gets
 * its {@code beforeCheckpoint} called after init, as SnapStart does before taking its snapshot
 * ({@code primeMs}); the first invocation is then timed after priming.
 *
 * <p>The output line is {@code {"jvmToMainMs","initMs","firstInvokeMs","totalMs","secondInvokeMs",
 * "primeMs","origin","uptimeMs":{"main","initDone","response"},"response"}} or, when the
 * handler throws, {@code "error"} instead (exit code 1). {@code secondInvokeMs} (the same event
 * again, warm) and {@code uptimeMs} (the JVM-uptime clock of {@code -Xlog},
 * at the end of each phase) are taken after the first response, so they do not disturb the cold
 * figures.
 *
 * <p><b>Only classes that a function's shaded jar and the aws-lambda-java-serialization jar
 * provide may be used here</b> (the JDK, {@code com.amazonaws.services.lambda.runtime.*}): the
 * benchmark runs this class on a classpath of exactly those, as Lambda does. That is also why the
 * JSON is written by hand.
 */
public final class LambdaBootstrap {
  /** Every result line starts with this, so the parent can tell it from a handler's log lines. */
  public static final String RESULT_PREFIX = "{\"jvmToMainMs\":";

  private LambdaBootstrap() {}

  public static void main(String[] args) throws Exception {
    long mainMillis = System.currentTimeMillis();
    long mainNanos = System.nanoTime();
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: LambdaBootstrap pkg.Class::method event.json [launchedAtEpochMillis]");
      System.exit(2);
    }
    // As in Lambda, what the function prints is its log, never the result channel.
    PrintStream resultChannel = System.out;
    System.setOut(System.err);

    String handler = args[0];
    int separator = handler.indexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String methodName = separator < 0 ? "handleRequest" : handler.substring(separator + 2);

    // ---- init: load (with static initialisers), construct, bind serialisers
    ClassLoader loader = LambdaBootstrap.class.getClassLoader();
    Class<?> type = Class.forName(className, true, loader);
    Method method = handlerMethod(type, methodName);
    Object instance = type.getConstructor().newInstance();
    PojoSerializer<Object> input = serializer(method.getParameterTypes()[0], loader);
    PojoSerializer<Object> output = serializer(method.getReturnType(), loader);
    long initDoneNanos = System.nanoTime();

    // ---- with -Daigency.bench.prime=true: what SnapStart runs before its snapshot, when the handler
    // primes itself as an org.crac.Resource (the Lambda runtime calls its beforeCheckpoint)
    String primeMs = "null";
    if (Boolean.getBoolean("aigency.bench.prime")) {
      Class<?> resource = optionalClass("org.crac.Resource", loader);
      if (resource != null && resource.isInstance(instance)) {
        long primeStart = System.nanoTime();
        try {
          resource.getMethod("beforeCheckpoint", Class.forName("org.crac.Context", false, loader))
              .invoke(instance, new Object[] {null});
        } catch (InvocationTargetException e) {
          e.getCause().printStackTrace();
          resultChannel.println(RESULT_PREFIX + "-1,\"error\":{\"errorType\":"
              + quote(e.getCause().getClass().getName()) + ",\"errorMessage\":"
              + quote("beforeCheckpoint failed: " + e.getCause().getMessage()) + "}}");
          resultChannel.flush();
          System.exit(1);
          return;
        }
        primeMs = ms(System.nanoTime() - primeStart);
      }
    }

    // ---- the runtime receives the event, then the first invocation
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    long invokeStartNanos = System.nanoTime();
    String response;
    try {
      response = invoke(method, instance, input, output, event, "cold");
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      cause.printStackTrace();
      resultChannel.println(
          RESULT_PREFIX + "-1,\"error\":{\"errorType\":" + quote(cause.getClass().getName())
              + ",\"errorMessage\":" + quote(String.valueOf(cause.getMessage())) + "}}");
      resultChannel.flush();
      System.exit(1);
      return;
    }
    long responseNanos = System.nanoTime();
    long responseMillis = System.currentTimeMillis();

    // ---- after the cold figures are fixed: origin of the clock, a warm invocation, uptimes
    long origin;
    String originName;
    if (args.length == 3) {
      origin = Long.parseLong(args[2]);
      originName = "launch";
    } else {
      origin = ManagementFactory.getRuntimeMXBean().getStartTime();
      originName = "vmStartTime";
    }
    long secondStart = System.nanoTime();
    String secondInvoke;
    try {
      invoke(method, instance, input, output, event, "warm");
      secondInvoke = ms(System.nanoTime() - secondStart);
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace();
      secondInvoke = "null";
    }
    // the same clock as -Xlog's uptime decoration, so a class-load log can be split into phases
    long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
    long uptimeNanos = System.nanoTime();

    StringBuilder line = new StringBuilder(RESULT_PREFIX);
    line.append(mainMillis - origin)
        .append(",\"initMs\":").append(ms(initDoneNanos - mainNanos))
        .append(",\"firstInvokeMs\":").append(ms(responseNanos - invokeStartNanos))
        .append(",\"totalMs\":").append(responseMillis - origin)
        .append(",\"secondInvokeMs\":").append(secondInvoke)
        .append(",\"primeMs\":").append(primeMs)
        .append(",\"origin\":").append(quote(originName))
        .append(",\"uptimeMs\":{\"main\":").append(uptimeAt(uptimeMs, uptimeNanos, mainNanos))
        .append(",\"initDone\":").append(uptimeAt(uptimeMs, uptimeNanos, initDoneNanos))
        .append(",\"response\":").append(uptimeAt(uptimeMs, uptimeNanos, responseNanos))
        .append('}')
        .append(",\"response\":").append(response)
        .append('}');
    resultChannel.println(line);
    resultChannel.flush();
    // A Lambda sandbox would now wait for the next event; SDK threads must not keep this JVM alive.
    System.exit(0);
  }

  private static String invoke(
      Method method, Object instance, PojoSerializer<Object> input, PojoSerializer<Object> output,
      byte[] event, String requestId) throws InvocationTargetException, IllegalAccessException {
    Object request = input.fromJson(new ByteArrayInputStream(event));
    Object result = method.invoke(instance, request, new BenchContext(requestId));
    if (result == null) {
      return "null";
    }
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    output.toJson(result, json);
    String text = json.toString(StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "null" : text;
  }

  /** The concrete handler method, not the erased bridge, so its parameter types are the real ones. */
  private static Method handlerMethod(Class<?> type, String name) {
    Method found = null;
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 2 && !m.isBridge()) {
        found = m;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(type.getName() + " has no method " + name + "(input, Context)");
    }
    return found;
  }

  private static Class<?> optionalClass(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
    }
    return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
  }

  private static String uptimeAt(long uptimeMs, long uptimeNanos, long eventNanos) {
    return ms(uptimeMs * 1_000_000L - (uptimeNanos - eventNanos));
  }

  private static String ms(long nanos) {
    long tenths = Math.round(nanos / 100_000.0);
    return (tenths / 10) + "." + (tenths % 10);
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The Context a handler sees; log lines go to stderr, the result channel stays clean. */
  private static final class BenchContext implements Context, LambdaLogger {
    private final String requestId;
    private final long deadline = System.currentTimeMillis() + 29_000;

    BenchContext(String requestId) {
      this.requestId = requestId;
    }

    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + getFunctionName();
    }

    @Override
    public String getLogStreamName() {
      return "bench";
    }

    @Override
    public String getFunctionName() {
      String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
      return name == null ? "bench" : name;
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:" + System.getenv("AWS_REGION") + ":000000000000:function:" + getFunctionName();
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
      String memory = System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
      return memory == null ? 1024 : Integer.parseInt(memory);
    }

    @Override
    public LambdaLogger getLogger() {
      return this;
    }

    @Override
    public void log(String message) {
      System.err.println(message);
    }

    @Override
    public void log(byte[] message) {
      System.err.println(new String(message, StandardCharsets.UTF_8));
    }
  }
}
