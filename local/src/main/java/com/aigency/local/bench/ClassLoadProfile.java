package com.aigency.local.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which classes a cold start loads, and in which phase: read from an {@code -Xlog:class+load} log
 * of a separate, untimed run, split at the JVM-uptime instants the bootstrap reported. Pure, so it
 * is unit-tested. Phase boundaries are as precise as the log's millisecond uptime.
 */
public final class ClassLoadProfile {
  public enum Phase { JVM_START, INIT, FIRST_INVOKE, AFTER }

  /** Where a class comes from, by package. */
  public enum Group {
    AWS_SDK("AWS SDK v2"),
    JACKSON("Jackson"),
    LAMBDA_RUNTIME_LIBS("Lambda libs"),
    LOGGING("Log4j, SLF4J, Powertools"),
    AIGENCY("Aigency"),
    JDK("JDK"),
    OTHER("other");

    public final String label;

    Group(String label) {
      this.label = label;
    }
  }

  private record Loaded(String name, boolean fromCds) {}

  private static final Pattern LINE =
      Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s\\]\\[[a-z]+\\s*\\]\\[class,load\\s*\\] (\\S+) source: (.*)$");

  private final Map<Phase, List<Loaded>> loaded = new EnumMap<>(Phase.class);

  private ClassLoadProfile() {
    for (Phase phase : Phase.values()) {
      loaded.put(phase, new ArrayList<>());
    }
  }

  /** Splits the log's lines at the uptimes (ms) at which main started, init ended and the response was ready. */
  public static ClassLoadProfile parse(List<String> logLines, double mainMs, double initDoneMs, double responseMs) {
    ClassLoadProfile profile = new ClassLoadProfile();
    for (String line : logLines) {
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      double at = Double.parseDouble(m.group(1)) * 1000.0;
      Phase phase = at <= mainMs ? Phase.JVM_START
          : at <= initDoneMs ? Phase.INIT
          : at <= responseMs ? Phase.FIRST_INVOKE
          : Phase.AFTER;
      profile.loaded.get(phase).add(new Loaded(m.group(2), m.group(3).startsWith("shared objects file")));
    }
    return profile;
  }

  static Group group(String className) {
    if (className.startsWith("software.amazon.awssdk.")) {
      return Group.AWS_SDK;
    }
    if (className.startsWith("com.fasterxml.jackson.")) {
      return Group.JACKSON;
    }
    if (className.startsWith("com.amazonaws.")) {
      return Group.LAMBDA_RUNTIME_LIBS;
    }
    if (className.startsWith("org.apache.logging.") || className.startsWith("org.slf4j.")
        || className.startsWith("software.amazon.lambda.powertools.")) {
      return Group.LOGGING;
    }
    if (className.startsWith("com.aigency.")) {
      return Group.AIGENCY;
    }
    if (className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
        || className.startsWith("sun.") || className.startsWith("com.sun.")) {
      return Group.JDK;
    }
    return Group.OTHER;
  }

  /**
   * A package prefix short enough to group by and long enough to say what it is: four segments
   * under {@code software.amazon} and {@code com.amazonaws} (e.g. {@code
   * software.amazon.awssdk.regions}), three elsewhere (e.g. {@code org.apache.logging}).
   */
  static String packageOf(String className) {
    int dollar = className.indexOf('$');
    String name = dollar < 0 ? className : className.substring(0, dollar);
    String[] parts = name.split("\\.");
    int keep = name.startsWith("software.amazon.") || name.startsWith("com.amazonaws.") ? 4 : 3;
    keep = Math.min(keep, parts.length - 1);
    return keep <= 0 ? "(default package)" : String.join(".", Arrays.copyOf(parts, keep));
  }

  public int count(Phase phase) {
    return loaded.get(phase).size();
  }

  public int count(Phase phase, Group group) {
    return (int) loaded.get(phase).stream().filter(c -> group(c.name()) == group).count();
  }

  /** Classes of the phase whose name starts with {@code prefix}. */
  public int countWithPrefix(Phase phase, String prefix) {
    return (int) loaded.get(phase).stream().filter(c -> c.name().startsWith(prefix)).count();
  }

  /** Classes of the phase that came from the CDS archive (mapped, not parsed and verified). */
  public int fromCds(Phase phase) {
    return (int) loaded.get(phase).stream().filter(Loaded::fromCds).count();
  }

  /** The packages (see {@link #packageOf}) that loaded the most classes in the phase, most first. */
  public List<Map.Entry<String, Integer>> topPackages(Phase phase, int limit) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    loaded.get(phase).forEach(c -> counts.merge(packageOf(c.name()), 1, Integer::sum));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .toList();
  }

  /** Init and first invoke together, by group. */
  public Map<Group, Integer> coldByGroup() {
    Map<Group, Integer> sum = new LinkedHashMap<>();
    for (Group group : Group.values()) {
      sum.put(group, count(Phase.INIT, group) + count(Phase.FIRST_INVOKE, group));
    }
    return sum;
  }
}
