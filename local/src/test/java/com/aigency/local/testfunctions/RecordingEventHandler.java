package com.aigency.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Test function: records the detail-type, time and detail of every EventBridge event it gets. */
public final class RecordingEventHandler implements RequestHandler<Map<String, Object>, String> {
  private final Path log = Path.of(System.getenv("RECORD_DIR"), "events.log");

  @Override
  public synchronized String handleRequest(Map<String, Object> event, Context context) {
    try {
      Files.writeString(log, event.get("detail-type") + "|" + event.get("time") + "|" + event.get("detail") + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "recorded";
  }
}
