package com.aigency.oauth;

import com.aigency.shared.facebook.FacebookServices;
import com.aigency.shared.facebook.TokenCheck;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The daily EventBridge schedule: checks Meta tokens as of the event's {@code time}, the moment
 * the schedule fired.
 */
public final class TokenCheckHandler implements RequestHandler<Map<String, Object>, TokenCheck.Summary> {
  private final TokenCheck check;

  public TokenCheckHandler() {
    this(FacebookServices.fromEnvironment().tokenCheck());
  }

  public TokenCheckHandler(TokenCheck check) {
    this.check = check;
  }

  @Override
  public TokenCheck.Summary handleRequest(Map<String, Object> event, Context context) {
    return check.run(scheduledTime(event));
  }

  static Instant scheduledTime(Map<String, Object> event) {
    Object time = event == null ? null : event.get("time");
    if (time instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("The scheduled event's time is not ISO-8601: " + s, e);
      }
    }
    throw new IllegalArgumentException("The scheduled event has no time");
  }
}
