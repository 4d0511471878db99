package com.aigency.local.openai;

import java.time.Duration;
import java.util.Map;

/** One answer queued on {@link OpenAiCompatibleServer}; each request consumes the next one. */
public sealed interface ScriptedReply {

  /** A chat.completion whose message content is {@code content} (JSON text, or anything for malformed output). */
  record Completion(String content, long promptTokens, long completionTokens) implements ScriptedReply {}

  /** An error status with OpenAI's error body {@code {"error":{"message","type","param","code"}}}. */
  record Error(int status, Map<String, String> headers, String message, String type, String code)
      implements ScriptedReply {
    public Error {
      headers = Map.copyOf(headers);
    }
  }

  /** Waits, then answers with {@code then} (to trip client timeouts). */
  record Delayed(Duration delay, ScriptedReply then) implements ScriptedReply {}
}
