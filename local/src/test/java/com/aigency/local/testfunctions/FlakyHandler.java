package com.aigency.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Test function: always busy, so the state machine's Retry and Catch are exercised. */
public final class FlakyHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    throw new ServiceBusyException("try again later");
  }
}
