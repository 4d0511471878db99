package com.aigency.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The parsed form of an intrinsic function call and its arguments. */
sealed interface IntrinsicExpression {

  /** {@code States.Name(arg, ...)}. */
  record Call(String name, List<IntrinsicExpression> arguments) implements IntrinsicExpression {
    /** This call plus every call nested in its arguments. */
    int callCount() {
      int count = 1;
      for (IntrinsicExpression argument : arguments) {
        if (argument instanceof Call nested) {
          count += nested.callCount();
        }
      }
      return count;
    }
  }

  /**
   * A number, {@code true}, {@code false}, {@code null}, or a quoted string. For a string, {@code
   * raw} keeps the text between the quotes with its escapes, so States.Format can tell an escaped
   * {@code \{\}} from a placeholder.
   */
  record Literal(JsonNode value, String raw) implements IntrinsicExpression {}

  /** A path on the payload input ({@code $.x}) or on the context object ({@code $$.x}). */
  record Path(String path) implements IntrinsicExpression {
    boolean context() {
      return path.startsWith("$$");
    }
  }
}
