package com.aigency.shared.agents;

/** The transport to a model (OpenAI-compatible endpoint, or the offline model). */
public interface ModelClient {
  ModelReply complete(ModelRequest request) throws ModelException;
}
