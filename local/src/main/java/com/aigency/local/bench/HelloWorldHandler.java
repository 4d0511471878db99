package com.aigency.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The cold-start baseline: the smallest useful Java handler. The benchmark packs this class alone
 * into a jar and runs it exactly as it runs the real functions, so the difference between the two
 * is what our code and its dependencies cost.
 */
public final class HelloWorldHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return "hello";
  }
}
