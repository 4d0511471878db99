package com.aigency.local.runtime;

import com.aigency.local.template.FunctionDef;
import com.aigency.local.template.SamTemplate;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the template's functions in this JVM, by logical id, as the Lambda Java runtime would: the
 * handler class is built with its no-argument constructor (a "cold start"), the JSON event is
 * deserialised with the runtime's own serialisers, and an instance serves one invocation at a
 * time; concurrent invocations get more instances, as Lambda scales out.
 */
public final class FunctionHost {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionHost.class);

  private final SamTemplate template;
  private final Map<String, Binding> bindings = new ConcurrentHashMap<>();

  public FunctionHost(SamTemplate template) {
    this.template = template;
  }

  /** Invokes a function with a JSON event and returns its JSON result. */
  public String invoke(String logicalId, String eventJson) {
    Binding binding = bindings.computeIfAbsent(logicalId, this::bind);
    Object instance = binding.idle.pollFirst();
    try {
      if (instance == null) {
        instance = binding.newInstance();
      }
      Object input = binding.input.fromJson(eventJson);
      Context context = new LocalLambdaContext(logicalId, binding.memoryMb, binding.timeoutSeconds);
      Object output = binding.method.invoke(instance, input, context);
      binding.idle.addFirst(instance);
      if (output == null) {
        return "null";
      }
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      binding.output.toJson(output, json);
      return json.toString(StandardCharsets.UTF_8);
    } catch (InvocationTargetException e) {
      if (instance != null) {
        binding.idle.addFirst(instance);
      }
      Throwable cause = e.getCause();
      LOG.warn("{} failed: {}", logicalId, cause.toString());
      throw new FunctionError(cause.getClass().getName(), String.valueOf(cause.getMessage()), cause);
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (e instanceof FunctionError fe) {
        throw fe;
      }
      throw new FunctionError(e.getClass().getName(), "Could not invoke " + logicalId + ": " + e, e);
    }
  }

  public boolean hosts(String logicalId) {
    return template.functions().stream().anyMatch(f -> f.logicalId().equals(logicalId));
  }

  /** Builds every function once, so a broken handler fails the start rather than a request. */
  public void warmAll() {
    for (FunctionDef f : template.functions()) {
      Binding binding = bindings.computeIfAbsent(f.logicalId(), this::bind);
      try {
        binding.idle.addFirst(binding.newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot construct " + f.handlerClass() + " for " + f.logicalId() + ": " + e.getCause(), e);
      }
    }
  }

  private Binding bind(String logicalId) {
    FunctionDef function =
        template.functions().stream()
            .filter(f -> f.logicalId().equals(logicalId))
            .findFirst()
            .orElseThrow(() -> new FunctionError("ResourceNotFoundException", "No function " + logicalId + " in template.yaml", null));
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(function.handlerClass(), true, loader);
      String methodName = function.handlerMethod() == null ? "handleRequest" : function.handlerMethod();
      Method method = handlerMethod(type, methodName);
      PojoSerializer<Object> input = serializer(method.getParameterTypes()[0], loader);
      PojoSerializer<Object> output = serializer(method.getReturnType(), loader);
      return new Binding(
          type, method, input, output, function.properties().path("MemorySize").asInt(1024), function.properties().path("Timeout").asInt(29));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Handler class " + function.handlerClass() + " of " + logicalId + " is not on the classpath", e);
    }
  }

  /** The concrete handleRequest, not the erased bridge method, so its parameter types are real. */
  private static Method handlerMethod(Class<?> type, String name) {
    Method best = null;
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 2 && !m.isBridge()) {
        best = m;
      }
    }
    if (best == null || !RequestHandler.class.isAssignableFrom(type)) {
      throw new IllegalStateException(type.getName() + " has no RequestHandler method " + name);
    }
    return best;
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
    }
    return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
  }

  private record Binding(
      Class<?> type,
      Method method,
      PojoSerializer<Object> input,
      PojoSerializer<Object> output,
      int memoryMb,
      int timeoutSeconds,
      ConcurrentLinkedDeque<Object> idle) {
    Binding(Class<?> type, Method method, PojoSerializer<Object> input, PojoSerializer<Object> output, int memoryMb, int timeoutSeconds) {
      this(type, method, input, output, memoryMb, timeoutSeconds, new ConcurrentLinkedDeque<>());
    }

    Object newInstance() throws ReflectiveOperationException {
      return type.getConstructor().newInstance();
    }
  }
}
