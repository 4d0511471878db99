package com.aigency.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Test function: records the task token it is given, as an approval request would store it. */
public final class TokenRecorderHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public synchronized String handleRequest(Map<String, Object> event, Context context) {
    try {
      Files.writeString(Path.of(System.getenv("RECORD_DIR"), "tokens.log"), event.get("token") + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "asked";
  }
}
