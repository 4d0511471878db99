package com.aigency.api.conversations;

import com.aigency.shared.conversations.ConversationQueries;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.http.ApiHandler;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** GET /projects/{id}/conversations/{cid}/messages: a conversation's messages, oldest first. */
public final class GetConversationMessagesHandler extends ApiHandler {
  private final ConversationQueries conversations;

  public GetConversationMessagesHandler() {
    this(ConversationQueries.fromEnvironment());
  }

  public GetConversationMessagesHandler(ConversationQueries conversations) {
    this.conversations = conversations;
  }

  @Override
  protected Scope requiredScope() {
    return Scope.APP;
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(
        conversations.messages(
            request.tenantId(),
            request.pathParameter("id"),
            request.pathParameter("cid"),
            request.page()));
  }
}
