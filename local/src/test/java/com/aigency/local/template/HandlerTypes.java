package com.aigency.local.template;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a function's handler accepts and returns, found by reflection with the rules of the Lambda
 * Java runtime (EventHandlerLoader in aws-lambda-java-runtime-interface-client): a Handler naming
 * only a class uses RequestStreamHandler, else the type arguments RequestHandler is bound to
 * anywhere in the hierarchy; a Handler naming a method uses that method's own declared signature.
 */
final class HandlerTypes {

  /** The handler's contract; input and output are erased classes. */
  record Signature(Class<?> handlerClass, Class<?> input, Class<?> output, boolean streaming) {}

  /**
   * The runtime's choice among same-named methods: non-bridge first, then the longest signature, a
   * trailing Context counting one extra.
   */
  private static final Comparator<Method> RUNTIME_PRIORITY =
      Comparator.comparing(Method::isBridge)
          .thenComparing(Comparator.comparingInt(HandlerTypes::weight).reversed());

  private HandlerTypes() {}

  /** Loads the class without initialising it: a handler's static init may build AWS clients. */
  static Optional<Class<?>> load(String className) {
    try {
      return Optional.of(
          Class.forName(className, false, Thread.currentThread().getContextClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * The contract of the handler {@code type} (with {@code method}, null when the Handler names only
   * the class), or empty after adding to {@code problems} why the runtime could not use it; each
   * problem starts with {@code who}.
   */
  static Optional<Signature> inspect(
      Class<?> type, String method, String who, List<String> problems) {
    try {
      return inspectLinked(type, method, who, problems);
    } catch (LinkageError e) {
      // Reflection links the classes the handler's signatures mention; one may be missing.
      problems.add(who + ": " + type.getName() + " cannot be linked: " + e);
      return Optional.empty();
    }
  }

  private static Optional<Signature> inspectLinked(
      Class<?> type, String method, String who, List<String> problems) {
    int before = problems.size();
    String name = type.getName();
    boolean requestHandler = RequestHandler.class.isAssignableFrom(type);
    boolean streamHandler = RequestStreamHandler.class.isAssignableFrom(type);
    if (!requestHandler && !streamHandler) {
      problems.add(
          who + ": " + name + " implements neither RequestHandler nor RequestStreamHandler");
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      problems.add(who + ": " + name + " must be a public, concrete class");
    }
    try {
      type.getConstructor();
    } catch (NoSuchMethodException e) {
      problems.add(who + ": " + name + " has no public no-argument constructor");
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    if (method == null) {
      if (streamHandler) {
        return Optional.of(new Signature(type, InputStream.class, void.class, true));
      }
      Type[] args = typeArguments(type, RequestHandler.class);
      if (args == null || Arrays.stream(args).anyMatch(a -> a instanceof TypeVariable<?>)) {
        problems.add(
            who + ": " + name + " does not bind RequestHandler's type arguments to concrete types");
        return Optional.empty();
      }
      return Optional.of(new Signature(type, erase(args[0]), erase(args[1]), false));
    }
    List<Method> named =
        Arrays.stream(type.getMethods())
            .filter(m -> m.getName().equals(method))
            .sorted(RUNTIME_PRIORITY)
            .toList();
    if (named.isEmpty()) {
      problems.add(who + ": " + name + " has no public method " + method);
      return Optional.empty();
    }
    Method chosen = named.get(0);
    Type[] parameters = chosen.getGenericParameterTypes();
    if (parameters.length > 0 && parameters[0] == InputStream.class) {
      return Optional.of(new Signature(type, InputStream.class, void.class, true));
    }
    if (parameters.length > 2 || (parameters.length == 2 && parameters[1] != Context.class)) {
      problems.add(who + ": " + name + "::" + method + " must take (event[, Context])");
      return Optional.empty();
    }
    if (parameters.length > 0 && parameters[0] instanceof TypeVariable<?>) {
      // The runtime reads the method's declared parameter type and does not resolve variables.
      problems.add(
          who
              + ": "
              + name
              + "::"
              + method
              + " declares its event as type variable "
              + parameters[0]
              + "; name only the class in Handler, or declare a concrete method");
      return Optional.empty();
    }
    Class<?> input =
        parameters.length == 0 || parameters[0] == Context.class
            ? void.class
            : erase(parameters[0]);
    return Optional.of(new Signature(type, input, erase(chosen.getGenericReturnType()), false));
  }

  private static int weight(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    boolean context = parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
    return parameters.length + (context ? 1 : 0);
  }

  /** The type arguments {@code type} binds for {@code target}, or null for raw use. */
  static Type[] typeArguments(Class<?> type, Class<?> target) {
    return search(type, target, new HashMap<>());
  }

  private static Type[] search(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw;
    Map<TypeVariable<?>, Type> local = new HashMap<>();
    if (type instanceof ParameterizedType parameterized) {
      raw = (Class<?>) parameterized.getRawType();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] actual = parameterized.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        local.put(variables[i], substitute(actual[i], bindings));
      }
    } else if (type instanceof Class<?> c) {
      raw = c;
    } else {
      return null;
    }
    if (raw == target) {
      if (!(type instanceof ParameterizedType)) {
        return null;
      }
      return Arrays.stream(raw.getTypeParameters()).map(local::get).toArray(Type[]::new);
    }
    List<Type> supertypes = new ArrayList<>(Arrays.asList(raw.getGenericInterfaces()));
    if (raw.getGenericSuperclass() != null) {
      supertypes.add(raw.getGenericSuperclass());
    }
    for (Type supertype : supertypes) {
      Type[] found = search(supertype, target, local);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    return type instanceof TypeVariable<?> variable && bindings.containsKey(variable)
        ? bindings.get(variable)
        : type;
  }

  static Class<?> erase(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      case TypeVariable<?> v -> erase(v.getBounds()[0]);
      case WildcardType w -> erase(w.getUpperBounds()[0]);
      case GenericArrayType a -> erase(a.getGenericComponentType()).arrayType();
      default -> Object.class;
    };
  }
}
