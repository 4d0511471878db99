package com.aigency.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The jars a benchmark JVM runs with besides the function's own: a jar holding only the bootstrap,
 * the baseline's jar holding only {@link HelloWorldHandler}, and the two jars the Lambda Java
 * runtime itself provides (aws-lambda-java-serialization, aws-lambda-java-core), found where this
 * JVM loaded them from.
 */
public final class BenchJars {
  private BenchJars() {}

  /** Writes a jar with exactly the class files of {@code roots} and their nested classes. */
  public static Path writeJar(Path jar, Class<?>... roots) throws IOException {
    Files.createDirectories(jar.toAbsolutePath().getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Class<?> type : classesOf(roots)) {
        String entry = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
          if (in == null) {
            throw new IOException("No class file for " + type.getName() + " on this JVM's classpath");
          }
          out.putNextEntry(new JarEntry(entry));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    return jar;
  }

  /** The roots and every class nested in them (named, local and anonymous), in a stable order. */
  static Set<Class<?>> classesOf(Class<?>... roots) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (Class<?> root : roots) {
      classes.add(root);
      for (Class<?> member : root.getNestMembers()) {
        classes.add(member);
      }
    }
    return classes;
  }

  /** aws-lambda-java-serialization: what the Lambda runtime deserialises events with. */
  public static Path serializationJar() {
    return locationOf(PojoSerializer.class);
  }

  /** aws-lambda-java-core (RequestHandler, Context): inside every function jar, not in the baseline's. */
  public static Path lambdaCoreJar() {
    return locationOf(Context.class);
  }

  static Path locationOf(Class<?> type) {
    try {
      var source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        throw new IllegalStateException("Cannot tell which jar " + type.getName() + " came from");
      }
      Path path = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(path)) {
        throw new IllegalStateException(type.getName() + " was not loaded from a jar but from " + path);
      }
      return path;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
