package com.aigency.shared.agents;

import java.nio.charset.StandardCharsets;

/**
 * An upper bound of a request's input tokens, without a tokenizer: a BPE token covers at least one
 * byte, so the UTF-8 byte count of everything sent bounds the token count, plus a few tokens of
 * framing per message. Generous on purpose: it sizes the budget reservation, which must never be
 * below the real cost.
 */
public final class InputTokenCeiling {
  static final int FRAMING_TOKENS_PER_MESSAGE = 8;
  static final int FRAMING_TOKENS_PER_REQUEST = 16;

  private InputTokenCeiling() {}

  public static long of(ModelRequest request) {
    long tokens = FRAMING_TOKENS_PER_REQUEST + bytes(request.systemPrompt()) + FRAMING_TOKENS_PER_MESSAGE;
    for (ChatMessage message : request.messages()) {
      tokens += bytes(message.content()) + FRAMING_TOKENS_PER_MESSAGE;
    }
    if (request.outputSchema() != null) {
      tokens += bytes(request.outputSchema().toString());
    }
    return tokens + bytes(request.schemaName());
  }

  private static long bytes(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
