package com.aigency.local.stepfunctions.asl;

import java.util.List;
import java.util.stream.Collectors;

/** One step of a parsed JSONPath. {@code toString} gives the bracketed form Jayway prints. */
sealed interface PathStep {

  /** Whether the step selects at most one node (so a path of definite steps is definite). */
  boolean definite();

  /** {@code .name}, {@code ['name']}. */
  record Name(String name) implements PathStep {
    @Override
    public boolean definite() {
      return true;
    }

    @Override
    public String toString() {
      return "['" + name + "']";
    }
  }

  /** {@code ['a','b']}: at the end of a path it builds one object of those members. */
  record Names(List<String> names) implements PathStep {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public String toString() {
      return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(",", "[", "]"));
    }
  }

  /** {@code [3]}, {@code [-1]} (from the end). */
  record Index(int index) implements PathStep {
    @Override
    public boolean definite() {
      return true;
    }

    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  /** {@code [0,2]}. */
  record Indexes(List<Integer> indexes) implements PathStep {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public String toString() {
      return indexes.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
  }

  /** {@code [from:to]}, either bound optional, negative bounds count from the end. */
  record Slice(Integer from, Integer to) implements PathStep {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public String toString() {
      return "[" + (from == null ? "" : from) + ":" + (to == null ? "" : to) + "]";
    }
  }

  /** {@code .*}, {@code [*]}: every member value or array element. */
  record Wildcard() implements PathStep {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public String toString() {
      return "[*]";
    }
  }

  /** {@code [?(...)]}. */
  record Filter(FilterExpression expression) implements PathStep {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public String toString() {
      return "[?(" + expression + ")]";
    }
  }

  /** {@code ..step}: the step applied at every depth. */
  record Scan(PathStep target) implements PathStep {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public String toString() {
      return ".." + target;
    }
  }
}
