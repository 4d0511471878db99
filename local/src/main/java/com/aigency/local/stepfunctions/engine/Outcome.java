package com.aigency.local.stepfunctions.engine;

import com.aigency.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;

/** How a state's work ended: a result, or an error with its cause. */
record Outcome(JsonNode result, String error, String cause) {

  static Outcome success(JsonNode result) {
    return new Outcome(result, null, null);
  }

  static Outcome failure(String error, String cause) {
    return new Outcome(null, error == null ? "" : error, cause == null ? "" : cause);
  }

  static Outcome failure(StatesError e) {
    return failure(e.error(), e.cause());
  }

  boolean failed() {
    return error != null;
  }
}
