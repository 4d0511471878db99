package com.aigency.local.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Strict option parsing: every option must be known, every value present. */
final class Args {
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new LinkedHashMap<>();

  private Args() {}

  static Args parse(List<String> args, Set<String> valueOptions) throws UsageException {
    return parse(args, valueOptions, Set.of());
  }

  /** As {@link #parse(List, Set)}, with {@code flags}: options that take no value. */
  static Args parse(List<String> args, Set<String> valueOptions, Set<String> flags) throws UsageException {
    Args parsed = new Args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--")) {
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        if (flags.contains(name) && value == null) {
          parsed.options.put(name, "true");
          continue;
        }
        if (!valueOptions.contains(name)) {
          throw new UsageException("Unknown option " + name + (valueOptions.isEmpty() ? "" : "; known: " + String.join(", ", valueOptions)));
        }
        if (value == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException("Option " + name + " needs a value");
          }
          value = args.get(++i);
        }
        parsed.options.put(name, value);
      } else {
        parsed.positional.add(arg);
      }
    }
    return parsed;
  }

  List<String> positional() {
    return positional;
  }

  boolean flag(String name) {
    return "true".equals(options.get(name));
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  int intOption(String name, int fallback, int min, int max) throws UsageException {
    Optional<String> value = option(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a number from " + min + " to " + max + ", not '" + value.get() + "'");
    }
  }
}
