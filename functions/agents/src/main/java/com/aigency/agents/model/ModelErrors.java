package com.aigency.agents.model;

import com.aigency.shared.agents.ModelException;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.io.InterruptedIOException;

/** Names the SDK's failures (left after its retries) the way agent runs record them. */
final class ModelErrors {
  private ModelErrors() {}

  static ModelException map(OpenAIException e, String apiKey) {
    if (e instanceof OpenAIServiceException service) {
      int status = service.statusCode();
      if (status == 401 || status == 403) {
        // No cause and no server text: OpenAI's 401 message quotes part of the key.
        return new ModelException(
            "Agent.Unauthorized", "The model endpoint rejected the API key (HTTP " + status + ")", null);
      }
      String name =
          switch (status) {
            case 429 -> "Agent.RateLimited";
            case 408 -> "Agent.Timeout";
            default -> status >= 500 ? "Agent.ModelUnavailable" : "Agent.ModelRejected";
          };
      return new ModelException(name, redact("HTTP " + status + ": " + service.getMessage(), apiKey), e);
    }
    if (e instanceof OpenAIIoException) {
      // OkHttp reports the call timeout as InterruptedIOException, a read timeout as its subclass.
      boolean timeout = causes(e, InterruptedIOException.class);
      return new ModelException(
          timeout ? "Agent.Timeout" : "Agent.ModelUnavailable",
          timeout ? "The model call timed out" : redact("The model endpoint is unreachable: " + rootMessage(e), apiKey),
          e);
    }
    if (e instanceof OpenAIInvalidDataException) {
      return new ModelException(
          "Agent.ModelUnavailable", "The model endpoint sent a malformed chat completion", e);
    }
    return new ModelException("Agent.ModelUnavailable", redact(String.valueOf(e.getMessage()), apiKey), e);
  }

  private static boolean causes(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static String redact(String message, String apiKey) {
    return apiKey == null || apiKey.isEmpty() ? message : message.replace(apiKey, "***");
  }
}
